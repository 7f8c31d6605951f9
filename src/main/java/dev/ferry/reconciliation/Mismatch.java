package dev.ferry.reconciliation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A sales order whose invoices do not match it: none at all, or amounts or currency that differ. */
record Mismatch(SalesOrder salesOrder, List<Invoice> invoices) {

    /** The detail column holds a few thousand characters; the records beyond that are in the systems. */
    private static final int DETAIL_LIMIT = 3900;

    boolean noInvoice() {
        return invoices.isEmpty();
    }

    /** For the inbox list: "SO-000123: no invoice", "SO-000123: invoiced 90.00 EUR, ordered 100.00 EUR". */
    String title() {
        String ordered = Money.format(salesOrder.amount(), salesOrder.currency());
        if (noInvoice()) {
            return salesOrder.id() + ": no invoice";
        }
        String several = invoices.size() > 1 ? " in " + invoices.size() + " invoices" : "";
        return salesOrder.id() + ": invoiced " + invoiced() + several + ", ordered " + ordered;
    }

    /** Plain words for the reviewer: what each system holds and what was looked at. */
    String reason(String day, List<String> invoiceDays) {
        String ordered = Money.format(salesOrder.amount(), salesOrder.currency());
        if (noInvoice()) {
            return "The ERP has sales order " + salesOrder.id() + " of " + day + " for " + ordered
                    + ", but the accounting system has no invoice for it (invoices issued " + span(invoiceDays)
                    + " were checked).";
        }
        if (invoices.size() == 1) {
            Invoice invoice = invoices.get(0);
            return "Invoice " + invoice.id() + " for sales order " + salesOrder.id() + " is for "
                    + Money.format(invoice.amount(), invoice.currency()) + ", but the sales order is for " + ordered
                    + difference() + ".";
        }
        return "The " + invoices.size() + " invoices for sales order " + salesOrder.id() + " ("
                + invoices.stream().map(i -> i.id() + ": " + Money.format(i.amount(), i.currency()))
                        .collect(Collectors.joining(", "))
                + ") come to " + invoiced() + ", but the sales order is for " + ordered + difference() + ".";
    }

    /** For engineers: both systems' own records. */
    String detail() {
        String detail = "ERP sales order: " + salesOrder.record() + "\nAccounting invoices: "
                + invoices.stream().map(i -> String.valueOf(i.record())).collect(Collectors.joining(", ", "[", "]"));
        return detail.length() <= DETAIL_LIMIT ? detail : detail.substring(0, DETAIL_LIMIT) + " ...";
    }

    // "90.00 EUR", or "50.00 EUR and 50.00 USD" when the invoices are in several currencies
    private String invoiced() {
        Map<String, BigDecimal> byCurrency = new LinkedHashMap<>();
        for (Invoice invoice : invoices) {
            if (invoice.amount() == null) {
                return "an amount Ferry cannot read";
            }
            byCurrency.merge(invoice.currency(), invoice.amount(), BigDecimal::add);
        }
        return byCurrency.entrySet().stream().map(e -> Money.format(e.getValue(), e.getKey()))
                .collect(Collectors.joining(" and "));
    }

    // " (10.00 EUR less)": only when both sides are one readable amount in the same currency
    private String difference() {
        BigDecimal ordered = salesOrder.amount();
        if (ordered == null || invoices.stream().anyMatch(i -> i.amount() == null
                || !i.currency().equalsIgnoreCase(salesOrder.currency()))) {
            return "";
        }
        BigDecimal invoiced = invoices.stream().map(Invoice::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal difference = invoiced.subtract(ordered);
        return " (" + Money.format(difference.abs(), salesOrder.currency())
                + (difference.signum() < 0 ? " less)" : " more)");
    }

    private static String span(List<String> days) {
        if (days.size() <= 1) {
            return "on " + (days.isEmpty() ? "no day" : days.get(0));
        }
        return "from " + days.get(0) + " to " + days.get(days.size() - 1);
    }
}
