package dev.ferry.orders;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
            "crmCustomerId", "erpOrderId", "invoiceId", "shipmentId", "consignmentNumber", "trackingNumber",
            "carrier", "botRunId", "crmUpdateId");
    private static final Map<String, String> REFS = Map.ofEntries(
            Map.entry("crmCustomerId", "CRM customer"),
            Map.entry("erpOrderId", "ERP sales order"),
            Map.entry("salesOrderId", "ERP sales order"),
            Map.entry("invoiceId", "Invoice"),
            Map.entry("shipmentId", "Shipment"),
            Map.entry("consignmentNumber", "Consignment"),
            Map.entry("trackingNumber", "Tracking number"),
            Map.entry("carrier", "Carrier"),
            Map.entry("botRunId", "Bot run"),
            Map.entry("crmUpdateId", "CRM update"),
            Map.entry("crmShipmentUpdateId", "CRM shipment update"),
            Map.entry("shipmentStatus", "Shipment status"),
            Map.entry("shipmentStatusAt", "Shipment status since"));

    // the systems' names people know in capitals; a ref a new route adds is named by its own words, not its key
    private static final Map<String, String> ACRONYMS = Map.of("crm", "CRM", "erp", "ERP", "id", "", "rpa", "RPA");

    // "(HTTP 422)" and "SCREEN_CHANGED: " are for IT: the technical detail keeps them, the sentence people read not
    private static final Pattern STATUS_CODE = Pattern.compile("\\s*\\(HTTP \\d{3}\\)");
    private static final Pattern CODE_PREFIX = Pattern.compile("^[A-Z][A-Z_]{2,}: ");

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
        String known = REFS.get(name);
        if (known != null || name == null) {
            return known;
        }
        StringBuilder words = new StringBuilder();
        for (String word : OrderFieldNames.words(name).split(" ")) {
            String shown = ACRONYMS.getOrDefault(word, word);
            if (!shown.isEmpty()) {
                words.append(words.isEmpty() ? "" : " ").append(shown);
            }
        }
        String label = words.toString();
        return label.isEmpty() ? name : Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** A reason or detail as people read it: without HTTP status codes and error codes in capitals. */
    public static String forPeople(String text) {
        if (text == null) {
            return "";
        }
        return STATUS_CODE.matcher(CODE_PREFIX.matcher(text).replaceFirst("")).replaceAll("");
    }

    static int refRank(String name) {
        int rank = REF_ORDER.indexOf(name);
        return rank < 0 ? REF_ORDER.size() : rank;
    }

    public static String outcome(StepOutcome outcome) {
        return OUTCOMES.get(outcome);
    }
}
