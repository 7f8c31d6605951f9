package dev.ferry.reconciliation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.inbox.Notice;
import dev.ferry.inbox.Notices;
import dev.ferry.orders.OrderStore;
import dev.ferry.inbox.FlagCategory;
import dev.ferry.scheduling.ScheduleRun;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * What routes/nightly-reconciliation.yaml calls: {@link #plan} picks the days, the route reads both systems
 * through their Kamelets, {@link #reconcile} compares them and raises each mismatch in the inbox.
 */
@Component("reconciliation")
public class NightlyReconciliation {

    /** Exchange property: the day compared, {@code YYYY-MM-DD}; the ERP Kamelet's input. */
    public static final String DAY = "reconciliationDay";
    /** Exchange property: the days whose invoices are read; the accounting Kamelet's input. */
    public static final String INVOICE_DAYS = "reconciliationInvoiceDays";
    /** Exchange property: the ERP Kamelet's output, kept while the accounting one runs. */
    public static final String SALES_ORDERS = "reconciliationSalesOrders";

    static final String STEP = "nightly-reconciliation";
    private static final String FERRY = "ferry";
    private static final Logger log = LoggerFactory.getLogger(NightlyReconciliation.class);

    private final Notices notices;
    private final OrderStore orders;
    private final ReconciliationSettings settings;
    private final Clock clock;

    @Autowired
    NightlyReconciliation(Notices notices, OrderStore orders, ReconciliationSettings settings) {
        this(notices, orders, settings, Clock.systemUTC());
    }

    NightlyReconciliation(Notices notices, OrderStore orders, ReconciliationSettings settings, Clock clock) {
        this.notices = notices;
        this.orders = orders;
        this.settings = settings;
        this.clock = clock;
    }

    /** The day to compare in the schedule's time zone, so "yesterday" is the operator's yesterday. */
    public void plan(Exchange exchange, String timeZone) {
        DaysCompared days = DaysCompared.of(clock, ZoneId.of(timeZone), settings.daysBack());
        exchange.setProperty(DAY, days.day().toString());
        exchange.setProperty(INVOICE_DAYS, days.invoiceDayTexts());
    }

    /** The body is the invoices read; the sales orders were kept in {@link #SALES_ORDERS}. */
    @SuppressWarnings("unchecked")
    public void reconcile(Exchange exchange) {
        String day = exchange.getProperty(DAY, String.class);
        List<String> invoiceDays = exchange.getProperty(INVOICE_DAYS, List.class);
        List<SalesOrder> salesOrders = read(exchange.getProperty(SALES_ORDERS, JsonNode.class), SalesOrder::from);
        List<Invoice> invoices = read(exchange.getMessage().getBody(JsonNode.class), Invoice::from);

        Comparison.Result result = Comparison.compare(salesOrders, invoices);
        result.mismatches().forEach(mismatch -> raise(day, invoiceDays, mismatch));
        // a mismatch someone fixed in the systems is settled when the same day is compared again
        result.matched().forEach(order -> notices.resolve(subject(day, order), FERRY,
                "The invoices now match sales order " + order.id() + "."));

        log.info("Reconciliation of {}: {} sales orders compared, {} mismatches; invoices of other days' orders: {}",
                day, salesOrders.size(), result.mismatches().size(), result.otherOrders().size());
        exchange.setProperty(ScheduleRun.ITEMS, salesOrders.size());
    }

    private void raise(String day, List<String> invoiceDays, Mismatch mismatch) {
        SalesOrder order = mismatch.salesOrder();
        notices.raise(new Notice(subject(day, order), FlagCategory.RECONCILIATION, STEP, mismatch.title(),
                mismatch.reason(day, invoiceDays), mismatch.detail(), ferryOrderId(order)));
    }

    // the ERP's reference is the Ferry order id for the orders Ferry created; sales orders typed into the
    // ERP by hand carry references of their own
    private String ferryOrderId(SalesOrder order) {
        String reference = order.orderId();
        return reference != null && !reference.isBlank() && orders.find(reference).isPresent() ? reference : null;
    }

    static String subject(String day, SalesOrder order) {
        return "reconciliation:" + day + ":" + order.id();
    }

    private static <T> List<T> read(JsonNode records, Function<JsonNode, T> reader) {
        if (records == null || !records.isArray()) {
            throw new IllegalStateException("The reconciliation expected a list of records, not " + records);
        }
        List<T> read = new ArrayList<>();
        records.forEach(record -> read.add(reader.apply(record)));
        return read;
    }
}
