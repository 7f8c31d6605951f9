package dev.ferry.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.portal.PortalClient.Page;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalBookingTests {

    @RegisterExtension
    static final RunningPortal running = new RunningPortal();

    private PortalClient client;

    @BeforeEach
    void logIn() {
        client = running.client();
        client.logIn();
    }

    @Test
    void booksAConsignmentOnTwoPagesAndShowsItsNumber() {
        Page consignee = client.get("/consignments/new");
        assertThat(consignee.html()).contains("Step 1 of 2: Consignee", ">Customer reference</label>",
                ">Company / name</label>", ">Street</label>", ">Postal code</label>", ">City</label>",
                ">Country</label>", "value=\"Next\"");

        Page parcels = client.submit("/consignments/new", PortalClient.consignee("ORD-1"));
        assertThat(parcels.path()).isEqualTo("/consignments/new/parcels");
        assertThat(parcels.html()).contains("Step 2 of 2: Parcels", "Sofia Lindqvist", ">Number of parcels</label>",
                ">Total weight (kg)</label>", ">Description of goods</label>", ">Service</label>");

        Page confirmation = client.submit("/consignments/new/parcels", PortalClient.parcels());

        assertThat(confirmation.html()).contains("<h1>Consignment booked</h1>",
                "Consignment number: <b>NF-1000001</b>");
        assertThat(running.portal().consignments()).singleElement().satisfies(booked -> {
            assertThat(booked.number()).isEqualTo("NF-1000001");
            assertThat(booked.reference()).isEqualTo("ORD-1");
            assertThat(booked.postalCode()).isEqualTo("111 21");
            assertThat(booked.country()).isEqualTo("SE");
            assertThat(booked.parcels()).isEqualTo(2);
            assertThat(booked.weightKg()).isEqualByComparingTo(new BigDecimal("12.5"));
            assertThat(booked.service()).isEqualTo("express");
        });
    }

    @Test
    void numbersConsignmentsInSequence() {
        client.book("ORD-1");

        Page second = client.book("ORD-2");

        assertThat(second.html()).contains("Consignment number: <b>NF-1000002</b>");
    }

    @Test
    void asksForConfirmationBeforeBooking() {
        client.get("/consignments/new");
        Page parcels = client.submit("/consignments/new", PortalClient.consignee("ORD-1"));

        assertThat(parcels.html()).contains("value=\"Book consignment\" onclick=\"return confirm('Book this consignment?');\"");
    }

    @Test
    void showsAValidationErrorNextToTheField() {
        client.get("/consignments/new");
        Map<String, String> form = PortalClient.consignee("ORD-1");
        form.put("postalCode", "");

        Page again = client.submit("/consignments/new", form);

        assertThat(again.path()).isEqualTo("/consignments/new");
        assertThat(again.html()).contains("Please correct the marked fields.", "value=\"Sofia Lindqvist\"")
                .containsPattern("<label for=\"([^\"]+)\">Postal code</label></td><td><input [^>]*id=\"\\1\"[^>]*"
                        + " aria-invalid=\"true\" aria-describedby=\"\\1-error\">"
                        + "</td><td class=\"error\" id=\"\\1-error\">Postal code is required.</td>");
        assertThat(running.portal().consignments()).isEmpty();
    }

    @Test
    void keepsTheSecondPageWhenItsValuesAreWrong() {
        client.get("/consignments/new");
        client.submit("/consignments/new", PortalClient.consignee("ORD-1"));
        Map<String, String> form = PortalClient.parcels();
        form.put("weight", "heavy");

        Page again = client.submit("/consignments/new/parcels", form);

        assertThat(again.html()).contains("Total weight must be a number of kg", "value=\"heavy\"");
        assertThat(running.portal().consignments()).isEmpty();
    }

    @Test
    void escapesWhatTheUserTyped() {
        String reference = "<script>alert('x')</script>";

        Page confirmation = client.book(reference);
        Page found = client.get("/consignments?reference=%3Cscript%3Ealert('x')%3C%2Fscript%3E");

        for (Page page : new Page[] {confirmation, found}) {
            assertThat(page.html()).doesNotContain("<script>")
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
        }
        assertThat(running.portal().consignments()).singleElement()
                .satisfies(booked -> assertThat(booked.reference()).isEqualTo(reference));
    }

    @Test
    void sendsTheSecondPageBackToTheFirstWithoutAConsignee() {
        assertThat(client.get("/consignments/new/parcels").path()).isEqualTo("/consignments/new");
    }

    @Test
    void aChangedScreenRenamesTheButtonAndMovesThePostalCode() {
        running.portal().hazards().changeScreen(true);

        Page consignee = client.get("/consignments/new");
        Page parcels = client.submit("/consignments/new", PortalClient.consignee("ORD-1"));

        assertThat(consignee.html()).doesNotContain(">Postal code</label>")
                .containsPattern("(?s)>City</label>.*>ZIP / Postcode</label>");
        assertThat(parcels.html()).contains("value=\"Submit booking\"").doesNotContain("Book consignment");
        assertThat(client.submit("/consignments/new/parcels", PortalClient.parcels()).html())
                .contains("Consignment number: <b>NF-1000001</b>");
    }

    @Test
    void theBookingHookSeesTheConsignmentOnceItIsStored() {
        List<List<Consignment>> storedWhenCalled = new CopyOnWriteArrayList<>();
        running.portal().onBooked(booked -> storedWhenCalled.add(running.portal().consignments()));

        client.book("ORD-1");

        assertThat(storedWhenCalled).singleElement().satisfies(stored -> assertThat(stored)
                .extracting(Consignment::reference).containsExactly("ORD-1"));
    }

    @Test
    void theBookingPostIsAnsweredOnlyAfterTheHook() {
        running.portal().onBooked(booked -> {
            throw new IllegalStateException("the test's hook failed");
        });

        Page answer = client.book("ORD-1");

        assertThat(answer.status()).isEqualTo(500);
        assertThat(running.portal().consignments()).singleElement();
    }

    @Test
    void aResetRemovesTheBookingHook() {
        List<Consignment> seen = new CopyOnWriteArrayList<>();
        running.portal().onBooked(seen::add);

        running.portal().reset();
        client.logIn();
        client.book("ORD-1");

        assertThat(seen).isEmpty();
    }
}
