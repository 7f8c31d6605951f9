package dev.ferry.orders;

import java.util.List;
import java.util.Map;

/**
 * The journal's step ids and refs in the words of the people who read the pages: a reviewer knows
 * "Creating the shipment", not {@code create-shipment}.
 */
public final class StepWords {

    /** The steps of the order flow, in order; those a page offers as a filter. */
    public static final List<String> FLOW = List.of("accept", "check-rules", "resolve-customer", "create-sales-order",
            "create-invoice", "create-shipment", "book-freight", "update-crm-status");

    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("accept", "Receiving the order"),
            Map.entry("check-rules", "Checking the business rules"),
            Map.entry("resolve-customer", "Finding the customer in the CRM"),
            Map.entry("create-sales-order", "Creating the sales order in the ERP"),
            Map.entry("create-invoice", "Creating the invoice"),
            Map.entry("create-shipment", "Creating the shipment"),
            Map.entry("book-freight", "Booking freight on the carrier's portal"),
            Map.entry("update-crm-status", "Updating the order in the CRM"),
            Map.entry("update-shipment-status", "Telling the CRM the carrier's shipment status"),
            Map.entry("edit", "Corrected by a reviewer"),
            Map.entry("replay", "Sent through again"),
            Map.entry("discard", "Discarded"),
            Map.entry("undo-discard", "Discard taken back"));

    private static final List<String> REF_ORDER = List.of(
            "crmCustomerId", "erpOrderId", "invoiceId", "shipmentId", "trackingNumber");
    private static final Map<String, String> REFS = Map.of(
            "crmCustomerId", "CRM customer",
            "erpOrderId", "ERP sales order",
            "invoiceId", "Invoice",
            "shipmentId", "Shipment",
            "trackingNumber", "Tracking number",
            "shipmentStatus", "Shipment status");

    private static final Map<StepOutcome, String> OUTCOMES = Map.of(
            StepOutcome.OK, "Done",
            StepOutcome.RETRY, "Will try again",
            StepOutcome.SKIPPED, "Skipped (done before)",
            StepOutcome.FAILED, "Failed");

    private StepWords() {
    }

    /** A step unknown here (a new route's) is shown by its id rather than hidden. */
    public static String step(String step) {
        return step == null ? "" : STEPS.getOrDefault(step, step);
    }

    public static String ref(String name) {
        return REFS.getOrDefault(name, name);
    }

    static int refRank(String name) {
        int rank = REF_ORDER.indexOf(name);
        return rank < 0 ? REF_ORDER.size() : rank;
    }

    public static String outcome(StepOutcome outcome) {
        return OUTCOMES.get(outcome);
    }
}
