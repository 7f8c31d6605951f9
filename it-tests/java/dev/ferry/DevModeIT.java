package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Dev mode, on by default in the sandbox profile, on a copy of the project's files as the Ferry home, with orders
 * flowing all the while: a valid change of the order route is live within seconds, a broken one is refused with
 * its file:line:column while the previous route carries on, and its fix applies; every order posted meanwhile
 * completes. A changed Kamelet is used by the orders after it; a changed scheduled route fires no run.
 */
@TestPropertySource(properties = "ferry.home=" + DevModeIT.HOME)
class DevModeIT extends FerryIntegrationTest {

    static final String HOME = "target/dev-mode-it/home";
    private static final String OPS_KEY = "ferry-sandbox-ops-key";
    private static final Path ROUTE = Path.of(HOME, "routes", "order-fulfilment.yaml");
    private static final String CHECK_RULES = "              - bean:\n"
            + "                  ref: orderRules\n"
            + "                  method: check\n";

    // before the context reads ferry.home: the copy must exist when Camel loads its routes and Kamelets
    static {
        try {
            FileSystemUtils.deleteRecursively(Path.of(HOME));
            for (String folder : List.of("config", "routes", "connectors", "rpa-bots")) {
                FileSystemUtils.copyRecursively(Path.of(folder), Path.of(HOME, folder));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final List<String> posted = new CopyOnWriteArrayList<>();
    private final AtomicInteger counter = new AtomicInteger();
    private ScheduledExecutorService shop;
    private String shipped;

    @BeforeEach
    void ordersFlow() throws IOException {
        shipped = Files.readString(ROUTE);
        assertThat(shipped).contains(CHECK_RULES);
        shop = Executors.newSingleThreadScheduledExecutor();
        shop.scheduleWithFixedDelay(() -> posted.add(accept(TestOrders.ordinary("DEV-" + counter.incrementAndGet()))),
                0, 100, TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stopTheShop() {
        shop.shutdownNow();
    }

    @Test
    void aChangeIsLiveWithinSecondsABrokenOneLeavesThePreviousRouteRunningAndItsFixApplies() throws Exception {
        await().atMost(Duration.ofSeconds(60)).until(() -> posted.size() >= 5);

        Instant written = write(version("v2"));
        JsonNode applied = awaitReload(written, "applied");
        String afterV2 = accept(TestOrders.ordinary("DEV-AFTER-V2"));

        assertThat(applied.path("files").toString()).contains("routes/order-fulfilment.yaml");
        assertThat(applied.path("routes").toString()).contains("fulfil-order").doesNotContain("crm-order-pull");
        assertThat(refs(awaitStatus(afterV2, "COMPLETED")).path("routeVersion").asText()).isEqualTo("v2");

        // a step misspelt: the check refuses it, and orders go on through the v2 route
        written = write(version("v3").replace("- transform:", "- transfrom:"));
        JsonNode refused = awaitReload(written, "refused");
        String afterBroken = accept(TestOrders.ordinary("DEV-AFTER-BROKEN"));

        assertThat(refused.path("mistakes")).hasSize(1);
        assertThat(refused.path("mistakes").get(0).asText()).matches("routes/order-fulfilment\\.yaml:\\d+:\\d+: "
                + "unknown step or key 'transfrom' \\(did you mean 'transform'\\?\\).*");
        assertThat(refs(awaitStatus(afterBroken, "COMPLETED")).path("routeVersion").asText()).isEqualTo("v2");

        written = write(version("v3"));
        JsonNode fixed = awaitReload(written, "applied");
        String afterFix = accept(TestOrders.ordinary("DEV-AFTER-FIX"));

        assertThat(refs(awaitStatus(afterFix, "COMPLETED")).path("routeVersion").asText()).isEqualTo("v3");
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness")).GET().build()).statusCode())
                .isEqualTo(200);

        shop.shutdownNow();
        assertThat(shop.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(posted).as("every order posted while the routes changed")
                        .allSatisfy(id -> assertThat(order(id).path("status").asText()).isEqualTo("COMPLETED")));
        System.out.printf("DevModeIT: %d orders; reloads took %d ms (applied), %d ms (refused), %d ms (fix)%n",
                posted.size(), applied.path("millis").asLong(), refused.path("millis").asLong(),
                fixed.path("millis").asLong());
    }

    @Test
    void aChangedScheduledRouteIsMadeAgainWithoutAFireAndTheOtherSchedulesAreLeftAlone() throws Exception {
        // the schedules of the tests fire in 2099: any run now would be a fire the reload caused
        Path pull = Path.of(HOME, "routes", "crm-order-pull.yaml");
        String shippedPull = Files.readString(pull);
        String added = "        - log: \"pulling, as changed in dev mode\"\n";
        String changed = shippedPull.replaceFirst("\n      steps:\n", "\n      steps:\n" + added);
        assertThat(changed).isNotEqualTo(shippedPull);

        Instant written = write(pull, changed);
        JsonNode applied = awaitReload(written, "applied");

        assertThat(applied.path("routes").toString()).isEqualTo("[\"crm-order-pull\"]");
        assertThat(send(HttpRequest.newBuilder(uri("/api/dev/reload")).header("Authorization", "Bearer " + INTAKE_KEY)
                .GET().build()).statusCode()).as("a shop's key reads no reloads").isEqualTo(403);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            for (String schedule : List.of("crm-order-pull", "tracking-sync", "nightly-reconciliation")) {
                assertThat(runs(schedule)).as(schedule).isEmpty();
            }
        });
    }

    @Test
    void aChangedKameletIsUsedByTheOrdersAfterIt() throws Exception {
        Path kamelet = Path.of(HOME, "connectors", "erp", "erp-create-sales-order-action.kamelet.yaml");
        String shippedKamelet = Files.readString(kamelet);
        String changed = shippedKamelet.replace("expression: \"{ erpOrderId: .id }\"",
                "expression: \"{ erpOrderId: .id, erpVia: \\\"dev mode\\\" }\"");
        assertThat(changed).isNotEqualTo(shippedKamelet);

        Instant written = write(kamelet, changed);
        JsonNode applied = awaitReload(written, "applied");
        String after = accept(TestOrders.ordinary("DEV-AFTER-KAMELET"));

        assertThat(applied.path("routes").toString()).contains("fulfil-order");
        JsonNode refs = refs(awaitStatus(after, "COMPLETED"));
        assertThat(refs.path("erpVia").asText()).isEqualTo("dev mode");
        assertThat(refs.path("erpOrderId").asText()).startsWith("SO-");
    }

    private JsonNode runs(String schedule) {
        return read(send(HttpRequest.newBuilder(uri("/api/schedules/" + schedule + "/runs"))
                .header("Authorization", "Bearer " + OPS_KEY).GET().build()).body()).path("items");
    }

    /** The shipped route with a transform in check-rules whose reply the journal records as the ref routeVersion. */
    private String version(String version) {
        return shipped.replace(CHECK_RULES, CHECK_RULES
                + "              - transform:\n"
                + "                  jq:\n"
                + "                    expression: '{ routeVersion: \"" + version + "\" }'\n");
    }

    private static Instant write(String text) throws IOException {
        return write(ROUTE, text);
    }

    private static Instant write(Path file, String text) throws IOException {
        Instant now = Instant.now();
        Files.writeString(file, text);
        return now;
    }

    private JsonNode awaitReload(Instant after, String outcome) {
        // live within seconds of the write, however loaded the machine; the result reports the real time from the
        // first write seen to the routes running (and the test prints it)
        return await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode result = read(send(HttpRequest.newBuilder(uri("/api/dev/reload"))
                    .header("Authorization", "Bearer " + OPS_KEY).GET().build()).body());
            return result.hasNonNull("time") && Instant.parse(result.path("time").asText()).isAfter(after)
                    ? result : null;
        }, result -> result != null && outcome.equals(result.path("outcome").asText()));
    }

    private static JsonNode refs(JsonNode order) {
        return order.path("refs");
    }
}
