package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Route tests and dry runs, with the production jar's own commands: an order a reviewer fixed becomes a route test
 * that passes; the route tests kept in it-tests/route-tests/ pass against the routes on disk; and a dry run over
 * a hundred recorded orders names exactly the orders a route change would alter.
 */
class RouteTestsIT extends FerryIntegrationTest {

    private static final String OPS_KEY = InboxApiIT.OPS_KEY;
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void aFixedInboxOrderBecomesARouteTestThatPasses(@TempDir Path tests) throws Exception {
        String externalId = unique("FIXED");
        ObjectNode discontinued = TestOrders.ordinary(externalId);
        ((ObjectNode) discontinued.withArrayProperty("lines").get(0)).put("sku", "DISCONTINUED-LAMP");
        String orderId = accept(discontinued);
        awaitStatus(orderId, "FLAGGED");
        String exception = exceptionOf(orderId);
        assertThat(send(authorized("/api/exceptions/" + exception + "/payload")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(TestOrders.ordinary(externalId).toString())).build())
                .statusCode()).isEqualTo(200);
        assertThat(send(authorized("/api/exceptions/" + exception + "/replay")
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(202);
        awaitStatus(orderId, "COMPLETED");

        Ferry made = ferry("route-test", orderId, "--from=http://localhost:" + port, "--key=" + OPS_KEY,
                "--out=" + tests);

        assertThat(made.exit()).as(made.output()).isEqualTo(0);
        Path file = tests.resolve("webshop-" + externalId + ".yaml");
        assertThat(made.output()).contains("wrote " + file);
        JsonNode test = YAML.readTree(file.toFile());
        assertThat(test.path("payload").path("lines").get(0).path("sku").asText()).isEqualTo("SKU-RED-MUG");
        assertThat(test.path("expect").path("status").asText()).isEqualTo("COMPLETED");
        // the sales order as the ERP made it after the fix, not its refusal before
        assertThat(test.path("answers").path("create-sales-order")).hasSize(1);
        assertThat(test.path("answers").path("create-sales-order").get(0).path("kind").asText()).isEqualTo("OK");
        assertThat(test.path("answers").path("create-sales-order").get(0).path("refs").path("erpOrderId").asText())
                .isEqualTo(order(orderId).path("refs").path("erpOrderId").asText());
        assertThat(texts(test.path("expect").path("steps"))).containsExactly("check-rules OK", "resolve-customer OK",
                "create-sales-order OK", "create-invoice OK", "create-shipment OK", "update-crm-status OK");

        Ferry rehearsed = ferry("replay", "--dry-run", file.toString());

        assertThat(rehearsed.exit()).as(rehearsed.output()).isEqualTo(0);
        assertThat(rehearsed.output()).contains("1 orders rehearsed, none would end differently");
    }

    @Test
    void theRouteTestsKeptWithTheProjectPass() throws Exception {
        Path kept = projectDir().resolve("it-tests/route-tests");
        long files;
        try (Stream<Path> all = Files.list(kept)) {
            files = all.filter(p -> p.toString().endsWith(".yaml")).count();
        }
        assertThat(files).as("route tests in " + kept).isPositive();

        Ferry rehearsed = ferry("replay", "--dry-run", kept.toString());

        assertThat(rehearsed.exit()).as(rehearsed.output()).isEqualTo(0);
        assertThat(rehearsed.output()).contains(files + " orders rehearsed, none would end differently");
    }

    @Test
    void aDryRunOverAHundredRecordedOrdersNamesExactlyTheOrdersARouteChangeAlters(@TempDir Path home) throws Exception {
        // the bench source is this test's alone in the context: the dry run lists its newest hundred
        List<String> sek = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String externalId = unique("DRY" + i);
            ObjectNode order = TestOrders.ordinary(externalId);
            order.put("source", "bench");
            if (i % 10 == 3) {
                order.put("currency", "SEK");
                sek.add(externalId);
            } else if (i % 10 == 5) {
                order.withObjectProperty("customer").put("id", "C-FLAKY"); // two 503s from the ERP, then done
            } else if (i % 10 == 7) {
                ((ObjectNode) order.withArrayProperty("lines").get(0)).put("sku", "DISCONTINUED-LAMP"); // flagged
            }
            all.add(accept(order));
        }
        for (String id : all) {
            awaitEnded(id);
        }
        copyProject(home);
        // the deliberate change: a new rule in the route, which flags orders in Swedish crowns for a person
        Path route = home.resolve("routes/order-fulfilment.yaml");
        String before = Files.readString(route);
        String after = before.replace("""
                              - bean:
                                  ref: orderRules
                                  method: check
                """, """
                              - bean:
                                  ref: orderRules
                                  method: check
                              - filter:
                                  jq:
                                    expression: '.currency == "SEK"'
                                  steps:
                                    - throwException:
                                        exceptionType: dev.ferry.routing.BusinessRuleException
                                        message: "Orders in SEK need a person's approval"
                """);
        assertThat(after).as("the route change applies").isNotEqualTo(before);
        Files.writeString(route, after);

        Ferry dryRun = ferry("replay", "--dry-run", "--ferry.home=" + home, "--from=http://localhost:" + port,
                "--key=" + OPS_KEY, "--source=bench", "--last=100");

        assertThat(dryRun.exit()).as(dryRun.output()).isEqualTo(1);
        List<String> changed = dryRun.output().lines().filter(l -> l.startsWith("CHANGED ")).toList();
        assertThat(changed).as(dryRun.output()).hasSize(10);
        for (String externalId : sek) {
            assertThat(changed).as(externalId).anySatisfy(line -> assertThat(line).contains(" " + externalId + ")")
                    .contains("would be 'check-rules FAILED'").endsWith("would end FLAGGED at check-rules (BUSINESS_RULE)"));
        }
        assertThat(dryRun.output()).contains("100 orders rehearsed, 10 would end differently");
    }

    // --- helpers

    private record Ferry(int exit, String output) {
    }

    /** {@code java -jar target/ferry.jar <args>}, as an engineer runs it, in the project folder. */
    private static Ferry ferry(String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("ferry-command-", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", projectDir().resolve("target/ferry.jar").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(projectDir().toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().remove("FERRY_PROFILE");
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("ferry " + String.join(" ", args) + " did not end in 5 minutes:\n" + Files.readString(out));
        }
        return new Ferry(process.exitValue(), Files.readString(out));
    }

    private void awaitEnded(String orderId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120))
                .pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> order(orderId).path("status").asText(), s -> s.equals("COMPLETED") || s.equals("FLAGGED"));
    }

    private String exceptionOf(String orderId) {
        HttpResponse<String> page = send(authorized("/api/exceptions?status=OPEN&q=" + orderId).GET().build());
        JsonNode items = read(page.body()).path("items");
        assertThat(items).as(page.body()).hasSize(1);
        return items.get(0).path("id").asText();
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPS_KEY);
    }

    private static void copyProject(Path home) throws IOException {
        for (String folder : List.of("routes", "connectors", "rpa-bots", "config")) {
            Path from = projectDir().resolve(folder);
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : files.toList()) {
                    Path to = home.resolve(folder).resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(file, to);
                    }
                }
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }

    private static String unique(String prefix) {
        return "RT-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
