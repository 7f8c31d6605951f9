package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.SandboxHttp.Answer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxErpTests {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private SandboxHttp erp;

    @BeforeEach
    void reset() {
        erp = SandboxHttp.erp(running.systems());
    }

    static String salesOrder(String customerId, String sku) {
        return """
                {"customerId":"%s","reference":"ORD-1","externalId":"WEB-1","currency":"EUR",
                 "lines":[{"sku":"%s","quantity":2,"unitPrice":"12.50"}]}""".formatted(customerId, sku);
    }

    @Test
    void refusesACallerWithoutTheApiKey() {
        Answer answer = erp.anonymous().key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.text("error")).isEqualTo("unauthorized");
        assertThat(answer.text("message")).contains("ERP", "API key");
        assertThat(running.systems().erp().salesOrders()).isZero();
    }

    @Test
    void refusesAWrongApiKey() {
        Answer answer = erp.header("X-API-Key", "guess").get("/api/sales-orders");

        assertThat(answer.status()).isEqualTo(401);
    }

    @Test
    void createsASalesOrderWithItsOwnIdAndTotal() {
        Answer answer = erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("id")).isEqualTo("SO-000001");
        assertThat(answer.text("status")).isEqualTo("OPEN");
        assertThat(answer.text("total")).isEqualTo("25.00");
        assertThat(answer.text("reference")).isEqualTo("ORD-1");
        assertThat(answer.json().at("/lines/0/unitPrice").asText()).isEqualTo("12.50");
        assertThat(answer.header("Location")).isEqualTo("/api/sales-orders/SO-000001");
    }

    @Test
    void answersARetryWithTheFirstReplyAndKeepsOneRecord() {
        Answer first = erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));
        Answer again = erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));

        assertThat(again.status()).isEqualTo(first.status());
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(running.systems().erp().salesOrders()).isEqualTo(1);
    }

    @Test
    void createsOneRecordForTenConcurrentRequestsWithTheSameKey() {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<CompletableFuture<Answer>> sent = IntStream.range(0, 10).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> erp.key("same").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG")), pool))
                    .toList();

            List<Answer> answers = sent.stream().map(CompletableFuture::join).toList();

            assertThat(answers).extracting(Answer::status).containsOnly(201);
            assertThat(answers).extracting(answer -> answer.text("id")).containsOnly("SO-000001");
            assertThat(running.systems().erp().salesOrders()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void takesTheSameJsonWithItsFieldsInAnotherOrderForTheSameRequest() {
        Answer first = erp.key("k1").post("/api/sales-orders", """
                {"customerId":"C-1001","reference":"ORD-1","currency":"EUR",
                 "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}""");
        Answer again = erp.key("k1").post("/api/sales-orders", """
                {"lines":[{"unitPrice":"12.50","quantity":2,"sku":"SKU-RED-MUG"}],
                 "currency":"EUR","reference":"ORD-1","customerId":"C-1001"}""");

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(running.systems().erp().salesOrders()).isEqualTo(1);
    }

    @Test
    void rejectsAKeyReusedForADifferentRequest() {
        erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));

        Answer answer = erp.key("k1").post("/api/sales-orders", salesOrder("C-1002", "SKU-RED-MUG"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("idempotency_key_reused");
        assertThat(running.systems().erp().salesOrders()).isEqualTo(1);
    }

    @Test
    void requiresAnIdempotencyKey() {
        Answer answer = erp.post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("idempotency_key_missing");
    }

    @Test
    void namesAMissingField() {
        Answer answer = erp.key("k1").post("/api/sales-orders",
                salesOrder("C-1001", "SKU-RED-MUG").replace("\"reference\":\"ORD-1\",", ""));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("message")).isEqualTo("The required field reference is missing.");
    }

    @Test
    void namesAMalformedLineField() {
        Answer answer = erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG")
                .replace("\"quantity\":2", "\"quantity\":0"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("message")).startsWith("The field lines[0].quantity must be a whole number");
    }

    @Test
    void takesAPriceWithTheDecimalsOfItsCurrency() {
        Answer yen = erp.key("jpy").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG")
                .replace("\"EUR\"", "\"JPY\"").replace("\"12.50\"", "\"1250\""));
        Answer dinars = erp.key("kwd").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG")
                .replace("\"EUR\"", "\"KWD\"").replace("\"12.50\"", "\"12.125\""));

        assertThat(yen.status()).as(yen.body()).isEqualTo(201);
        assertThat(yen.text("total")).isEqualTo("2500");
        assertThat(dinars.status()).as(dinars.body()).isEqualTo(201);
        assertThat(dinars.text("total")).isEqualTo("24.250");
    }

    @Test
    void refusesAPriceWithMoreDecimalsThanItsCurrencyHas() {
        Answer euros = erp.key("eur").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG")
                .replace("\"12.50\"", "\"12.505\""));
        Answer yen = erp.key("jpy").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG")
                .replace("\"EUR\"", "\"JPY\""));

        assertThat(euros.status()).isEqualTo(400);
        assertThat(euros.text("message")).isEqualTo("The field lines[0].unitPrice must have at most 2 decimals in EUR,"
                + " but it is \"12.505\".");
        assertThat(yen.status()).isEqualTo(400);
        assertThat(yen.text("message")).contains("at most 0 decimals in JPY");
    }

    @Test
    void refusesAbsurdAmountsWithoutWritingThemOut() {
        for (String price : List.of("\"1e999999999\"", "\"1e-999999999\"", "\"-1\"",
                "\"1" + "0".repeat(100) + "\"")) {
            Answer answer = erp.key("absurd-" + price.hashCode()).post("/api/sales-orders",
                    salesOrder("C-1001", "SKU-RED-MUG").replace("\"12.50\"", price));

            assertThat(answer.status()).as(price + ": " + answer.body()).isEqualTo(400);
            assertThat(answer.text("message")).startsWith("The field lines[0].unitPrice must").hasSizeLessThan(200);
        }
        assertThat(running.systems().erp().salesOrders()).isZero();
    }

    @Test
    void refusesADiscontinuedItem() {
        Answer answer = erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "DISCONTINUED-LAMP"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.text("error")).isEqualTo("sku_discontinued");
        assertThat(answer.text("message"))
                .isEqualTo("Item DISCONTINUED-LAMP is discontinued and can no longer be sold.");
        assertThat(running.systems().erp().salesOrders()).isZero();
    }

    @Test
    void acceptsACorrectedRequestUnderTheKeyOfARejectedOne() {
        erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "DISCONTINUED-LAMP"));

        Answer fixed = erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));

        assertThat(fixed.status()).isEqualTo(201);
    }

    @Test
    void isUnavailableTwiceForTheFlakyCustomerThenCreates() {
        SandboxHttp call = erp.key("flaky-1");
        String body = salesOrder("C-FLAKY", "SKU-RED-MUG");

        List<Answer> answers = List.of(call.post("/api/sales-orders", body), call.post("/api/sales-orders", body),
                call.post("/api/sales-orders", body), call.post("/api/sales-orders", body));

        assertThat(answers).extracting(Answer::status).containsExactly(503, 503, 201, 201);
        assertThat(answers.get(0).text("message")).isEqualTo("The ERP is temporarily unavailable.");
        assertThat(answers.get(3).body()).isEqualTo(answers.get(2).body());
        assertThat(running.systems().erp().salesOrders()).isEqualTo(1);
    }

    @Test
    void countsTheFlakyAttemptsPerKey() {
        String body = salesOrder("C-FLAKY", "SKU-RED-MUG");
        erp.key("flaky-1").post("/api/sales-orders", body);
        erp.key("flaky-1").post("/api/sales-orders", body);

        assertThat(erp.key("flaky-2").post("/api/sales-orders", body).status()).isEqualTo(503);
    }

    @Test
    void findsASalesOrderByIdAndByDay() {
        erp.key("k1").post("/api/sales-orders", salesOrder("C-1001", "SKU-RED-MUG"));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(erp.get("/api/sales-orders/SO-000001").text("customerId")).isEqualTo("C-1001");
        assertThat(erp.get("/api/sales-orders?date=" + today).json().at("/salesOrders/0/id").asText())
                .isEqualTo("SO-000001");
        assertThat(erp.get("/api/sales-orders?date=2001-01-01").json().path("salesOrders")).isEmpty();
    }

    @Test
    void listsADayOnePageAtATimeWithTheNextPageNamed() {
        IntStream.rangeClosed(1, 3).forEach(i -> erp.key("p" + i).post("/api/sales-orders",
                salesOrder("C-100" + i, "SKU-RED-MUG")));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        var first = erp.get("/api/sales-orders?date=" + today + "&size=2").json();
        var second = erp.get("/api/sales-orders?date=" + today + "&size=2&page=2").json();

        assertThat(first.path("salesOrders")).extracting(o -> o.path("id").asText())
                .containsExactly("SO-000001", "SO-000002");
        assertThat(first.path("nextPage").asInt()).isEqualTo(2);
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(second.path("salesOrders")).extracting(o -> o.path("id").asText()).containsExactly("SO-000003");
        assertThat(second.has("nextPage")).isFalse();
    }

    @Test
    void explainsABadPageSize() {
        Answer answer = erp.get("/api/sales-orders?size=0");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("error")).isEqualTo("invalid_size");
        assertThat(answer.text("message")).contains("from 1 to 500");
    }

    @Test
    void answersNotFoundForAnUnknownSalesOrder() {
        Answer answer = erp.get("/api/sales-orders/SO-999999");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text("message")).isEqualTo("No sales order with id SO-999999 exists in the ERP.");
    }
}
