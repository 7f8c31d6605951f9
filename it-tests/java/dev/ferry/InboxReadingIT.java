package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The inbox as a reviewer reads it, in a real browser: times in the reviewer's own zone with UTC on hover, closed
 * items that say when and by whom, words instead of codes and pointers, error pages for people and problem+json
 * for the API, and a list that is compact, sortable, clamps its paging and fits a phone.
 */
class InboxReadingIT extends BrowserIntegrationTest {

    /** 21 orders of one batch: a full page of 20 and one on page 2. */
    private static final int BATCH = 21;

    private static String batch;

    // the reviewer sits in Berlin: in December the pages say CET
    @Override
    protected Browser.NewContextOptions contextOptions() {
        return super.contextOptions().setTimezoneId("Europe/Berlin").setLocale("en-GB");
    }

    @Test
    void twentyRowsMakeACompactPageAndOnAPhoneTheFirstRowIsNearTheTop() {
        String marker = batch();
        signIn("reviewer");

        page.setViewportSize(1440, 900);
        page.navigate("/inbox?q=" + marker);
        assertThat(page.locator("table.items tbody tr")).hasCount(20);
        int height = ((Number) page.evaluate("() => document.documentElement.scrollHeight")).intValue();
        Locator counts = page.locator(".counts .count");
        double firstTop = counts.first().boundingBox().y;
        double lastTop = counts.last().boundingBox().y;
        page.setViewportSize(1280, 900);
        double lastTopAt1280 = counts.last().boundingBox().y;

        page.setViewportSize(390, 844);
        page.reload();
        double firstRow = page.locator("table.items tbody tr").first().boundingBox().y
                + ((Number) page.evaluate("() => window.scrollY")).doubleValue();
        boolean sideways = (Boolean) page.evaluate(
                "() => document.documentElement.scrollWidth > document.documentElement.clientWidth");
        System.out.printf("Inbox list: %d px tall at 1440 px with 20 rows; the first row %d px down at 390 px%n",
                height, Math.round(firstRow));

        assertThat(height).as("the list's height at 1440 px with 20 rows (2,770 px before)").isLessThan(1500);
        assertThat(lastTop).as("every count box on the first one's line at 1440 px").isEqualTo(firstTop);
        assertThat(lastTopAt1280).as("and at 1280 px").isEqualTo(firstTop);
        assertThat(firstRow).as("the first row's top on a phone (1,240 px before)").isLessThan(600);
        assertThat(sideways).as("sideways scrolling at 390 px").isFalse();
    }

