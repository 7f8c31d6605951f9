package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The inbox as a reviewer's worklist, in real Chromium: Enter and Replay do what they say, a discard can be taken
 * back, two reviewers do not work one item unknowingly, the next item stays in the list, an order that comes back
 * shows its earlier replay, and a postal code is fixed and replayed in few clicks or key presses.
 */
// a context of its own: "next item" and "start with the oldest" read the whole inbox, so no other class's orders
// may sit in it; the undo window is wide so a slow machine does not close it between two clicks
@TestPropertySource(properties = {"spring.application.name=ferry-inbox-worklist-it", "ferry.inbox.undo-window=10m"})
class InboxWorklistIT extends BrowserIntegrationTest {

    @Test
    void enterInTheBulkDiscardReasonDiscardsTheSelectedOrdersAndReplaysNone() {
        String marker = unique();
        List<String> orderIds = List.of(flag(person(TestOrders.forCustomer("WEB-" + marker + "-1", "C-404"), marker + " One")),
                flag(person(TestOrders.forCustomer("WEB-" + marker + "-2", "C-404"), marker + " Two")));
        signIn(page, "reviewer");
        page.navigate("/inbox?q=" + marker);
        page.getByLabel("Select WEB-" + marker + "-1").check();
        page.getByLabel("Select WEB-" + marker + "-2").check();

        page.getByLabel("Reason for discarding the selected orders").fill("Duplicates of phone orders");
        page.getByLabel("Reason for discarding the selected orders").press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 orders discarded.");
        for (String orderId : orderIds) {
            JsonNode order = order(orderId);
            assertThat(order.path("status").asText()).isEqualTo("DISCARDED");
            assertThat(order.path("journal").findValuesAsText("step")).contains("discard").doesNotContain("replay");
        }
    }

    @Test
    void enterInTheReasonOfOneItemDiscardsIt() {
        String name = "Enter Single " + unique();
        String orderId = flag(person(TestOrders.forCustomer("WEB-" + unique(), "C-404"), name));
        signIn(page, "reviewer");
        openItemOf(page, name);

        page.getByLabel("Reason for discarding", new Page.GetByLabelOptions().setExact(true)).fill("Customer cancelled");
        page.getByLabel("Reason for discarding", new Page.GetByLabelOptions().setExact(true)).press("Enter");

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is discarded");
        assertThat(order(orderId).path("status").asText()).isEqualTo("DISCARDED");
        assertThat(order(orderId).path("journal").findValuesAsText("step")).doesNotContain("replay");
    }

    @Test
    void replayWithACorrectionNotYetSavedSavesItFirstAndTheOrderCompletesWithIt() {
        String name = "Unsaved Zip " + unique();
        String orderId = flag(person(TestOrders.withPostalCode("WEB-" + unique(), "00000"), name));
        signIn(page, "reviewer");
        openItemOf(page, name);

        page.getByLabel("Postal code").fill("1100-048");
        // the top button, not the form's own Save and replay: it says it saves as soon as there is something to save
        Locator top = page.locator("#replay");
        assertThat(top).hasText("Save and replay");
        top.click();

        JsonNode order = awaitStatus(orderId, "COMPLETED");
        assertThat(order.path("journal").findValuesAsText("step")).contains("edit");
        assertThat(journal(order, "edit").get(0).path("detail").asText()).contains("/shipTo/postalCode");
        Downstream.assertFulfilledOnce(sandbox, orderId);
    }

