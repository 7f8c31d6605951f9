package dev.ferry.sandbox.portal;

import java.util.Map;

/**
 * The two booking pages and the confirmation. After a vendor release ({@code changed}) the postal code is
 * called "ZIP / Postcode" and sits below City, and the booking button says "Submit booking".
 */
final class BookingPages {

    static final String BOOK = "Book consignment";
    static final String BOOK_CHANGED = "Submit booking";
    static final String CONFIRM = "return confirm('Book this consignment?');";

    private BookingPages() {
    }

    static String consignee(PortalSession session, boolean randomIds, boolean changed, ConsigneeForm typed,
            Map<String, String> errors) {
        Form form = new Form(session, randomIds, typed.values(), errors).post("/consignments/new", "consignee")
                .text("reference", "Customer reference", 35)
                .text("consignee", "Company / name", 40)
                .text("street", "Street", 40);
        if (changed) {
            form.text("city", "City", 30).text("postalCode", "ZIP / Postcode", 10);
        } else {
            form.text("postalCode", "Postal code", 10).text("city", "City", 30);
        }
        String html = form.select("country", "Country", ConsigneeForm.COUNTRIES).submit("Next", null).end();
        return Html.page("New consignment", session.user(),
                "<h1>New consignment - Step 1 of 2: Consignee</h1>\n" + problems(errors) + html);
    }

    static String parcels(PortalSession session, boolean randomIds, boolean changed, ConsigneeForm consignee,
            ParcelsForm typed, Map<String, String> errors) {
        String form = new Form(session, randomIds, typed.values(), errors).post("/consignments/new/parcels", "parcels")
                .text("parcels", "Number of parcels", 3)
                .text("weight", "Total weight (kg)", 8)
                .text("description", "Description of goods", 40)
                .select("service", "Service", ParcelsForm.SERVICES)
                .submit(changed ? BOOK_CHANGED : BOOK, CONFIRM)
                .end();
        String summary = "<p>Consignee: <b>" + Html.text(consignee.consignee()) + "</b>, "
                + Html.text(consignee.street()) + ", " + Html.text(consignee.postalCode()) + " "
                + Html.text(consignee.city()) + ", " + Html.text(consignee.countryName())
                + " (customer reference " + Html.text(consignee.reference()) + ")"
                + " &nbsp; <a href=\"/consignments/new?back\">Change consignee</a></p>\n";
        return Html.page("New consignment", session.user(),
                "<h1>New consignment - Step 2 of 2: Parcels</h1>\n" + summary + problems(errors) + form);
    }

    static String confirmation(PortalSession session, Consignment consignment) {
        return Html.page("Consignment booked", session.user(), """
                <h1>Consignment booked</h1>
                <p class="number">Consignment number: <b>%s</b></p>
                <table class="grid">
                <tr><th>Customer reference</th><td>%s</td></tr>
                <tr><th>Consignee</th><td>%s</td></tr>
                <tr><th>Address</th><td>%s, %s %s, %s</td></tr>
                <tr><th>Parcels</th><td>%d</td></tr>
                <tr><th>Total weight (kg)</th><td>%s</td></tr>
                <tr><th>Service</th><td>%s</td></tr>
                </table>
                <p>Please print this page and attach the consignment number to every parcel.</p>
                """.formatted(Html.text(consignment.number()), Html.text(consignment.reference()),
                Html.text(consignment.consignee()), Html.text(consignment.street()),
                Html.text(consignment.postalCode()), Html.text(consignment.city()),
                Html.text(ConsigneeForm.COUNTRIES.getOrDefault(consignment.country(), consignment.country())),
                consignment.parcels(), consignment.weightKg().toPlainString(),
                Html.text(ParcelsForm.SERVICES.get(consignment.service()))));
    }

    private static String problems(Map<String, String> errors) {
        return errors.isEmpty() ? "" : "<p class=\"error\" role=\"alert\">Please correct the marked fields.</p>\n";
    }
}
