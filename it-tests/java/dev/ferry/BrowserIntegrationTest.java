package dev.ferry;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * An IT that drives Ferry's pages in real headless Chromium ({@link Chromium}): one browser for the class, a fresh
 * context (no cookies, no session) and page for each test, its addresses relative to the Ferry under test.
 */
abstract class BrowserIntegrationTest extends FerryIntegrationTest {

    protected static Playwright playwright;
    protected static Browser browser;

    protected BrowserContext context;
    protected Page page;

    @BeforeAll
    static void launchBrowser() {
        var chromium = Chromium.executable();
        playwright = Playwright.create();
        browser = Chromium.launch(playwright, chromium);
        PlaywrightAssertions.setDefaultAssertionTimeout(10_000);
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openContext() {
        context = newContext();
        page = context.newPage();
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    /** A second person's browser, or the one each test gets; a class that reads times in a zone sets it here. */
    protected BrowserContext newContext() {
        return browser.newContext(contextOptions());
    }

    protected Browser.NewContextOptions contextOptions() {
        return new Browser.NewContextOptions().setBaseURL("http://localhost:" + port);
    }
}
