package dev.ferry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.sandbox.portal.Consignment;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Freight orders booked by the book-freight bot on the sandbox portal, in real headless Chromium. */
class FreightBookingIT extends FerryIntegrationTest {

    @BeforeEach
    void calmPortal() {
        Chromium.executable();
        sandbox.portal().hazards().calm();
    }

    @AfterEach
    void restoreScreen() {
        sandbox.portal().hazards().changeScreen(false);
    }

    @Test
    void aFreightOrderIsBookedOnThePortalAndCarriesItsConsignmentNumber() {
        String id = accept(TestOrders.withService("FRT-OK", "freight"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        Consignment booked = onlyConsignment(id);
        assertThat(order.path("refs").path("trackingNumber").asText()).isEqualTo(booked.number()).startsWith("NF-");
        assertThat(journal(order, "book-freight")).extracting(e -> e.path("outcome").asText()).containsExactly("OK");
        assertThat(booked.parcels()).isEqualTo(1);
        assertThat(booked.country()).isEqualTo("PT");
    }

    @Test
    void aBusyPortalIsTriedAgainAndTheOrderCompletes() {
        sandbox.portal().hazards().busyNextRequests(1);
        String id = accept(TestOrders.withService("FRT-BUSY", "freight"));

        JsonNode order = awaitStatus(id, "COMPLETED");

        assertThat(journal(order, "book-freight")).extracting(e -> e.path("outcome").asText())
                .containsExactly("RETRY", "OK");
        assertThat(journal(order, "book-freight").get(0).path("detail").asText()).contains("busy");
        onlyConsignment(id);
    }

    @Test
    void aChangedScreenFlagsTheOrderWithEvidenceAndAReplayAfterTheFixBooksOnce() {
        sandbox.portal().hazards().changeScreen(true);
        String id = accept(TestOrders.withService("FRT-CHANGED", "freight"));

        JsonNode flagged = awaitStatus(id, "FLAGGED");

        JsonNode failed = journal(flagged, "book-freight").get(0);
        assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.path("detail").asText()).startsWith("BOT_FAILED:")
                .contains("The Nordic Freight portal screen has changed").contains("Postal code");
        String exceptionId = flagged.path("exceptionId").asText();
        assertThat(Path.of(evidenceFolder(exceptionId)).resolve("screenshot.png")).isNotEmptyFile();
        assertThat(sandbox.portal().consignments()).noneMatch(c -> c.reference().equals(reference(id)));

        sandbox.portal().hazards().changeScreen(false);
        assertThat(send(HttpRequest.newBuilder(uri("/api/exceptions/" + exceptionId + "/replay"))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY)
                .POST(HttpRequest.BodyPublishers.noBody()).build()).statusCode()).isEqualTo(202);

        JsonNode order = awaitStatus(id, "COMPLETED");
        assertThat(order.path("refs").path("trackingNumber").asText()).isEqualTo(onlyConsignment(id).number());
    }

    private Consignment onlyConsignment(String orderId) {
        List<Consignment> booked = sandbox.portal().consignments().stream()
                .filter(c -> c.reference().equals(reference(orderId))).toList();
        assertThat(booked).hasSize(1);
        return booked.get(0);
    }

    /** The portal's customer reference holds at most 35 characters: the order id without hyphens. */
    private static String reference(String orderId) {
        return orderId.replace("-", "");
    }

    /** The inbox item's technical detail names the folder with the failure's screenshot and page. */
    private String evidenceFolder(String exceptionId) {
        JsonNode item = read(send(HttpRequest.newBuilder(uri("/api/exceptions/" + exceptionId))
                .header("Authorization", "Bearer " + InboxApiIT.OPS_KEY).GET().build()).body());
        String detail = item.path("detail").asText();
        assertThat(detail).as(item.toPrettyString()).contains("SCREEN_CHANGED").contains("evidence in ");
        return detail.substring(detail.indexOf("evidence in ") + "evidence in ".length()).strip();
    }
}
