package dev.ferry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.inbox.Notice;
import dev.ferry.inbox.Notices;
import dev.ferry.inbox.FlagCategory;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.RequestOptions;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.TestPropertySource;

/**
 * A reviewer works the inbox in a real browser (headless Chromium): signs in, finds an order, reads
 * why it stopped, corrects it, replays, approves or discards it — and the pages keep what they show
 * of an order as text, and refuse a form posted from elsewhere.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// a context of its own, not the one the other ITs share: the screenshots in docs/inbox.md show an inbox that
// holds only their five orders
@TestPropertySource(properties = "spring.application.name=ferry-inbox-pages-it")
class InboxPagesIT extends BrowserIntegrationTest {

    private static final LocatorAssertions.HasTextOptions UNTIL_DONE =
            new LocatorAssertions.HasTextOptions().setTimeout(60_000);

    @Autowired
    private Notices notices;

    @Value("${ferry.data-dir}")
    private String dataDir;

    // first, while the inbox holds only these orders, so the pictures in docs/inbox.md show a tidy inbox
    @Test
    @Order(1)
    void screenshotsOfTheInboxOfAnItemAndOfARobotFailureAt1280PixelsWideAndOfThePhoneList() throws Exception {
        String address = flag(person(TestOrders.withPostalCode("WEB-10042", "00000"), "Ana Lima"));
        flag(person(TestOrders.withQuantity("WEB-10043", 1000), "Rui Costa"));
        flag(person(TestOrders.forCustomer("WEB-10044", "C-404"), "Marta Sousa"));
        flag(person(TestOrders.withSku("WEB-10045", "DISCONTINUED-TEAPOT"), "João Pereira"));
        flag(person(TestOrders.forCustomer("WEB-10046", "C-DOWN"), "Sofia Almeida"));
        // freight the carrier's portal refuses: the robot's failure, with what the portal said and its screenshot
        sandbox.portal().hazards().calm();
        ObjectNode freight = TestOrders.withService("WEB-10047", "freight");
        freight.withObjectProperty("shipTo").put("postalCode", "1250/146");
        flag(person(freight, "Lars Nilsson"));
        signIn();
        page.setViewportSize(1280, 900);
        Files.createDirectories(projectDir().resolve("docs/images"));

        page.navigate("/inbox");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ana Lima"))).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(projectDir().resolve("docs/images/inbox.png")));

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lars Nilsson")).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("Lars Nilsson");
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(projectDir().resolve("docs/images/inbox-bot-failure.png")));

        page.navigate("/inbox");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ana Lima")).click();
        assertThat(page.getByText("Creating the shipment").first()).isVisible();
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(projectDir().resolve("docs/images/inbox-detail.png")));
        assertThat(order(address).path("status").asText()).isEqualTo("FLAGGED");

        // what a phone shows first: the list, not the filters
        page.setViewportSize(390, 844);
        page.navigate("/inbox");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ana Lima"))).isInViewport();
        page.screenshot(new Page.ScreenshotOptions().setPath(projectDir().resolve("docs/images/inbox-phone.png")));
    }

    @Test
    void aReviewerFindsAnOrderByCustomerNameCorrectsThePostalCodeAndReplaysItToCompletion() {
        String name = "Inês Zip " + unique();
        String orderId = flag(person(TestOrders.withPostalCode("WEB-" + unique(), "00000"), name));
        signIn();

        search(name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByText("Creating the shipment").first()).isVisible();
        assertThat(page.getByText("Check the delivery address — postal code, street and country — then replay."))
                .isVisible();
        page.getByLabel("Postal code").fill("1100-048");
        button("Save changes").click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your corrections are saved");
        button("Replay").click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Follow the order on its page")).click();

        assertThat(page.getByText("COMPLETED", new Page.GetByTextOptions().setExact(true))).hasText("COMPLETED", UNTIL_DONE);
        assertThat(page.getByRole(AriaRole.TABLE)).containsText("Corrected by a reviewer");
        assertThat(Downstream.salesOrders(sandbox, orderId)).hasSize(1);
        assertThat(Downstream.invoices(sandbox, orderId)).hasSize(1);
    }

    @Test
    void anOrderAboveTheReviewLimitIsApprovedWithOneClick() {
        String name = "Big Spender " + unique();
        String orderId = flag(person(TestOrders.withQuantity("WEB-" + unique(), 1000), name));
        signIn();
        search(name);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).click();
        assertThat(page.getByText("Approve by replaying it if the order is genuine"))
                .isVisible();

        button("Approve and replay").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Approved");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Open the order's page")).click();
        assertThat(page.getByText("COMPLETED", new Page.GetByTextOptions().setExact(true))).hasText("COMPLETED", UNTIL_DONE);
        assertThat(Downstream.salesOrders(sandbox, orderId)).hasSize(1);
    }

    @Test
    void ordersTheCarrierCouldNotTakeAreSelectedAndReplayedTogether() {
        String batch = "DOWN-" + unique();
        StubMapping outage = sandbox.shipping().server().stubFor(WireMock.post(urlEqualTo("/api/shipments")).atPriority(1)
                .withRequestBody(containing(batch))
                .willReturn(aResponse().withStatus(503).withBody("{\"error\":\"unavailable\",\"message\":\"Carrier outage\"}")));
        List<String> externalIds = IntStream.range(0, 3).mapToObj(i -> batch + "-" + i).toList();
        List<String> orderIds = externalIds.stream().map(externalId -> {
            ObjectNode order = TestOrders.ordinary(externalId);
            order.withObjectProperty("shipTo").put("street", batch + " Street");
            return accept(order);
        }).toList();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                .until(() -> orderIds.stream().allMatch(id -> "FLAGGED".equals(order(id).path("status").asText())));
        sandbox.shipping().server().removeStub(outage);
        signIn();

        page.navigate("/inbox?category=RETRIES_EXHAUSTED&q=" + batch);
        externalIds.forEach(externalId -> page.getByLabel("Select " + externalId).check());
        button("Replay selected").click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("3 orders sent through again.");
        orderIds.forEach(orderId -> awaitStatus(orderId, "COMPLETED"));
        orderIds.forEach(orderId -> Downstream.assertFulfilledOnce(sandbox, orderId));
    }

    @Test
    void aCorrectionThatIsNotValidShowsItsErrorNextToTheFieldAndChangesNothing() {
        String name = "Wrong Quantity " + unique();
        String orderId = flag(person(TestOrders.forCustomer("WEB-" + unique(), "C-404"), name));
        signIn();
        openItemOf(name);

        page.getByLabel("Quantity, line 1").fill("many");
        button("Save changes").click();

        Locator quantity = page.getByLabel("Quantity, line 1");
        assertThat(quantity).hasAttribute("aria-invalid", "true");
        assertThat(quantity).hasValue("many");
        assertThat(page.locator("#" + quantity.getAttribute("aria-describedby"))).hasText("Enter a whole number, such as 2.");
        assertThat(order(orderId).path("journal").findValuesAsText("step")).doesNotContain("edit");
    }

    @Test
    void aDiscardWithoutAReasonShowsTheErrorInThePageAndChangesNothing() {
        String name = "No Reason " + unique();
        String orderId = flag(person(TestOrders.forCustomer("WEB-" + unique(), "C-404"), name));
        signIn();
        openItemOf(name);

        button("Discard order").click();

        assertThat(page.getByLabel("Reason for discarding")).hasAttribute("aria-invalid", "true");
        assertThat(page.getByText("Give a reason for discarding; it is kept in the order's history.")).isVisible();
        assertThat(button("Discard order")).isVisible();
        assertThat(order(orderId).path("status").asText()).isEqualTo("FLAGGED");
    }

    @Test
    void aFormPostWithoutTheCsrfTokenIsRefused() {
        String name = "Forged Post " + unique();
        String orderId = flag(person(TestOrders.forCustomer("WEB-" + unique(), "C-404"), name));
        signIn();
        openItemOf(name);

        // the session cookie rides along, as it would from another site's page; the token cannot
        var forged = context.request().post(page.url() + "/replay", RequestOptions.create().setMaxRedirects(0));

        assertThat(forged.status()).isEqualTo(403);
        assertThat(order(orderId).path("status").asText()).isEqualTo("FLAGGED");
    }

    @Test
    void someoneNotSignedInIsSentToTheLoginPage() {
        page.navigate("/inbox");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.getByLabel("Username")).isVisible();
    }

    @Test
    void htmlAndScriptInAnOrderAreShownAsText() {
        String marker = unique();
        String hostile = "<script>window.__xss=1</script><b>Bold</b>";
        ObjectNode order = person(TestOrders.forCustomer("WEB-XSS-" + marker, "C-404"), hostile);
        order.withObjectProperty("shipTo").put("street", "<img src=x onerror=\"window.__xss=2\">" + marker);
        flag(order);
        signIn();

        search(marker);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(hostile))).isVisible();
        assertNoMarkupRan();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(hostile)).click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(hostile);
        assertThat(page.getByText("<img src=x onerror=\"window.__xss=2\">" + marker).first()).isVisible();
        assertNoMarkupRan();
    }

    @Test
    void anOrderTheRobotCouldNotBookShowsWhatTheRobotSawAndTheRecording() {
        sandbox.portal().hazards().calm().changeScreen(true);
        String name = "Robo Screen " + unique();
        try {
            flag(person(TestOrders.withService("WEB-" + unique(), "freight"), name));
        } finally {
            sandbox.portal().hazards().changeScreen(false);
        }
        signIn();
        openItemOf(name);

        Locator screenshot = page.getByRole(AriaRole.IMG, new Page.GetByRoleOptions()
                .setName("The portal's screen when the robot stopped"));
        assertThat(screenshot).isVisible();
        // the image really loaded (the API served a PNG to the signed-in reviewer), it is not a broken icon
        Object width = screenshot.evaluate("img => img.complete ? img.naturalWidth : 0");
        assertThat(((Number) width).intValue()).isGreaterThan(300);
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Download the page the robot was on (HTML)"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                .setName("Download the robot's step-by-step recording (Playwright trace)"))).isVisible();
        assertThat(page.getByText("The robot could not finish on the carrier's web portal").first()).isVisible();

        // the evidence is shown as links Ferry serves to the reviewer, never as where it lies on the server
        String dataDirectory = Path.of(dataDir).toAbsolutePath().toString();
        String exceptionId = page.url().substring(page.url().lastIndexOf('/') + 1);
        assertThat(page.content()).as("the inbox page").doesNotContain(dataDirectory).doesNotContain("bot-runs/");
        String detail = send(HttpRequest.newBuilder(uri("/api/exceptions/" + exceptionId))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build()).body();
        assertThat(detail).as("the inbox API's detail").contains("/api/bots/runs/")
                .doesNotContain(dataDirectory).doesNotContain("bot-runs/");
        for (String link : List.of("Download the page the robot was on (HTML)",
                "Download the robot's step-by-step recording (Playwright trace)")) {
            String href = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(link)).getAttribute("href");
            assertThat(page.request().get(href)).isOK();
        }
    }

    @Test
    void aNoticeIsListedByItsTitleAndResolvedWithANote() {
        String marker = unique();
        String title = "SO-" + marker + ": no invoice";
        notices.raise(new Notice("reconciliation:it:" + marker, FlagCategory.RECONCILIATION, "nightly-reconciliation",
                title, "The ERP has sales order SO-" + marker + ", but accounting has no invoice for it.",
                "erp: {...}", null));
        signIn();

        search(marker);
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row).containsText("Systems disagree");
        assertThat(row).containsText("not an order");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(title);
        assertThat(page.getByText("The nightly reconciliation")).isVisible();
        // nothing to correct or replay: a notice is resolved with a note, or discarded
        assertThat(button("Replay")).hasCount(0);

        button("Mark as resolved").click();
        assertThat(page.getByText("Say in a few words what was done; it is kept in the history.")).isVisible();
        page.getByLabel("What was done").fill("Invoiced by hand in accounting");
        button("Mark as resolved").click();

        assertThat(page.getByText("Marked as resolved.")).isVisible();
        assertThat(page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Invoiced by hand in accounting")))
                .isVisible();
        assertThat(button("Mark as resolved")).hasCount(0);
    }

    // --- helpers

    private void signIn() {
        page.navigate("/login");
        page.getByLabel("Username").fill("reviewer");
        page.getByLabel("Password").fill("reviewer");
        button("Sign in").click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
    }

    private void search(String words) {
        page.navigate("/inbox");
        page.getByLabel("Search").fill(words);
        button("Show").click();
    }

    private void openItemOf(String customerName) {
        search(customerName);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(customerName)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText(customerName);
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** Markup in the order would have become elements, and its script would have set window.__xss. */
    private void assertNoMarkupRan() {
        assertThat(page.evaluate("() => window.__xss")).isNull();
        assertThat(page.locator("main b, main img")).hasCount(0);
    }

    private String flag(ObjectNode order) {
        String orderId = accept(order);
        awaitStatus(orderId, "FLAGGED");
        return orderId;
    }

    /** The order of a named person, so a reviewer can find it by the name: "João Pereira", joao.pereira@example.com. */
    private static ObjectNode person(ObjectNode order, String name) {
        String local = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
        order.withObjectProperty("customer").put("name", name).put("email", local + "@example.com");
        order.withObjectProperty("shipTo").put("name", name);
        return order;
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
