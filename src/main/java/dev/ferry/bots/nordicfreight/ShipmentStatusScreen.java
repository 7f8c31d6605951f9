package dev.ferry.bots.nordicfreight;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.ferry.rpa.BotSession;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** The portal's paginated "Shipment status" table: ten consignments a page, "Next »" to the following page. */
final class ShipmentStatusScreen {

    private static final List<String> COLUMNS = List.of("Consignment number", "Customer reference", "Status",
            "Last update");
    // the portal shows its times in UTC, as day.month.year hours:minutes
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    private final BotSession session;
    private final Page page;

    private ShipmentStatusScreen(BotSession session) {
        this.session = session;
        this.page = session.page();
    }

    static ShipmentStatusScreen open(BotSession session) {
        session.open("/shipments");
        ShipmentStatusScreen screen = new ShipmentStatusScreen(session);
        screen.table();
        return screen;
    }

    /** The shipments on the page shown now. */
    List<Shipment> shipments() {
        @SuppressWarnings("unchecked")
        List<List<String>> rows = (List<List<String>>) table().evaluate(
                "t => [...t.rows].map(r => [...r.cells].map(c => c.innerText.trim()))");
        List<String> header = rows.isEmpty() ? List.of() : rows.get(0);
        int[] at = new int[COLUMNS.size()];
        for (int i = 0; i < COLUMNS.size(); i++) {
            at[i] = header.indexOf(COLUMNS.get(i));
            if (at[i] < 0) {
                throw session.screenChanged("no column '" + COLUMNS.get(i) + "' in the shipment table (it has "
                        + String.join(", ", header) + ")", "shipment-status table header " + header);
            }
        }
        List<Shipment> shipments = new ArrayList<>();
        for (List<String> row : rows.subList(Math.min(1, rows.size()), rows.size())) {
            if (row.size() < header.size()) {
                continue; // the "No consignments." row spans the table
            }
            shipments.add(new Shipment(row.get(at[0]), row.get(at[1]), row.get(at[2]), time(row.get(at[3]))));
        }
        return shipments;
    }

    /** Goes to the next page; false when this is the last one. */
    boolean next() {
        Locator next = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next"));
        if (next.count() == 0) {
            return false;
        }
        String before = page.url();
        next.first().click();
        page.waitForURL(url -> !url.equals(before));
        session.checkSignals();
        table();
        return true;
    }

    /** The grid with the consignments; the page's banner is a table too, so find it by its first column. */
    private Locator table() {
        Locator grid = page.getByRole(AriaRole.TABLE).filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.COLUMNHEADER, new Page.GetByRoleOptions().setName(COLUMNS.get(0)))));
        return session.await(grid, "table with a '" + COLUMNS.get(0) + "' column");
    }

    private Instant time(String shown) {
        try {
            return LocalDateTime.parse(shown, SHOWN).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw session.screenChanged("the last update '" + shown + "' is not a day.month.year hours:minutes time",
                    e.getMessage());
        }
    }
}
