package dev.ferry.sandbox.portal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** The consignment search ({@code /consignments}) and the shipment-status table ({@code /shipments}). */
final class LookupPages {

    static final int PAGE_SIZE = 10;

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ZoneOffset.UTC);

    private LookupPages() {
    }

    /** {@code found} is null before the first search. */
    static String search(PortalSession session, boolean randomIds, String reference, List<Consignment> found,
            Instant now, Duration statusEvery) {
        String form = new Form(session, randomIds, Map.of("reference", reference), Map.of())
                .get("/consignments", "search")
                .text("reference", "Customer reference", 35)
                .submit("Search", null)
                .end();
        StringBuilder results = new StringBuilder();
        if (found != null && found.isEmpty()) {
            results.append("<p class=\"notice\">No consignments found for customer reference ")
                    .append(Html.text(reference)).append(".</p>\n");
        } else if (found != null) {
            results.append("<table class=\"grid\">\n<tr><th>Consignment number</th><th>Customer reference</th>")
                    .append("<th>Consignee</th><th>Status</th></tr>\n");
            for (Consignment consignment : found) {
                results.append("<tr><td>").append(Html.text(consignment.number())).append("</td><td>")
                        .append(Html.text(consignment.reference())).append("</td><td>")
                        .append(Html.text(consignment.consignee())).append("</td><td>")
                        .append(ShipmentStatus.of(consignment, now, statusEvery)).append("</td></tr>\n");
            }
            results.append("</table>\n");
        }
        return Html.page("Find consignment", session.user(), "<h1>Find consignment</h1>\n" + form + results);
    }

    /** {@code page} counts from 1 and is within range. */
    static String shipments(PortalSession session, List<Consignment> all, int page, Instant now,
            Duration statusEvery) {
        int pages = pages(all.size());
        StringBuilder table = new StringBuilder("<table class=\"grid\">\n<tr><th>Consignment number</th>"
                + "<th>Customer reference</th><th>Status</th><th>Last update</th></tr>\n");
        for (Consignment consignment : all.subList((page - 1) * PAGE_SIZE, Math.min(all.size(), page * PAGE_SIZE))) {
            table.append("<tr><td>").append(Html.text(consignment.number())).append("</td><td>")
                    .append(Html.text(consignment.reference())).append("</td><td>")
                    .append(ShipmentStatus.of(consignment, now, statusEvery)).append("</td><td>")
                    .append(SHOWN.format(ShipmentStatus.lastUpdate(consignment, now, statusEvery)))
                    .append("</td></tr>\n");
        }
        if (all.isEmpty()) {
            table.append("<tr><td colspan=\"4\">No consignments.</td></tr>\n");
        }
        table.append("</table>\n<p>")
                .append(page > 1 ? "<a href=\"/shipments?page=" + (page - 1) + "\">&laquo; Previous</a>" : "")
                .append(" &nbsp; Page ").append(page).append(" of ").append(pages).append(" &nbsp; ")
                .append(page < pages ? "<a href=\"/shipments?page=" + (page + 1) + "\">Next &raquo;</a>" : "")
                .append("</p>\n");
        return Html.page("Shipment status", session.user(), "<h1>Shipment status</h1>\n" + table);
    }

    static int pages(int consignments) {
        return Math.max(1, (consignments + PAGE_SIZE - 1) / PAGE_SIZE);
    }
}
