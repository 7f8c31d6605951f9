package dev.ferry.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.sandbox.portal.PortalClient.Page;
import java.net.HttpCookie;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalLoginTests {

    @RegisterExtension
    static final RunningPortal running = new RunningPortal();

    @Test
    void logsInWithTheDemoCredentialsIntoAnHttpOnlySession() {
        PortalClient client = running.client();

        Page menu = client.logIn();

        assertThat(menu.path()).isEqualTo("/menu");
        assertThat(menu.html()).contains("<h1>Main menu</h1>", "User: ferry", ">Log out</a>");
        assertThat(client.cookies().getCookieStore().getCookies()).singleElement()
                .satisfies(cookie -> assertThat(cookie.getName()).isEqualTo("NFSESSION"))
                .matches(HttpCookie::isHttpOnly);
        assertThat(running.portal().activity().loggedInSessions()).isEqualTo(1);
    }

    @Test
    void showsTheFormAgainForAWrongPassword() {
        PortalClient client = running.client();
        client.get("/login");

        Page again = client.submit("/login", Map.of("username", "ferry", "password", "guess"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.path()).isEqualTo("/login");
        assertThat(again.html()).contains("Invalid user name or password", "value=\"ferry\"");
        assertThat(client.get("/menu").path()).isEqualTo("/login");
    }

    @Test
    void refusesAPostWithoutItsCsrfToken() {
        PortalClient client = running.client();
        client.logIn();
        client.get("/consignments/new");

        Page refused = client.post("/consignments/new", PortalClient.consignee("ORD-1"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.html()).contains("security token is missing or invalid");
        assertThat(client.get("/consignments/new/parcels").path()).isEqualTo("/consignments/new");
    }

    @Test
    void refusesALoginWithAnotherSessionsToken() {
        PortalClient victim = running.client();
        victim.get("/login");
        PortalClient attacker = running.client();
        attacker.get("/login");

        Page refused = victim.post("/login", Map.of("username", "ferry", "password", "portal-sandbox",
                "csrf_token", "not-this-sessions-token"));

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void sendsAnIdleSessionToTheLoginWithANote() {
        PortalClient client = running.client();
        client.logIn();

        running.portal().passTime(Duration.ofMinutes(16));
        Page page = client.get("/shipments");

        assertThat(page.path()).isEqualTo("/login?expired");
        assertThat(page.html()).contains("Your session has expired. Please log in again.");
        assertThat(client.logIn().path()).isEqualTo("/menu");
    }

    @Test
    void keepsASessionThatIsUsedWithinTheTimeout() {
        PortalClient client = running.client();
        client.logIn();

        running.portal().passTime(Duration.ofMinutes(14));
        client.get("/menu");
        running.portal().passTime(Duration.ofMinutes(14));

        assertThat(client.get("/shipments").path()).isEqualTo("/shipments");
    }

    @Test
    void sendsAVisitorWithoutSessionToTheLogin() {
        assertThat(running.client().get("/consignments/new").path()).isEqualTo("/login");
    }

    @Test
    void logsOut() {
        PortalClient client = running.client();
        client.logIn();

        client.get("/logout");

        assertThat(client.get("/menu").path()).startsWith("/login");
        assertThat(running.portal().activity().loggedInSessions()).isZero();
    }
}
