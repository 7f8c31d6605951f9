package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.SandboxSystems;
import java.util.List;

/** What the simulated systems hold for one order: the evidence that nothing was created twice. */
final class Downstream {

    private Downstream() {
    }

    /** One sales order, one invoice, one shipment and one CRM write-back for the order. */
    static void assertFulfilledOnce(SandboxSystems sandbox, String orderId) {
        assertSoldAndReportedOnce(sandbox, orderId);
        assertThat(referring(sandbox.shipping().shipmentRecords(), "reference", orderId)).as("shipments").hasSize(1);
    }

    /**
     * A freight order: one sales order, one invoice and one CRM write-back, and no parcel shipment, since the
     * bot books freight on the portal instead (the test counts the portal's consignments itself).
     */
    static void assertFreightFulfilledOnce(SandboxSystems sandbox, String orderId) {
        assertSoldAndReportedOnce(sandbox, orderId);
        assertThat(referring(sandbox.shipping().shipmentRecords(), "reference", orderId)).as("shipments").isEmpty();
    }

    private static void assertSoldAndReportedOnce(SandboxSystems sandbox, String orderId) {
        assertThat(referring(sandbox.erp().salesOrderRecords(), "reference", orderId)).as("ERP sales orders").hasSize(1);
        assertThat(referring(sandbox.accounting().invoiceRecords(), "reference", orderId)).as("invoices").hasSize(1);
        assertThat(referring(sandbox.crm().orderUpdates(), "ferryOrderId", orderId)).as("CRM write-backs").hasSize(1);
    }

    static List<JsonNode> salesOrders(SandboxSystems sandbox, String orderId) {
        return referring(sandbox.erp().salesOrderRecords(), "reference", orderId);
    }

    static List<JsonNode> invoices(SandboxSystems sandbox, String orderId) {
        return referring(sandbox.accounting().invoiceRecords(), "reference", orderId);
    }

    private static List<JsonNode> referring(List<JsonNode> records, String field, String orderId) {
        return records.stream().filter(r -> orderId.equals(r.path(field).asText())).toList();
    }
}
