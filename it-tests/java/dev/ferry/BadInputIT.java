package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every bad input gets a clear problem+json answer, and none of them stores or queues anything. */
class BadInputIT extends FerryIntegrationTest {

    @Autowired
    JdbcClient jdbc;

    private long ordersBefore;
    private long journalBefore;
    private int erpCallsBefore;

    @BeforeEach
    void countBefore() {
        ordersBefore = count("orders");
        journalBefore = count("order_journal");
        erpCallsBefore = sandbox.erp().server().getAllServeEvents().size();
    }

    @AfterEach
    void nothingWasStoredOrQueued() {
        assertThat(count("orders")).isEqualTo(ordersBefore);
        assertThat(count("order_journal")).isEqualTo(journalBefore);
        assertThat(sandbox.erp().server().getAllServeEvents()).hasSize(erpCallsBefore);
    }

    @Test
    void malformedJsonIs400WithWhereItBroke() {
        HttpResponse<String> response = post("{\"externalId\": \"BAD-1\", ", "application/json", INTAKE_KEY, null);

        JsonNode problem = problem(response, 400);
        assertThat(problem.path("errors").get(0).path("message").asText()).contains("line 1").contains("column");
    }

    @Test
    void aJsonArrayIsNotAnOrder() {
        problem(post("[]", "application/json", INTAKE_KEY, null), 400);
    }

    @Test
    void everySchemaViolationIsListedWithItsPointer() {
        ObjectNode order = TestOrders.ordinary("BAD-2");
        order.remove("shipTo");
        order.put("currency", "XYZ");
        order.withObjectProperty("customer").put("id", 42);
        ObjectNode line = (ObjectNode) order.withArrayProperty("lines").get(0);
        line.put("quantity", -1);
        line.put("unitPrice", "twelve");

        JsonNode problem = problem(post(order), 400);

        assertThat(problem.path("errors").findValuesAsText("pointer")).contains(
                "/shipTo", "/currency", "/customer/id", "/lines/0/quantity", "/lines/0/unitPrice");
        assertThat(problem.path("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).isNotBlank());
    }

    @Test
    void missingFieldsAreEachNamed() {
        JsonNode problem = problem(post("{\"source\":\"webshop\"}", "application/json", INTAKE_KEY, null), 400);

        assertThat(problem.path("errors").findValuesAsText("pointer"))
                .contains("/externalId", "/customer", "/currency", "/lines", "/shipTo");
    }

    @Test
    void fiftyThousandUnknownKeysListTheFirstHundredAndCountThemAll() {
        ObjectNode order = TestOrders.ordinary("BAD-KEYS");
        for (int i = 0; i < 50_000; i++) {
            order.put("k" + i, 1);
        }

        HttpResponse<String> response = post(order);

        JsonNode problem = problem(response, 400);
        assertThat(problem.path("errorCount").asInt()).isEqualTo(50_000);
        assertThat(problem.path("errors")).hasSize(100);
        assertThat(problem.path("errors").findValuesAsText("pointer")).allSatisfy(p -> assertThat(p).startsWith("/k"));
        assertThat(problem.path("detail").asText()).contains("first 100 of the 50000");
        assertThat(response.body().length()).isLessThan(20_000);
    }

    @Test
    void moneyWithMoreDecimalsThanItsCurrencyAndQuantitiesThatAreNotWholeNumbersAreRefusedAtTheirPointers() {
        String order = withLines("BAD-AMOUNTS", """
                [{"sku":"SKU-RED-MUG","quantity":1,"unitPrice":"12.5001"},
                 {"sku":"SKU-BLUE-PLATE","quantity":2.0,"unitPrice":"18.90"},
                 {"sku":"SKU-TEA-TOWEL","quantity":1,"unitPrice":7.951}]""");

        JsonNode problem = problem(post(order, "application/json", INTAKE_KEY, null), 400);

        assertThat(problem.path("errors").findValuesAsText("pointer"))
                .containsExactly("/lines/0/unitPrice", "/lines/1/quantity", "/lines/2/unitPrice");
        assertThat(problem.path("errors").get(0).path("message").asText()).isEqualTo("EUR has 2 decimals; 12.5001 has 4");
        assertThat(problem.path("errors").get(2).path("message").asText()).isEqualTo("EUR has 2 decimals; 7.951 has 3");
    }

    @Test
    void numbersInExponentNotationAreRefusedAtTheirPointers() {
        String order = withLines("BAD-EXPONENTS", """
                [{"sku":"SKU-RED-MUG","quantity":1e2,"unitPrice":"12.50"},
                 {"sku":"SKU-BLUE-PLATE","quantity":1,"unitPrice":1e-999999999}]""");

        JsonNode problem = problem(post(order, "application/json", INTAKE_KEY, null), 400);

        assertThat(problem.path("errors").findValuesAsText("pointer")).containsExactly("/lines/0/quantity",
                "/lines/1/unitPrice");
        assertThat(problem.path("errors").findValuesAsText("message")).allSatisfy(m -> assertThat(m).contains("exponent"));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String big = TestOrders.ordinary("BAD-3").put("notes", "x".repeat(2 * 1024 * 1024)).toString();

        problem(post(big, "application/json", INTAKE_KEY, null), 413);
    }

    @Test
    void plainTextIs415() {
        problem(post(TestOrders.ordinary("BAD-4").toString(), "text/plain", INTAKE_KEY, null), 415);
    }

    @Test
    void noKeyIs401() {
        HttpResponse<String> response = post(TestOrders.ordinary("BAD-5").toString(), "application/json", null, null);

        problem(response, 401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @Test
    void aWrongKeyIs401() {
        problem(post(TestOrders.ordinary("BAD-6").toString(), "application/json", "not-a-key", null), 401);
    }

    /** An ordinary EUR order whose lines are the JSON text given, numbers exactly as written there. */
    private static String withLines(String externalId, String lines) {
        return TestOrders.ordinary(externalId).putRawValue("lines", new RawValue(lines)).toString();
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode problem = read(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("type").asText()).startsWith("https://");
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        return problem;
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