    @Test
    void aBulkDiscardIsTakenBackWithUndoAndTheOrdersWaitAgain() {
        String marker = unique();
        List<String> orderIds = List.of(flag(person(TestOrders.forCustomer("WEB-" + marker + "-1", "C-404"), marker + " One")),
                flag(person(TestOrders.forCustomer("WEB-" + marker + "-2", "C-404"), marker + " Two")));
        signIn(page, "reviewer");
        page.navigate("/inbox?q=" + marker);
        page.getByLabel("Select WEB-" + marker + "-1").check();
        page.getByLabel("Select WEB-" + marker + "-2").check();
        page.getByLabel("Reason for discarding the selected orders").fill("Wrong shop");
        button(page, "Discard selected").click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("2 orders discarded.");
        orderIds.forEach(id -> assertThat(order(id).path("status").asText()).isEqualTo("DISCARDED"));

        button(page, "Undo the discard of 2 orders").click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Discard taken back: 2 orders wait in the inbox again.");
        for (String orderId : orderIds) {
            assertThat(order(orderId).path("status").asText()).isEqualTo("FLAGGED");
            assertThat(exceptionOf(orderId).path("status").asText()).isEqualTo("OPEN");
        }
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(marker + " One"))).isVisible();
    }

    @Test
    void aSecondReviewerSeesWhoWorksOnAnItemAndMustTakeItOverToAct() {
        String name = "Two Reviewers " + unique();
        String orderId = flag(person(TestOrders.forCustomer("WEB-" + unique(), "C-404"), name));
        signIn(page, "reviewer");
        openItemOf(page, name);
        assertThat(page.getByText("You are working on this since")).isVisible();

        try (BrowserContext other = newContext()) {
            Page admin = other.newPage();
            signIn(admin, "admin");
            admin.navigate("/inbox?q=" + name.replace(' ', '+'));
            Locator row = admin.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name));
            assertThat(row).containsText("reviewer is working on this since");
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
            assertThat(admin.locator(".claim")).containsText("reviewer is working on this since");

            // acting without taking it over is refused, and says why
            admin.locator("#replay").click();
            assertThat(admin.getByRole(AriaRole.ALERT)).containsText("reviewer is working on this since");
            assertThat(admin.getByRole(AriaRole.ALERT)).containsText("nothing was changed");
            assertThat(order(orderId).path("status").asText()).isEqualTo("FLAGGED");

            button(admin, "Take it over").click();
            assertThat(admin.getByRole(AriaRole.STATUS)).hasText(
                    "You took this over from reviewer; they see that if they try to act on it.");
        }

        // the first reviewer, still on the page, is now the one refused
        page.getByLabel("Reason for discarding", new Page.GetByLabelOptions().setExact(true)).fill("Not needed");
        button(page, "Discard order").click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("admin is working on this since");
        assertThat(order(orderId).path("status").asText()).isEqualTo("FLAGGED");
        assertThat(exceptionOf(orderId).path("claim").path("by").asText()).isEqualTo("admin");
    }

    @Test
    void afterAnActionTheNextItemOfTheSameFilteredListOpensAndTheWayBackKeepsTheFilter() {
        String marker = unique();
        flag(person(TestOrders.forCustomer("WEB-" + marker + "-1", "C-404"), marker + " First"));
        flag(person(TestOrders.withQuantity("WEB-" + marker + "-2", 1000), marker + " Approval"));
        flag(person(TestOrders.forCustomer("WEB-" + marker + "-3", "C-404"), marker + " Third"));
        signIn(page, "reviewer");
        page.navigate("/inbox?category=DOWNSTREAM_REJECTED&q=" + marker);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(marker + " First")).click();

        page.getByLabel("Reason for discarding", new Page.GetByLabelOptions().setExact(true)).fill("Test order");
        button(page, "Discard order").click();

        // the needs-approval order in between is not in this list, so the third one is next
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(marker + " Third");
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("WEB-" + marker + "-1");
        assertThat(page).hasURL(Pattern.compile(".*category=DOWNSTREAM_REJECTED.*q=" + marker + ".*"));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("← Inbox")).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox\\?category=DOWNSTREAM_REJECTED&q=" + marker + "$"));
        assertThat(page.locator("#category")).hasValue("DOWNSTREAM_REJECTED");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(marker + " Third"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(marker + " Approval"))).hasCount(0);
    }

    @Test
    void anOrderThatFailsAgainAfterAReplayShowsTheEarlierReplayAndLinksToIt() {
        String name = "Comes Back " + unique();
        String orderId = flag(person(TestOrders.withPostalCode("WEB-" + unique(), "00000"), name));
        signIn(page, "reviewer");
        openItemOf(page, name);
        String first = order(orderId).path("exceptionId").asText();
        button(page, "Replay").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("is on its way again");
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            JsonNode order = order(orderId);
            return "FLAGGED".equals(order.path("status").asText()) && !first.equals(order.path("exceptionId").asText());
        });

        openItemOf(page, name);

        assertThat(page.getByText(Pattern.compile("Replayed once by reviewer at .*; failed again\\."))).isVisible();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the earlier attempt")).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox/" + first + "$"));
        assertThat(page.getByText("Sent through again").first()).isVisible();
        // the list of what was sent through again says how it ended
        page.navigate("/inbox?status=RESOLVED&q=" + name.replace(' ', '+'));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name))).containsText("Failed again");
        page.navigate("/inbox?q=" + name.replace(' ', '+'));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(name)))
                .containsText("Came back after 1 replay");
    }

    @Test
    void withoutScriptEnterInTheBulkReasonReplaysNothingAndTheTopReplayStillSavesTheCorrection() {
        String marker = unique();
        String refusedId = flag(person(TestOrders.forCustomer("WEB-" + marker + "-1", "C-404"), marker + " One"));
        String zipId = flag(person(TestOrders.withPostalCode("WEB-" + marker + "-2", "00000"), marker + " Zip"));
        try (BrowserContext plain = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port).setJavaScriptEnabled(false))) {
            Page bare = plain.newPage();
            signIn(bare, "reviewer");
            bare.navigate("/inbox?q=" + marker);
            bare.getByLabel("Select WEB-" + marker + "-1").check();
            bare.getByLabel("Reason for discarding the selected orders").fill("Duplicate");

            bare.getByLabel("Reason for discarding the selected orders").press("Enter");

            // the browser sent Replay selected, the form's first button: Ferry refuses it rather than guess
            assertThat(bare.getByText("You wrote a reason for discarding")).isVisible();
            assertThat(order(refusedId).path("status").asText()).isEqualTo("FLAGGED");
            assertThat(order(refusedId).path("journal").findValuesAsText("step")).doesNotContain("replay", "discard");

            bare.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(marker + " Zip")).click();
            bare.getByLabel("Postal code").fill("1100-048");
            bare.locator("#replay").click();
        }
        JsonNode order = awaitStatus(zipId, "COMPLETED");
        assertThat(journal(order, "edit").get(0).path("detail").asText()).contains("/shipTo/postalCode");
    }

    @Test
    void aScriptRespectsAPersonsClaimAndTakesItOverOnlyOnPurpose() {
        String name = "Api Claim " + unique();
        String orderId = flag(person(TestOrders.forCustomer("WEB-" + unique(), "C-404"), name));
        signIn(page, "reviewer");
        openItemOf(page, name);
        String id = exceptionOf(orderId).path("id").asText();
        assertThat(exceptionOf(orderId).path("claim").path("by").asText()).isEqualTo("reviewer");

        var refused = api("POST", "/api/exceptions/" + id + "/discard", "{\"reason\":\"script\"}");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(read(refused.body()).path("type").asText()).endsWith("/exception-claimed");
        assertThat(read(refused.body()).path("claim").path("by").asText()).isEqualTo("reviewer");
        assertThat(api("POST", "/api/exceptions/" + id + "/claim", "").statusCode()).isEqualTo(409);
        assertThat(api("DELETE", "/api/exceptions/" + id + "/claim", null).statusCode()).isEqualTo(409);

        var taken = api("POST", "/api/exceptions/" + id + "/claim", "{\"takeOver\":true}");
        assertThat(taken.statusCode()).isEqualTo(200);
        assertThat(read(taken.body()).path("by").asText()).isEqualTo("api-key:sandbox-ops");
        assertThat(api("DELETE", "/api/exceptions/" + id + "/claim", null).statusCode()).isEqualTo(204);
        assertThat(exceptionOf(orderId).has("claim")).as("nobody works on it: no claim").isFalse();
        assertThat(exceptionOf(orderId).path("history").findValuesAsText("action")).contains("took-over");
        assertThat(api("POST", "/api/exceptions/" + id + "/discard", "{\"reason\":\"script\"}").statusCode())
                .isEqualTo(200);
    }

    /**
     * Counting rule: a click is one mouse click on the page; a key press is one press of Tab, Enter or any other key
     * (each page.keyboard().press); typing the new postal code is text entry and not counted. Loading the list is
     * not counted either: both start on the list, which shows the order (a search for it, as a reviewer finds it).
     */
    @Test
    void aPostalCodeIsFixedAndReplayedFromTheListInThreeClicksOrTwelveKeyPresses() {
        String clicked = "Click Zip " + unique();
        String clickedId = flag(person(TestOrders.withPostalCode("WEB-" + unique(), "00000"), clicked));
        String typed = "Keys Zip " + unique();
        String typedId = flag(person(TestOrders.withPostalCode("WEB-" + unique(), "00000"), typed));
        signIn(page, "reviewer");

        page.navigate("/inbox?q=" + clicked.replace(' ', '+'));
        int clicks = 0;
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(clicked)).click();
        clicks++;
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Correct the postal code ↓")).click();
        clicks++;
        assertThat(page.getByLabel("Postal code")).isFocused();
        page.keyboard().type("1100-048");
        page.locator("#replay").click();
        clicks++;
        awaitStatus(clickedId, "COMPLETED");
        assertThat(clicks).isLessThanOrEqualTo(3);
        // what was sent through again says how it ended
        page.navigate("/inbox?status=RESOLVED&q=" + clicked.replace(' ', '+'));
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(clicked)))
                .containsText("Completed");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Replay selected"))).hasCount(0);

        page.navigate("/inbox?q=" + typed.replace(' ', '+'));
        Keys keys = new Keys(page);
        keys.press("Tab");      // "Skip to the content"
        keys.press("Enter");
        keys.press("Tab");      // "Start with the oldest waiting order in this list"
        keys.press("Enter");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(typed);
        keys.press("Tab");      // "Skip to the content"
        keys.press("Enter");
        keys.press("Tab");      // "← Inbox"
        keys.press("Tab");      // "Let go of it"
        keys.press("Tab");      // "Correct the postal code"
        keys.press("Enter");
        assertThat(page.getByLabel("Postal code")).isFocused();
        page.keyboard().type("1100-048");
        keys.press("Enter");    // saves; the page comes back with Replay focused
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your corrections are saved");
        assertThat(page.locator("#replay")).isFocused();
        keys.press("Enter");    // replays
        JsonNode order = awaitStatus(typedId, "COMPLETED");
        assertThat(order.path("journal").findValuesAsText("step")).contains("edit");
        assertThat(keys.count).isLessThanOrEqualTo(15);
        System.out.println("Fix-and-replay of a postal code: " + clicks + " clicks; " + keys.count + " key presses");
    }

    // --- helpers

    /** Presses keys and counts them. */
    private static final class Keys {
        private final Page page;
        private int count;

        Keys(Page page) {
            this.page = page;
        }

        void press(String key) {
            page.keyboard().press(key);
            count++;
        }
    }

    private java.net.http.HttpResponse<String> api(String method, String path, String body) {
        var request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + InboxApiIT.OPS_KEY);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return send(request.build());
    }

    private static void signIn(Page page, String user) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        button(page, "Sign in").click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
    }

    private static void openItemOf(Page page, String customerName) {
        page.navigate("/inbox");
        page.getByLabel("Search").fill(customerName);
        button(page, "Show").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(customerName)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(customerName);
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** The order's OPEN exception, through the API with the ops key. */
    private JsonNode exceptionOf(String orderId) {
        String id = order(orderId).path("exceptionId").asText();
        return read(send(HttpRequest.newBuilder(uri("/api/exceptions/" + id))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build()).body());
    }

    private String flag(ObjectNode order) {
        String orderId = accept(order);
        awaitStatus(orderId, "FLAGGED");
        return orderId;
    }

    private static ObjectNode person(ObjectNode order, String name) {
        String local = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        order.withObjectProperty("customer").put("name", name).put("email", local + "@example.com");
        order.withObjectProperty("shipTo").put("name", name);
        return order;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
