package dev.ferry.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.portal.PortalClient.Page;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalLookupTests {

    @RegisterExtension
    static final RunningPortal running = new RunningPortal();

    private static final Pattern ROW = Pattern.compile("<tr><td>NF-");

    private PortalClient client;

    @BeforeEach
    void logIn() {
        client = running.client();
        client.logIn();
    }

    @Test
    void findsConsignmentsByCustomerReference() {
        client.book("ORD-1");
        client.book("ORD-2");
        client.book("ORD-1");

        Page found = client.get("/consignments?reference=ord-1");

        assertThat(found.html()).contains("<th>Consignment number</th><th>Customer reference</th>"
                + "<th>Consignee</th><th>Status</th>",
                "<tr><td>NF-1000001</td><td>ORD-1</td><td>Sofia Lindqvist</td><td>BOOKED</td></tr>",
                "<tr><td>NF-1000003</td>").doesNotContain("NF-1000002");
    }

    @Test
    void saysSoWhenNoConsignmentCarriesTheReference() {
        client.book("ORD-1");

        Page found = client.get("/consignments?reference=ORD-10");

        assertThat(found.html()).contains("No consignments found for customer reference ORD-10.")
                .doesNotContain("NF-1000001");
    }

    @Test
    void pagesTheShipmentStatusTenAtATime() {
        for (int i = 1; i <= 12; i++) {
            client.book("ORD-" + i);
        }

        Page first = client.get("/shipments");
        Page second = client.get("/shipments?page=2");

        assertThat(rows(first)).isEqualTo(10);
        assertThat(first.html()).contains("<th>Consignment number</th><th>Customer reference</th><th>Status</th>"
                + "<th>Last update</th>", "Page 1 of 2", "<a href=\"/shipments?page=2\">Next &raquo;</a>")
                .doesNotContain("Previous");
        assertThat(rows(second)).isEqualTo(2);
        assertThat(second.html()).contains("NF-1000011", "NF-1000012", "Page 2 of 2",
                "<a href=\"/shipments?page=1\">&laquo; Previous</a>").doesNotContain("Next &raquo;");
        assertThat(client.get("/shipments?page=99").html()).contains("Page 2 of 2");
    }

    @Test
    void advancesTheStatusWithTime() {
        client.book("ORD-1");
        String number = "NF-1000001";

        running.portal().passTime(Duration.ofMinutes(5));
        assertThat(running.portal().status(number)).contains(ShipmentStatus.PICKED_UP);
        running.portal().passTime(Duration.ofMinutes(5));
        assertThat(running.portal().status(number)).contains(ShipmentStatus.IN_TRANSIT);
        running.portal().passTime(Duration.ofHours(5));
        client.logIn();

        assertThat(client.get("/shipments").html()).contains("<td>NF-1000001</td><td>ORD-1</td><td>DELIVERED</td>");
    }

    @Test
    void aTestMovesOneConsignmentToAStatusAndLeavesTheOthersAlone() {
        client.book("ORD-1");
        client.book("ORD-2");

        running.portal().moveTo("NF-1000002", ShipmentStatus.IN_TRANSIT);

        assertThat(running.portal().status("NF-1000001")).contains(ShipmentStatus.BOOKED);
        assertThat(running.portal().status("NF-1000002")).contains(ShipmentStatus.IN_TRANSIT);
        assertThat(client.get("/shipments").html()).contains("<td>NF-1000002</td><td>ORD-2</td><td>IN_TRANSIT</td>");
        running.portal().passTime(Duration.ofMinutes(5));
        assertThat(running.portal().status("NF-1000002")).contains(ShipmentStatus.DELIVERED);
    }

    private static long rows(Page page) {
        return ROW.matcher(page.html()).results().count();
    }
}
