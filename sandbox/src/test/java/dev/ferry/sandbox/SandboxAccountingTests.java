package dev.ferry.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.SandboxHttp.Answer;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SandboxAccountingTests {

    @RegisterExtension
    static final RunningSandbox running = new RunningSandbox();
    private SandboxHttp accounting;

    @BeforeEach
    void reset() {
        accounting = SandboxHttp.accounting(running.systems());
    }

    static String invoice(String customerId) {
        return """
                {"customerId":"%s","salesOrderId":"SO-000001","reference":"ORD-1","currency":"EUR",
                 "lines":[{"sku":"SKU-RED-MUG","quantity":2,"unitPrice":"12.50"}]}""".formatted(customerId);
    }

    @Test
    void refusesWrongCredentialsWithABasicChallenge() {
        Answer answer = accounting.header("Authorization", "Basic ZmVycnk6d3Jvbmc=").key("k1")
                .post("/api/invoices", invoice("C-1001"));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(answer.text("message")).contains("user name or password");
    }

    @Test
    void issuesAnInvoiceNumberedWithinTheYear() {
        Answer answer = accounting.key("k1").post("/api/invoices", invoice("C-1001"));

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.text("invoiceId")).isEqualTo("INV-" + Year.now(ZoneOffset.UTC) + "-000001");
        assertThat(answer.text("status")).isEqualTo("ISSUED");
        assertThat(answer.text("amount")).isEqualTo("25.00");
        assertThat(answer.text("salesOrderId")).isEqualTo("SO-000001");
    }

    @Test
    void answersARetryWithTheSameInvoice() {
        Answer first = accounting.key("k1").post("/api/invoices", invoice("C-1001"));
        Answer again = accounting.key("k1").post("/api/invoices", invoice("C-1001"));

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(running.systems().accounting().invoices()).isEqualTo(1);
    }

    @Test
    void throttlesTheThrottleCustomerOnceWithRetryAfter() {
        Answer throttled = accounting.key("t1").post("/api/invoices", invoice("C-THROTTLE"));
        Answer retried = accounting.key("t1").post("/api/invoices", invoice("C-THROTTLE"));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("2");
        assertThat(throttled.text("error")).isEqualTo("rate_limited");
        assertThat(throttled.text("message")).isEqualTo("Too many requests; retry after 2 seconds.");
        assertThat(retried.status()).isEqualTo(201);
        assertThat(running.systems().accounting().invoices()).isEqualTo(1);
    }

    @Test
    void findsAnInvoiceByIdAndByDay() {
        String id = accounting.key("k1").post("/api/invoices", invoice("C-1001")).text("invoiceId");
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        assertThat(accounting.get("/api/invoices/" + id).text("amount")).isEqualTo("25.00");
        assertThat(accounting.get("/api/invoices?date=" + today).json().path("invoices")).hasSize(1);
        assertThat(accounting.get("/api/invoices/INV-1999-000001").status()).isEqualTo(404);
    }

    @Test
    void explainsABadDate() {
        Answer answer = accounting.get("/api/invoices?date=28.11.2026");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.text("message")).contains("YYYY-MM-DD");
    }
}
