package dev.ferry;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The interactive page of the API's description (/swagger-ui.html) for a person signed in: it shows every tag's
 * operations under the pages' Content-Security-Policy, which nothing on it breaks; a person not signed in is sent to
 * sign in.
 */
class SwaggerUiIT extends BrowserIntegrationTest {

    @Test
    void aSignedInPersonReadsTheApiOnTheInteractivePageWithinThePagesPolicy() {
        List<String> refused = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                refused.add(message.text());
            }
        });
        page.navigate("/swagger-ui.html");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));

        page.getByLabel("Username").fill("reviewer");
        page.getByLabel("Password").fill("reviewer");
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions().setName("Sign in")).click();
        page.navigate("/swagger-ui.html");

        assertThat(page.locator(".information-container .title")).containsText("Ferry API");
        for (String tag : List.of("orders", "exceptions", "bots", "schedules")) {
            assertThat(page.locator("#operations-tag-" + tag)).isVisible();
        }
        assertThat(page.locator("#operations-orders-postOrder")).isVisible();
        assertThat(refused).as("what the Content-Security-Policy refused on the page").isEmpty();
        // the page's own allowance (the logo's style) is its own: the other pages keep the strict policy
        assertThat(page.request().get("/swagger-ui/index.html").headers().get("content-security-policy"))
                .contains("'sha256-");
        assertThat(page.request().get("/inbox").headers().get("content-security-policy"))
                .contains("style-src 'self';").doesNotContain("sha256");
    }
}