    @Test
    void theListSortsByAColumnKeepsTheSortInItsLinksAndClampsAPageNumberPastTheEnd() {
        String marker = batch();
        signIn("reviewer");
        page.setViewportSize(1440, 900);
        page.navigate("/inbox?q=" + marker);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customer").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*sort=customer.*"));
        assertThat(page.locator("th[aria-sort=ascending]")).containsText("Customer");
        List<String> names = page.locator("table.items tbody td.customer").allTextContents();
        assertThat(names).isSortedAccordingTo(Comparator.comparing(n -> n.trim().toLowerCase()));
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page →")))
                .hasAttribute("href", Pattern.compile(".*sort=customer.*"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customer").setExact(true)).click();
        assertThat(page.locator("th[aria-sort=descending]")).containsText("Customer");
        List<String> reversed = page.locator("table.items tbody td.customer").allTextContents();
        assertThat(reversed.get(0).trim()).isEqualTo("Zed " + marker + " 9");

        page.navigate("/inbox?q=" + marker + "&sort=customer&page=99");
        assertThat(page.getByText("Page 2 of 2")).isVisible();
        assertThat(page).hasURL(Pattern.compile(".*page=1.*"));
        assertThat(page.locator("table.items tbody tr")).hasCount(1);
    }

    @Test
    void theSourceFilterIgnoresCase() {
        String marker = batch();
        signIn("reviewer");
        page.navigate("/inbox?source=WebShop&q=" + marker);

        assertThat(page.locator("table.items tbody tr")).hasCount(20);
    }

    @Test
    void timesAreInTheReviewersZoneWithUtcOnHoverAndTheReasonHasNoStatusCode() {
        String orderId = flag(named(TestOrders.withPostalCode("READ-" + unique(), "00000"), "Tim Zone " + unique()));
        signIn("reviewer");
        page.navigate("/inbox/" + exceptionOf(orderId));

        Locator firstStep = page.locator("table.timeline time").first();
        assertThat(firstStep).hasText(Pattern.compile("\\d{1,2} \\w{3} \\d{4}, \\d{2}:\\d{2}:\\d{2} CET"));
        assertThat(firstStep).hasAttribute("title", Pattern.compile(".* UTC"));
        assertThat(firstStep).hasAttribute("datetime", Pattern.compile(".*Z"));
        Locator reason = page.locator(".problem-box dd.reason");
        assertThat(reason).not().containsText("HTTP");
        page.getByText("Technical detail for IT support").click();
        assertThat(page.locator(".technical pre")).containsText("HTTP 422");

        // on a phone the timeline's detail reads across the screen, not a letter a line in a squeezed column
        page.setViewportSize(390, 844);
        Locator failedDetail = page.locator("table.timeline tr.failed td.detail").first();
        assertThat(failedDetail).isVisible();
        assertThat(failedDetail.boundingBox().width).isGreaterThan(300);
    }

    @Test
    void aClosedItemSaysWhenAndByWhomItWasClosedInsteadOfHowLongItWaits() {
        String name = "Clo Sed " + unique();
        String orderId = flag(named(TestOrders.forCustomer("READ-" + unique(), "C-404"), name));
        signIn("reviewer");
        String item = exceptionOf(orderId);
        page.navigate("/inbox/" + item);

        page.getByLabel("Reason for discarding").fill("Customer cancelled by phone");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard order")).click();
        // the next waiting item opens after an action; the discarded one is read on its own page
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Undo the discard")))).isVisible();
        page.navigate("/inbox/" + item);

        Locator facts = page.locator(".problem-box .facts");
        assertThat(facts).containsText("Closed");
        assertThat(facts).containsText("Discarded it by reviewer");
        assertThat(facts.locator("time")).hasText(Pattern.compile(".* CET"));
        assertThat(facts).not().containsText("Waiting for");
        page.navigate("/inbox?status=ALL&q=" + name.replace(" ", "+"));
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
        assertThat(row).containsText("Discarded");
        assertThat(row.locator("time")).hasText(Pattern.compile(".* CET"));
    }

    @Test
    void theHistoryNamesAChangedFieldAsTheFormDoesCountingLinesFromOne() {
        String name = "Line Two " + unique();
        ObjectNode order = TestOrders.ordinary("READ-" + unique());
        order.withArrayProperty("lines").addObject().put("sku", "DISCONTINUED-LAMP").put("quantity", 1)
                .put("unitPrice", "30.00");
        String orderId = flag(named(order, name));
        signIn("reviewer");
        page.navigate("/inbox/" + exceptionOf(orderId));

        page.getByLabel("SKU, line 2").fill("SKU-TEAPOT");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();

        assertThat(page.locator("table.history")).containsText("Line 2 SKU: DISCONTINUED-LAMP → SKU-TEAPOT");
        assertThat(page.locator("table.timeline")).containsText("Corrected by reviewer: Line 2 SKU.");
        assertThat(page.locator("main")).not().containsText("/lines/1/sku");
    }

    @Test
    void aJsonTypoIsToldByLineAndColumnAndTheFocusGoesToTheEditor() {
        String orderId = flag(named(TestOrders.forCustomer("READ-" + unique(), "C-404"), "Jay Son " + unique()));
        signIn("reviewer");
        page.navigate("/inbox/" + exceptionOf(orderId));

        page.getByText("Advanced: edit the whole order as JSON").click();
        page.getByLabel("Order as JSON").fill("{\n  \"externalId\": \"x\",\n  \"source\" \"webshop\"\n}");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save JSON")).click();

        Locator error = page.locator("#order-json-error");
        assertThat(error).containsText("This is not valid JSON: look at line 3, column");
        assertThat(error).not().containsText("StreamReadFeature");
        assertThat(page.getByLabel("Order as JSON")).isFocused();
    }

    @Test
    void aReloadedFormAddressAndAnUnknownAddressArePagesForPeopleAndProblemJsonForTheApi() {
        String orderId = flag(named(TestOrders.forCustomer("READ-" + unique(), "C-404"), "Err Or " + unique()));
        String item = exceptionOf(orderId);
        signIn("admin");

        // the address bar after a refused form: back to the item, not a 405
        page.navigate("/inbox/" + item + "/edit");
        assertThat(page).hasURL(Pattern.compile(".*/inbox/" + item + "$"));

        var methodNotAllowed = page.navigate("/schedules/crm-order-pull/pause");
        assertThat(methodNotAllowed.status()).isEqualTo(405);
        assertThat(methodNotAllowed.headerValue("content-type")).startsWith("text/html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("This address is for a button");

        var notFound = page.navigate("/no-such-page");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.headerValue("content-type")).startsWith("text/html");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not found");
        assertThat(page.locator("main")).not().containsText("\"status\"");

        APIResponse api = context.request().get("/api/no-such-thing", RequestOptions.create()
                .setHeader("Accept", "text/html").setHeader("Authorization", "Bearer " + InboxApiIT.OPS_KEY));
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.headers().get("content-type")).startsWith("application/problem+json");
    }

    @Test
    void aPausedScheduleShowsNoNextRun() {
        assertThat(api("POST", "/api/schedules/crm-order-pull/pause").statusCode()).isEqualTo(200);
        try {
            signIn("admin");
            page.navigate("/schedules/crm-order-pull");
            Locator facts = page.locator(".status-box .facts");
            assertThat(facts).containsText("none while paused");
            page.navigate("/schedules");
            Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("crm-order-pull"));
            assertThat(row).containsText("none while paused");
        } finally {
            assertThat(api("POST", "/api/schedules/crm-order-pull/resume").statusCode()).isEqualTo(200);
        }
    }

    // --- helpers

    /** The batch of 21 orders, flagged once for the tests that read a full list: customers Zed ... 0 to 20. */
    private String batch() {
        if (batch == null) {
            String marker = "LIST-" + unique();
            List<String> orderIds = new ArrayList<>();
            IntStream.range(0, BATCH).forEach(i -> orderIds.add(accept(named(
                    TestOrders.withPostalCode(marker + "-" + i, "00000"), "Zed " + marker + " " + i))));
            orderIds.forEach(id -> awaitStatus(id, "FLAGGED"));
            batch = marker;
        }
        return batch;
    }

    private void signIn(String user) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
    }

    private String flag(ObjectNode order) {
        String orderId = accept(order);
        awaitStatus(orderId, "FLAGGED");
        return orderId;
    }

    private static ObjectNode named(ObjectNode order, String name) {
        order.withObjectProperty("customer").put("name", name);
        order.withObjectProperty("shipTo").put("name", name);
        return order;
    }

    private String exceptionOf(String orderId) {
        return read(api("GET", "/api/exceptions?q=" + orderId).body()).path("items").get(0).path("id").asText();
    }

    private HttpResponse<String> api(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + InboxApiIT.OPS_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
