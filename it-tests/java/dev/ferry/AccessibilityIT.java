package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.ferry.inbox.FlagCategory;
import dev.ferry.inbox.Notice;
import dev.ferry.inbox.Notices;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deque's axe-core, the engine behind the axe browser extension, run on every page of Ferry for people, at a
 * desktop width (1440 px) and a phone's (390 px), in the same headless Chromium as the other browser ITs: not one
 * violation, whatever its impact. The pages are those a reviewer and an administrator meet: sign-in, the inbox
 * (with items, empty, filtered, sorted, closed items), an item of each kind (a data problem with fields to
 * correct, also refused with its errors; a robot failure with its screenshot; the portal refusing the data; an
 * approval; a closed one; one someone else works on; one that came back after a replay; the notice with Undo after a
 * discard; two notices), what was sent through again, an order's page, the schedules and one schedule, and the error pages (404, 405).
 */
class AccessibilityIT extends BrowserIntegrationTest {

    private static final List<Integer> WIDTHS = List.of(1440, 390);

    @Autowired
    private Notices notices;

    @Test
    void everyPageHasNoAxeViolationsAtDesktopAndPhoneWidths() {
        String marker = unique();
        String dataProblem = flagged(TestOrders.withPostalCode("A11Y-" + marker + "-ZIP", "00000"), "Ana Axe " + marker);
        String approval = flagged(TestOrders.withQuantity("A11Y-" + marker + "-BIG", 1000), "Big Axe " + marker);
        String unknownCustomer = flagged(TestOrders.forCustomer("A11Y-" + marker + "-CRM", "C-404"), "Cid Axe " + marker);
        String closed = flagged(TestOrders.forCustomer("A11Y-" + marker + "-GONE", "C-404"), "Dora Axe " + marker);
        String botFailure;
        sandbox.portal().hazards().calm().changeScreen(true);
        try {
            botFailure = flagged(TestOrders.withService("A11Y-" + marker + "-BOT", "freight"), "Rob Axe " + marker);
        } finally {
            sandbox.portal().hazards().changeScreen(false);
        }
        // the portal refusing the data (its own message quoted, the field named)
        ObjectNode refusedByPortal = TestOrders.withService("A11Y-" + marker + "-ZIPBOT", "freight");
        refusedByPortal.withObjectProperty("shipTo").put("postalCode", "1250/146");
        String portalRefusal = flagged(refusedByPortal, "Pia Axe " + marker);
        // someone else works on it: the page says who and offers to take it over
        String heldItem = exceptionOf(flagged(TestOrders.forCustomer("A11Y-" + marker + "-HELD", "C-404"),
                "Hal Axe " + marker));
        assertThat(api("POST", "/api/exceptions/" + heldItem + "/claim", null).statusCode()).isEqualTo(200);
        // replayed as it was, so it fails again and comes back with a link to the earlier attempt
        String cameBack = flagged(TestOrders.forCustomer("A11Y-" + marker + "-BACK", "C-404"), "Ben Axe " + marker);
        String firstAttempt = exceptionOf(cameBack);
        assertThat(api("POST", "/api/exceptions/" + firstAttempt + "/replay", null).statusCode()).isEqualTo(202);
        String secondAttempt = await().atMost(Duration.ofSeconds(60)).until(() -> openExceptionOf(cameBack),
                id -> id != null && !id.equals(firstAttempt));
        String closedItem = exceptionOf(closed);
        assertThat(api("POST", "/api/exceptions/" + closedItem + "/discard", "{\"reason\":\"Customer cancelled\"}")
                .statusCode()).isEqualTo(200);
        notices.raise(new Notice("reconciliation:a11y:" + marker, FlagCategory.RECONCILIATION, "nightly-reconciliation",
                "SO-" + marker + ": no invoice", "The ERP has sales order SO-" + marker
                        + ", but accounting has no invoice for it.", "erp: {...}", null));
        notices.raise(new Notice("schedule:a11y-" + marker, FlagCategory.SCHEDULE_PAUSED, "schedule",
                "a11y-" + marker + " paused itself", "It failed three times in a row.", "boom", null));
        String reconciliation = itemTitled("SO-" + marker + ": no invoice");
        String paused = itemTitled("a11y-" + marker + " paused itself");

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("inbox with items", "/inbox");
        pages.put("inbox filtered and sorted", "/inbox?category=DOWNSTREAM_REJECTED&sort=customer");
        pages.put("inbox, nothing matches", "/inbox?q=nothing-matches-" + marker);
        pages.put("inbox, every status (closed items)", "/inbox?status=ALL&q=" + marker);
        pages.put("inbox, sent through again (with how it went)", "/inbox?status=RESOLVED&q=" + marker);
        pages.put("data problem with fields to correct", "/inbox/" + exceptionOf(dataProblem));
        pages.put("customer the CRM does not know", "/inbox/" + exceptionOf(unknownCustomer));
        pages.put("approval", "/inbox/" + exceptionOf(approval));
        pages.put("robot failure with its screenshot", "/inbox/" + exceptionOf(botFailure));
        pages.put("portal refused the data, its screenshot", "/inbox/" + exceptionOf(portalRefusal));
        pages.put("someone else works on it", "/inbox/" + heldItem);
        pages.put("came back after a replay", "/inbox/" + secondAttempt);
        pages.put("closed item", "/inbox/" + closedItem);
        pages.put("notice: systems disagree", "/inbox/" + reconciliation);
        pages.put("notice: schedule paused", "/inbox/" + paused);
        pages.put("order page", "/orders/" + dataProblem);
        pages.put("schedules", "/schedules");
        pages.put("one schedule", "/schedules/crm-order-pull");
        pages.put("unknown inbox item", "/inbox/no-such-item");
        pages.put("unknown address (404)", "/no-such-page");
        pages.put("a button's address opened (405)", "/schedules/crm-order-pull/pause");

        List<String> violations = new ArrayList<>();
        page.navigate("/login");
        violations.addAll(axe("sign-in"));
        signIn("admin");
        pages.forEach((name, path) -> {
            page.navigate(path);
            violations.addAll(axe(name));
        });
        // a refused correction: the page again, its errors beside the fields
        page.navigate("/inbox/" + exceptionOf(unknownCustomer));
        page.getByLabel("Quantity, line 1").fill("many");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes").setExact(true)).click();
        assertThat(page.getByLabel("Quantity, line 1")).hasAttribute("aria-invalid", "true");
        violations.addAll(axe("refused correction"));

        // a discard just done: the next item, with the notice that offers to undo it
        page.navigate("/inbox/" + exceptionOf(approval));
        page.getByLabel("Reason for discarding").fill("Customer cancelled");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Discard order")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName(Pattern.compile("^Undo the discard")))).isVisible();
        violations.addAll(axeAsShown("undo after a discard"));

        assertThat(violations).as("axe violations (page @ width: rule [impact] where)").isEmpty();
    }

