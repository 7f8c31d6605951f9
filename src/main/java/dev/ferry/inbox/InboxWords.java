package dev.ferry.inbox;

import java.util.Map;

/**
 * What the inbox pages say about an exception in plain words: its kind of problem, and what usually
 * fixes it. Back-office staff act on these sentences, so they name the fields and the button to use.
 */
final class InboxWords {

    private static final Map<FlagCategory, String> CATEGORIES = Map.of(
            FlagCategory.VALIDATION, "Incomplete or invalid order",
            FlagCategory.DOWNSTREAM_REJECTED, "Refused by another system",
            FlagCategory.RETRIES_EXHAUSTED, "System unavailable",
            FlagCategory.BUSINESS_RULE, "Needs approval",
            FlagCategory.BOT_FAILED, "Portal robot failed",
            FlagCategory.INTERNAL_ERROR, "Unexpected error",
            FlagCategory.RECONCILIATION, "Systems disagree",
            FlagCategory.SCHEDULE_PAUSED, "Schedule paused");

    // a refusal is fixed in the data the refusing system checks; the step says which system that was
    private static final Map<String, String> REFUSED_AT = Map.of(
            "resolve-customer", "The CRM does not know this customer. Check the customer id (and name and email)"
                    + " against the CRM, correct it below, then replay.",
            "create-sales-order", "The ERP refused the order lines. Check each product code (SKU) — a discontinued"
                    + " product must be replaced — and the quantities, then replay.",
            "create-invoice", "Accounting refused the invoice. Check the customer and the prices, then replay.",
            "create-shipment", "Check the delivery address — postal code, street and country — then replay.",
            "update-crm-status", "The CRM refused the status update; the order itself is done. Replay to try again.");

    private static final Map<FlagCategory, String> HINTS = Map.of(
            FlagCategory.VALIDATION, "Correct the fields marked below (or the order as JSON), save, then replay.",
            FlagCategory.DOWNSTREAM_REJECTED, "Read the reason, correct the order below, then replay.",
            FlagCategory.RETRIES_EXHAUSTED, "The system was unavailable; replay once it is back. Nothing needs"
                    + " correcting, and steps already done are not repeated.",
            FlagCategory.BUSINESS_RULE, "Approve by replaying it if the order is genuine; otherwise discard it"
                    + " with a reason.",
            FlagCategory.BOT_FAILED, "The robot could not finish on the carrier's web portal. Look at the screenshot"
                    + " if there is one; replay once the portal works, or book it by hand and discard it here.",
            FlagCategory.INTERNAL_ERROR, "Ferry itself hit an unexpected error. Replay once; if it stops again, pass"
                    + " the technical detail at the bottom of this page to IT support.",
            FlagCategory.RECONCILIATION, "Two systems disagree about this order. Find out which one is right, correct"
                    + " the other in that system, then mark this as resolved with a note saying what you did.",
            FlagCategory.SCHEDULE_PAUSED, "An unattended job failed again and again, so Ferry paused it. Once the"
                    + " cause is fixed (often a system that was down), an administrator resumes it on the"
                    + " Schedules page; that resolves this item.");

    private static final Map<String, String> ACTIONS = Map.of(
            "flagged", "Stopped and put in the inbox",
            "edited", "Corrected the order",
            "replayed", "Sent it through again",
            "discarded", "Discarded it",
            "resolved", "Resolved it",
            "took-over", "Took it over",
            "undone", "Took the discard back");

    // what raised a notice, by the step it names
    private static final Map<String, String> NOTICE_STEPS = Map.of(
            "nightly-reconciliation", "The nightly reconciliation",
            "schedule", "A schedule");

    private InboxWords() {
    }

    static String category(FlagCategory category) {
        return CATEGORIES.get(category);
    }

    static String hint(FlagCategory category, String step) {
        if (category == FlagCategory.DOWNSTREAM_REJECTED && REFUSED_AT.containsKey(step)) {
            return REFUSED_AT.get(step);
        }
        return HINTS.get(category);
    }

    static String action(String action) {
        return ACTIONS.getOrDefault(action, action);
    }

    static String actor(String actor) {
        return InboxHistory.FERRY.equals(actor) ? "Ferry (automatically)" : actor;
    }

    static String noticeStep(String step) {
        return NOTICE_STEPS.getOrDefault(step, step);
    }

    static String noticeStatus(ExceptionStatus status) {
        return switch (status) {
            case OPEN -> "Waiting for a reviewer";
            case RESOLVED -> "Resolved";
            case DISCARDED -> "Discarded";
        };
    }

    static String status(ExceptionStatus status) {
        return switch (status) {
            case OPEN -> "Waiting for a reviewer";
            case RESOLVED -> "Sent through again";
            case DISCARDED -> "Discarded";
        };
    }
}
