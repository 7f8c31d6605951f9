package dev.ferry.sandbox.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.ferry.sandbox.portal.PortalClient.Page;
import dev.ferry.sandbox.portal.PortalSettings.Hazards;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PortalHazardsTests {

    @RegisterExtension
    static final RunningPortal running = new RunningPortal();

    @Test
    void answersSystemBusyForTheNextRequestsThenAsUsual() {
        PortalClient client = running.client();
        client.logIn();
        running.portal().hazards().busyNextRequests(2);

        assertThat(client.get("/favicon.ico").status()).isEqualTo(404);
        Page busy = client.get("/shipments");
        client.get("/shipments");
        Page usual = client.get("/shipments");

        assertThat(busy.status()).isEqualTo(200);
        assertThat(busy.html()).contains("System busy, please try again later.");
        assertThat(usual.html()).contains("<h1>Shipment status</h1>");
        assertThat(running.portal().activity().busyPages()).isEqualTo(2);
    }

    @Test
    void holdsTheNextRequestsUntilReleasedThenAnswersAsUsual() {
        PortalClient client = running.client();
        client.logIn();
        running.portal().hazards().hangNextRequests(1);

        CompletableFuture<Page> held = CompletableFuture.supplyAsync(() -> client.get("/shipments"));
        await().atMost(Duration.ofSeconds(10)).until(() -> running.portal().hazards().hanging() == 1);
        Page next = running.client().get("/login");

        assertThat(next.html()).contains("<h1>Staff login</h1>");
        assertThat(held).isNotDone();
        running.portal().hazards().releaseHung();
        assertThat(held.join().html()).contains("<h1>Shipment status</h1>");
        assertThat(running.portal().hazards().hanging()).isZero();
    }

    @Test
    void bookingNothingWhenTheBookingPostMeetsABusyPage() {
        PortalClient client = running.client();
        client.logIn();
        client.get("/consignments/new");
        client.submit("/consignments/new", PortalClient.consignee("ORD-1"));
        running.portal().hazards().busyNextRequests(1);

        Page busy = client.submit("/consignments/new/parcels", PortalClient.parcels());

        assertThat(busy.html()).contains("System busy");
        assertThat(running.portal().consignments()).isEmpty();
    }

    @Test
    void calmsEveryRandomHazardAtOnce() {
        try (LegacyPortal portal = LegacyPortal.start(PortalSettings.defaults()
                .withHazards(Hazards.off().withBusy(1, 200).withExpiryRate(1)))) {
            PortalClient client = new PortalClient(portal.baseUrl());

            portal.hazards().calm();

            assertThat(client.logIn().path()).isEqualTo("/menu");
            assertThat(client.get("/shipments").html()).contains("<h1>Shipment status</h1>");
        }
    }

    @Test
    void canAnswerBusyWith503() {
        try (LegacyPortal portal = LegacyPortal.start(PortalSettings.defaults()
                .withHazards(Hazards.off().withBusy(1, 503)))) {
            Page busy = new PortalClient(portal.baseUrl()).get("/login");

            assertThat(busy.status()).isEqualTo(503);
            assertThat(busy.html()).contains("System busy, please try again later.");
        }
    }

    @Test
    void slowsPagesDownByOneToThreeSeconds() {
        PortalClient client = running.client();
        running.portal().hazards().slowPages(true);

        client.logIn(); // the login form, its post, and the menu it leads to

        assertThat(running.pauses()).hasSize(3)
                .allSatisfy(delay -> assertThat(delay).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(3)));
        assertThat(running.portal().activity().slowPages()).isEqualTo(3);
    }

    @Test
    void drawsHazardsFromASeededSequence() {
        Hazards sometimes = Hazards.off().withBusy(0.3, 200);
        List<Boolean> first = busyPattern(sometimes);

        assertThat(busyPattern(sometimes)).isEqualTo(first).contains(true, false);
    }

    @Test
    void expiresEverySessionOnRequest() {
        PortalClient client = running.client();
        client.logIn();

        running.portal().hazards().expireSessions();

        assertThat(client.get("/consignments/new").path()).isEqualTo("/login?expired");
    }

    @Test
    void expiresSessionsAtRandomAtTheConfiguredRate() {
        PortalClient client = running.client();
        client.logIn();

        running.portal().hazards().expiryRate(1);

        assertThat(client.get("/shipments").path()).isEqualTo("/login?expired");
    }

    @Test
    void changesElementIdsPerSessionWhileLabelsStay() {
        PortalClient first = running.client();
        PortalClient second = running.client();
        first.logIn();
        second.logIn();

        Page one = first.get("/consignments/new");
        Page again = first.get("/consignments/new");
        Page other = second.get("/consignments/new");

        for (String label : List.of("Customer reference", "Postal code", "Country")) {
            assertThat(one.idOfLabel(label)).isNotNull().isEqualTo(again.idOfLabel(label))
                    .isNotEqualTo(other.idOfLabel(label));
            assertThat(one.html()).contains("id=\"" + one.idOfLabel(label) + "\" name=\"");
        }
    }

    @Test
    void keepsIdsStableWhenThatHazardIsOff() {
        running.portal().hazards().randomIds(false);
        PortalClient first = running.client();
        PortalClient second = running.client();
        first.logIn();
        second.logIn();

        assertThat(first.get("/consignments/new").idOfLabel("Postal code"))
                .isEqualTo(second.get("/consignments/new").idOfLabel("Postal code"))
                .isEqualTo("f-postalCode");
    }

    @Test
    void countsTheSessionsWhoseRequestsWereAnsweredAtTheSameTime() throws Exception {
        CountDownLatch bothWaiting = new CountDownLatch(2);
        try (LegacyPortal portal = LegacyPortal.start(PortalSettings.defaults(), Clock.systemUTC(), delay -> {
            bothWaiting.countDown();
            bothWaiting.await(10, TimeUnit.SECONDS);
        })) {
            PortalClient first = new PortalClient(portal.baseUrl());
            PortalClient second = new PortalClient(portal.baseUrl());
            first.logIn();
            second.logIn();
            portal.hazards().slowPages(true);

            CompletableFuture.allOf(CompletableFuture.runAsync(() -> first.get("/menu")),
                    CompletableFuture.runAsync(() -> second.get("/menu"))).get(20, TimeUnit.SECONDS);

            assertThat(portal.activity().maxSessionsInFlight()).isEqualTo(2);
            // the portal counts a request out after its answer is sent, so the client may be a moment ahead
            await().atMost(Duration.ofSeconds(5)).until(() -> portal.activity().sessionsInFlight() == 0);
            assertThat(portal.activity().loggedInSessions()).isEqualTo(2);
        }
    }

    private static List<Boolean> busyPattern(Hazards hazards) {
        try (LegacyPortal portal = LegacyPortal.start(PortalSettings.defaults().withHazards(hazards))) {
            PortalClient client = new PortalClient(portal.baseUrl());
            return IntStream.range(0, 12)
                    .mapToObj(i -> client.get("/login").html().contains("System busy")).toList();
        }
    }
}