    /** axe at each width, on the page as it is now; the page is reloaded at each width, as a phone would open it. */
    private List<String> axe(String name) {
        return axe(name, !page.url().contains("/edit"));
    }

    /** axe at each width without reloading: what shows once (a notice after an action) stays on the page. */
    private List<String> axeAsShown(String name) {
        return axe(name, false);
    }

    private List<String> axe(String name, boolean reload) {
        List<String> found = new ArrayList<>();
        for (int width : WIDTHS) {
            page.setViewportSize(width, 900);
            if (reload) {
                page.reload();
            }
            for (Rule rule : new AxeBuilder(page).analyze().getViolations()) {
                String where = rule.getNodes().stream().map(CheckedNode::getTarget).map(String::valueOf).limit(3)
                        .collect(Collectors.joining(", "));
                found.add(name + " @ " + width + ": " + rule.getId() + " [" + rule.getImpact() + "] " + where);
            }
        }
        return found;
    }

    private void signIn(String user) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
    }

    private String flagged(ObjectNode order, String name) {
        order.withObjectProperty("customer").put("name", name);
        order.withObjectProperty("shipTo").put("name", name);
        String orderId = accept(order);
        awaitStatus(orderId, "FLAGGED");
        return orderId;
    }

    private String exceptionOf(String orderId) {
        return read(api("GET", "/api/exceptions?q=" + orderId, null).body())
                .path("items").get(0).path("id").asText();
    }

    private String openExceptionOf(String orderId) {
        var items = read(api("GET", "/api/exceptions?status=OPEN&q=" + orderId, null).body()).path("items");
        return items.isEmpty() ? null : items.get(0).path("id").asText();
    }

    private String itemTitled(String title) {
        return read(api("GET", "/api/exceptions?q=" + title.replace(" ", "%20").replace(":", "%3A"), null).body())
                .path("items").get(0).path("id").asText();
    }

    private java.net.http.HttpResponse<String> api(String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return send(request.build());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
