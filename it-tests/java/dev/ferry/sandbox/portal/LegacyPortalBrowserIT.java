package dev.ferry.sandbox.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import dev.ferry.Chromium;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The portal in real headless Chromium, driven as a bot will drive it: by labels, roles and text only. */
class LegacyPortalBrowserIT {

    private static final Pattern NUMBER = Pattern.compile("Consignment number: (NF-\\d+)");

    private static LegacyPortal portal;
    private static Playwright playwright;
    private static Browser browser;
    private BrowserContext context;
    private Page page;

    @BeforeAll
    static void startPortalAndBrowser() {
        Path chromium = Chromium.executable();
        portal = LegacyPortal.start(PortalSettings.defaults());
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, chromium);
    }

    @BeforeEach
    void newContext() {
        portal.reset();
        context = browser.newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        if (context != null) {
            context.close();
        }
    }

    @AfterAll
    static void stopAll() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (portal != null) {
            portal.stop();
        }
    }

    @Test
    void booksAConsignmentByLabelsAndReadsItsNumber() {
        fillBothPages("ORD-4711");
        AtomicReference<String> asked = new AtomicReference<>();
        page.onceDialog(dialog -> {
            asked.set(dialog.message());
            dialog.accept();
        });

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book consignment")).click();

        Locator confirmation = page.getByText(NUMBER);
        assertThat(confirmation).isVisible();
        Matcher number = NUMBER.matcher(confirmation.textContent());
        assertThat(number.find()).isTrue();
        assertThat(asked.get()).isEqualTo("Book this consignment?");
        assertThat(portal.consignments()).singleElement().satisfies(booked -> {
            assertThat(booked.number()).isEqualTo(number.group(1));
            assertThat(booked.reference()).isEqualTo("ORD-4711");
            assertThat(booked.country()).isEqualTo("SE");
        });
    }

    @Test
    void booksNothingWhenTheConfirmationIsDismissed() {
        fillBothPages("ORD-4712");
        page.onceDialog(dialog -> dialog.dismiss());

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Book consignment")).click();

        assertThat(page.getByRole(AriaRole.HEADING)).containsText("Step 2 of 2: Parcels");
        assertThat(portal.consignments()).isEmpty();
    }

    private void fillBothPages(String reference) {
        page.navigate(portal.baseUrl() + "/login");
        label("User name").fill("ferry");
        label("Password").fill("portal-sandbox");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New consignment")).click();

        label("Customer reference").fill(reference);
        label("Company / name").fill("Sofia Lindqvist");
        label("Street").fill("Drottninggatan 53");
        label("Postal code").fill("111 21");
        label("City").fill("Stockholm");
        label("Country").selectOption(new SelectOption().setLabel("Sweden"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Next")).click();

        label("Number of parcels").fill("2");
        label("Total weight (kg)").fill("12.5");
        label("Description of goods").fill("Oak table, flat-packed");
        label("Service").selectOption(new SelectOption().setLabel("Express"));
    }

    private Locator label(String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }
}
