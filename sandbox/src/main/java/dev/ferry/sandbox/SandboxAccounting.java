package dev.ferry.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The simulated accounting system: invoices, behind HTTP Basic authentication. */
public final class SandboxAccounting extends SimulatedApi {

    static final String THROTTLED_CUSTOMER = "C-THROTTLE";
    private static final int RETRY_AFTER_SECONDS = 2;

    private final Clock clock;
    private final RecordBook invoices;
    private final IdempotencyStore idempotency = new IdempotencyStore();

    /** {@code state}: where the invoices are kept across restarts, or {@link StateFile#none()}. */
    SandboxAccounting(SandboxSettings.Accounting settings, Clock clock, StateFile state) {
        super(SandboxSystem.ACCOUNTING, settings.port(),
                Auth.basic(SandboxSystem.ACCOUNTING, settings.username(), settings.password()));
        this.clock = clock;
        this.invoices = new RecordBook("invoiceId", state);
        invoices.load().forEach(kept -> idempotency.restore(kept.key(), kept.fingerprint(), created(kept.stored())));
    }

    /** How many invoices the accounting system holds. */
    public int invoices() {
        return invoices.size();
    }

    public List<JsonNode> invoiceRecords() {
        return invoices.all();
    }

    @Override
    List<Route> routes() {
        return List.of(
                Route.post("/api/invoices", this::create),
                Route.get("/api/invoices/{id}", call -> invoices.get(call.pathParam("id"), "invoice_not_found",
                        "No invoice with id " + call.pathParam("id") + " exists in the accounting system.")),
                Route.get("/api/invoices", call -> invoices.list(call, "invoices")));
    }

    @Override
    void clearRecords() {
        invoices.clear();
        idempotency.clear();
    }

    @Override
    void closeRecords() {
        invoices.close();
    }

    private Reply create(Call call) {
        JsonNode body = call.json();
        return idempotency.create(call, attempt -> {
            String customerId = Fields.text(body, "customerId");
            String salesOrderId = Fields.text(body, "salesOrderId");
            String reference = Fields.text(body, "reference");
            String currency = Fields.currency(body);
            List<PricedLine> lines = PricedLine.readAll(body, currency);
            if (THROTTLED_CUSTOMER.equals(customerId) && attempt.number() == 1) {
                return Reply.error(429, "rate_limited", "Too many requests; retry after " + RETRY_AFTER_SECONDS
                        + " seconds.").withHeader("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            }
            Instant now = clock.instant();
            return created(invoices.add(now, attempt, sequence -> Json.object()
                    .put("invoiceId", "INV-%d-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), sequence))
                    .put("status", "ISSUED")
                    .put("amount", PricedLine.total(lines, currency).toPlainString())
                    .put("currency", currency)
                    .put("salesOrderId", salesOrderId)
                    .put("customerId", customerId)
                    .put("reference", reference)
                    .put("issuedAt", now.toString())));
        });
    }

    private static Reply created(RecordBook.Stored invoice) {
        return Reply.created(invoice).withHeader("Location", "/api/invoices/" + invoice.id());
    }
}
