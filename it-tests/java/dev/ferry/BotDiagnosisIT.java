package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Freight orders whose data the Nordic Freight portal refuses, booked by the book-freight bot in real headless
 * Chromium on the sandbox portal: each is flagged at once as a data problem whose reason quotes the portal and
 * names the field, with the portal's screen shown on the inbox page, after one bot run and no retry.
 */
class BotDiagnosisIT extends BrowserIntegrationTest {

    private static final String COUNTRIES = "Sweden (SE), Norway (NO), Denmark (DK), Finland (FI), Germany (DE),"
            + " Netherlands (NL), France (FR), Spain (ES), Portugal (PT), Czech Republic (CZ), Poland (PL),"
            + " United Kingdom (GB)";

    @Autowired
    private JdbcTemplate jdbc;

    @BeforeEach
    void calmPortal() {
        sandbox.portal().hazards().calm();
    }

    @Test
    void aPostalCodeThePortalRefusesIsADataProblemThatQuotesThePortal() {
        String id = freight(Map.of("postalCode", "1250/146"));

        JsonNode item = flaggedAsDataProblem(id);

        assertThat(item.path("reason").asText()).isEqualTo("The Nordic Freight portal refused the postal code"
                + " '1250/146': \"Postal code may contain only letters, digits, spaces and hyphens.\" Correct the"
                + " postal code in the order and replay.");
        assertThat(item.path("detail").asText()).startsWith("bot book-freight DATA_REFUSED: ")
                .contains("Postal code: Postal code may contain only letters").contains("run: /api/bots/runs/");
        seenByAReviewer(item, "Postal code may contain only letters, digits, spaces and hyphens.");
    }

    @Test
    void aStreetLongerThanThePortalTakesIsADataProblemThatQuotesThePortal() {
        String street = "Rua do Comandante Almirante Gago Coutinho e Sacadura Cabral, Bloco C, Lote 145";
        assertThat(street).hasSize(78);
        String id = freight(Map.of("street", street));

        JsonNode item = flaggedAsDataProblem(id);

        assertThat(item.path("reason").asText()).isEqualTo("The Nordic Freight portal refused the street:"
                + " \"Street may be at most 60 characters.\" Correct the street in the order and replay.");
        seenByAReviewer(item, "Street may be at most 60 characters.");
    }

    @Test
    void aCountryThePortalDoesNotOfferIsADataProblemThatSaysWhatItOffers() {
        String id = freight(Map.of("country", "US"));

        JsonNode item = flaggedAsDataProblem(id);

        assertThat(item.path("reason").asText()).isEqualTo("The Nordic Freight portal does not offer country 'US':"
                + " its list 'Country' offers only " + COUNTRIES + ". Correct the country in the order and replay.");
        assertThat(item.path("detail").asText()).startsWith("bot book-freight NOT_OFFERED: ");
        seenByAReviewer(item, "does not offer country 'US'");
    }

    private String freight(Map<String, String> shipTo) {
        ObjectNode order = TestOrders.withService("FRT-DIAG-" + UUID.randomUUID(), "freight");
        shipTo.forEach(order.withObjectProperty("shipTo")::put);
        return accept(order);
    }

    /**
     * The order is flagged as refused data at its first attempt: one bot run, failed, never tried again, and its
     * evidence listed; nothing was booked.
     */
    private JsonNode flaggedAsDataProblem(String id) {
        JsonNode flagged = awaitStatus(id, "FLAGGED");
        List<JsonNode> booking = journal(flagged, "book-freight");
        assertThat(booking).extracting(e -> e.path("outcome").asText()).containsExactly("FAILED");
        assertThat(booking.get(0).path("detail").asText()).startsWith("DOWNSTREAM_REJECTED:")
                .doesNotContain("screen has changed").doesNotContain("did not answer in time");
        List<Map<String, Object>> runs = jdbc.queryForList("SELECT status, failure_code FROM bot_runs"
                + " WHERE order_id = ?", id);
        assertThat(runs).as("the bot runs of order %s", id).hasSize(1);
        assertThat(runs.get(0).get("STATUS")).isEqualTo("FAILED");
        assertThat(sandbox.portal().consignments()).noneMatch(c -> c.reference().equals(id.replace("-", "")));

        JsonNode item = read(send(HttpRequest.newBuilder(uri("/api/exceptions/" + flagged.path("exceptionId")
                .asText())).header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build()).body());
        assertThat(item.path("category").asText()).isEqualTo("DOWNSTREAM_REJECTED");
        assertThat(item.path("step").asText()).isEqualTo("book-freight");
        assertThat(item.path("attempts").asInt()).isEqualTo(1);
        assertThat(item.path("artifacts").findValuesAsText("kind")).containsExactly("screenshot", "html", "trace");
        return item;
    }

    /** The reviewer's page shows the portal's words and the portal's screen, which loads. */
    private void seenByAReviewer(JsonNode item, String portalWords) {
        page.navigate("/login");
        page.getByLabel("Username").fill("reviewer");
        page.getByLabel("Password").fill("reviewer");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/inbox$"));

        page.navigate("/inbox/" + item.path("id").asText());

        assertThat(page.getByText(portalWords).first()).isVisible();
        Locator screenshot = page.locator("img[src*='/artifacts/screenshot.png']");
        assertThat(screenshot).isVisible();
        // really loaded, not a broken image: the API served the PNG to the signed-in reviewer
        Object width = screenshot.evaluate("img => img.complete ? img.naturalWidth : 0");
        assertThat(((Number) width).intValue()).isGreaterThan(300);
        APIResponse png = page.request().get(screenshot.getAttribute("src"));
        assertThat(png.status()).isEqualTo(200);
        assertThat(png.headers().get("content-type")).isEqualTo("image/png");
    }
}
