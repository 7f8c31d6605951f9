package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * An admin works the schedules in a real browser (headless Chromium): sees every schedule, pauses and
 * resumes one, runs one now and watches the run arrive among its recent runs. A reviewer reads the same
 * pages without a button, and a form post of theirs is refused even with a good CSRF token.
 */
@TestPropertySource(properties = {
        "camel.main.routes-include-pattern=file:${ferry.home}/routes/*.yaml,classpath:schedules-page-it/*.yaml",
        "ferry.schedules.stock-level-sync.cron=0 15 6 ? * MON-FRI",
        "ferry.schedules.stock-level-sync.time-zone=Europe/Lisbon",
        "ferry.schedules.stock-level-sync.misfire=skip",
        "ferry.schedules.stock-level-sync.pause-after-failures=5",
        // configured, but no route starts with quartz:ferry/invoice-export: state NONE
        "ferry.schedules.invoice-export.cron=0 0 1 * * ?",
        "ferry.schedules.invoice-export.time-zone=UTC"
})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SchedulesPageIT extends BrowserIntegrationTest {

    private static final String OPS_KEY = "ferry-sandbox-ops-key";
    private static final LocatorAssertions.HasCountOptions UNTIL_RUN = new LocatorAssertions.HasCountOptions().setTimeout(30_000);

    // a cron that reads well in the picture (FerryIntegrationTest's own sends the pull to 2099); it wins over
    // @SpringBootTest's properties, and 02:30 UTC never comes round while the test runs
    @DynamicPropertySource
    static void dailyPull(DynamicPropertyRegistry registry) {
        registry.add("ferry.schedules.crm-order-pull.cron", () -> "0 30 2 * * ?");
    }

    // first, so the picture in docs/schedules.md shows one run of each and nothing the other tests did
    @Test
    @Order(1)
    void screenshotOfTheSchedulesAt1280PixelsWide() throws Exception {
        runAndAwait("crm-order-pull");
        runAndAwait("stock-level-sync");
        assertThat(api("POST", "/api/schedules/stock-level-sync/pause").statusCode()).isEqualTo(200);
        try {
            signIn("admin");
            page.setViewportSize(1280, 720);
            page.navigate("/schedules");
            assertThat(row("stock-level-sync")).containsText("PAUSED");
            Files.createDirectories(projectDir().resolve("docs/images"));
            page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                    .setPath(projectDir().resolve("docs/images/schedules.png")));
        } finally {
            assertThat(api("POST", "/api/schedules/stock-level-sync/resume").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAdminSeesEverySchedulePausesOneAndResumesIt() {
        signIn("admin");
        page.navigate("/schedules");
        assertThat(row("crm-order-pull")).containsText("Every day at 02:30 (UTC)");
        assertThat(row("stock-level-sync")).containsText("On weekdays at 06:15 (Europe/Lisbon)");
        assertThat(row("crm-order-pull")).containsText("NORMAL");

        button("Pause crm-order-pull").click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("crm-order-pull is paused: it does not run until someone"
                + " resumes it.");
        assertThat(row("crm-order-pull")).containsText("PAUSED");
        assertThat(schedule("crm-order-pull").path("state").asText()).isEqualTo("PAUSED");

        button("Resume crm-order-pull").click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("crm-order-pull is resumed");
        assertThat(row("crm-order-pull")).containsText("NORMAL");
        assertThat(schedule("crm-order-pull").path("state").asText()).isEqualTo("NORMAL");
    }

    @Test
    void anAdminRunsAScheduleNowAndTheRunAppearsInItsRecentRuns() {
        int before = read(api("GET", "/api/schedules/crm-order-pull/runs").body()).path("items").size();
        signIn("admin");
        page.navigate("/schedules");

        button("Run now crm-order-pull").click();

        assertThat(page).hasURL(Pattern.compile(".*/schedules/crm-order-pull$"));
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Run of crm-order-pull started.");
        // the page follows the run by reloading itself until it is done
        Locator runs = page.locator("table.runs tbody tr");
        assertThat(runs).hasCount(before + 1, UNTIL_RUN);
        assertThat(runs.first()).containsText("Done", new LocatorAssertions.ContainsTextOptions().setTimeout(30_000));
        assertThat(runs.first().locator("td").nth(4)).hasText("0");
    }

    @Test
    void aReviewerSeesTheSchedulesWithoutActionsAndTheirPostIsRefused() {
        signIn("reviewer");
        page.navigate("/schedules");
        assertThat(row("crm-order-pull")).containsText("NORMAL");
        assertThat(page.locator("main button")).hasCount(0);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("crm-order-pull").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("crm-order-pull");
        assertThat(page.locator("main button")).hasCount(0);

        // the reviewer's own token, from the sign-out form: good enough for a post the reviewer may make
        String token = page.locator("form[action$='/logout'] input[name=_csrf]").inputValue();
        assertThat(postForm("/inbox/replay", token).status()).isEqualTo(302);
        for (String action : new String[] {"pause", "resume", "run"}) {
            assertThat(postForm("/schedules/crm-order-pull/" + action, token).status()).isEqualTo(403);
        }
        assertThat(schedule("crm-order-pull").path("state").asText()).isEqualTo("NORMAL");
    }

    @Test
    void aScheduleNoRouteUsesSaysSoAndOffersNoActions() {
        signIn("admin");
        page.navigate("/schedules");

        assertThat(row("invoice-export")).containsText("NONE");
        assertThat(row("invoice-export")).containsText("Not in use: no route starts with quartz:ferry/invoice-export.");
        assertThat(row("invoice-export").getByRole(AriaRole.BUTTON)).hasCount(0);
        assertThat(row("crm-order-pull").getByRole(AriaRole.BUTTON)).hasCount(2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("invoice-export").setExact(true)).click();
        assertThat(page.getByText("Not in use: no route starts with quartz:ferry/invoice-export.")).isVisible();
        assertThat(page.locator("main button")).hasCount(0);
        assertThat(page.getByText("No runs yet.")).isVisible();
    }

    @Test
    void anUnknownScheduleIsANotFoundPage() {
        signIn("admin");

        var response = page.navigate("/schedules/no-such-schedule");

        assertThat(response.status()).isEqualTo(404);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Not found");
        assertThat(page.getByText("There is no schedule at this address.", new Page.GetByTextOptions().setExact(false)))
                .isVisible();
    }

    @Test
    void someoneNotSignedInIsSentToTheLoginPageAndThenToTheSchedules() {
        page.navigate("/schedules");

        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        page.getByLabel("Username").fill("reviewer");
        page.getByLabel("Password").fill("reviewer");
        button("Sign in").click();
        // Spring Security marks the way back to the saved request with ?continue
        assertThat(page).hasURL(Pattern.compile(".*/schedules(\\?continue)?$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Schedules");
    }

    // --- helpers

    private void signIn(String user) {
        page.navigate("/login");
        page.getByLabel("Username").fill(user);
        page.getByLabel("Password").fill(user);
        button("Sign in").click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));
    }

    private Locator row(String schedule) {
        return page.locator("table.schedules tbody tr").filter(new Locator.FilterOptions().setHas(
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(schedule).setExact(true))));
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    // as a browser would send the form: the session cookie rides along, no redirect is followed
    private APIResponse postForm(String path, String token) {
        return context.request().post("http://localhost:" + port + path, RequestOptions.create().setMaxRedirects(0)
                .setForm(FormData.create().set("_csrf", token)));
    }

    private void runAndAwait(String name) {
        assertThat(api("POST", "/api/schedules/" + name + "/run").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> "OK".equals(schedule(name).path("lastRun").path("outcome").asText()));
    }

    private JsonNode schedule(String name) {
        return read(api("GET", "/api/schedules/" + name).body());
    }

    private HttpResponse<String> api(String method, String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + OPS_KEY)
                .method(method, HttpRequest.BodyPublishers.noBody()).build());
    }
}
