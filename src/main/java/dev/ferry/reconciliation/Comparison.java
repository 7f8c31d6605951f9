package dev.ferry.reconciliation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a day's sales orders with the invoices that refer to them. A sales order matches when its
 * invoices are all in its currency and come to exactly its amount (as money: 100.0 = 100.00); one invoice
 * is the usual case, several that add up are a split invoice, not a mismatch.
 */
final class Comparison {

    private Comparison() {
    }

    /**
     * What was found. {@code otherOrders} are invoices of sales orders not in the day's list: usually an
     * invoice issued today for another day's order, whose own night compares it; not a mismatch on their own.
     */
    record Result(List<Mismatch> mismatches, List<SalesOrder> matched, List<Invoice> otherOrders) {
    }

    static Result compare(List<SalesOrder> salesOrders, List<Invoice> invoices) {
        Map<String, SalesOrder> byId = new LinkedHashMap<>();
        salesOrders.forEach(order -> byId.putIfAbsent(order.id(), order));
        Map<String, List<Invoice>> invoiced = new LinkedHashMap<>();
        List<Invoice> otherOrders = new ArrayList<>();
        for (Invoice invoice : distinct(invoices)) {
            if (byId.containsKey(invoice.salesOrderId())) {
                invoiced.computeIfAbsent(invoice.salesOrderId(), id -> new ArrayList<>()).add(invoice);
            } else {
                otherOrders.add(invoice);
            }
        }
        List<Mismatch> mismatches = new ArrayList<>();
        List<SalesOrder> matched = new ArrayList<>();
        for (SalesOrder order : byId.values()) {
            List<Invoice> its = invoiced.getOrDefault(order.id(), List.of());
            if (matches(order, its)) {
                matched.add(order);
            } else {
                mismatches.add(new Mismatch(order, its));
            }
        }
        return new Result(mismatches, matched, otherOrders);
    }

    private static boolean matches(SalesOrder order, List<Invoice> invoices) {
        if (invoices.isEmpty() || order.amount() == null) {
            return false;
        }
        BigDecimal invoicedTotal = BigDecimal.ZERO;
        for (Invoice invoice : invoices) {
            if (invoice.amount() == null || !invoice.currency().equalsIgnoreCase(order.currency())) {
                return false;
            }
            invoicedTotal = invoicedTotal.add(invoice.amount());
        }
        return invoicedTotal.compareTo(order.amount()) == 0;
    }

    // a list walked page by page while the system adds records may name one twice: count it once
    private static List<Invoice> distinct(List<Invoice> invoices) {
        Map<String, Invoice> byId = new LinkedHashMap<>();
        invoices.stream().filter(Objects::nonNull).forEach(invoice -> byId.putIfAbsent(invoice.id(), invoice));
        return List.copyOf(byId.values());
    }
}
