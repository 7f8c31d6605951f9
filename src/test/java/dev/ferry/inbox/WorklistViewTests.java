package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ferry.orders.Violation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorklistViewTests {

    private static final ObjectNode ORDER = order();

    @Test
    void theFieldToCorrectIsTheOneTheReasonNames() {
        EditableFields.Form form = EditableFields.form(ORDER, Map.of(), List.of());

        assertThat(WorklistView.fix(form, "The postal code 00000 does not exist in Portugal; check the delivery address."))
                .isEqualTo(new WorklistView.Fix("field-shipTo-postalCode", "postal code"));
        assertThat(WorklistView.fix(form, "Street may be at most 60 characters.").id()).isEqualTo("field-shipTo-street");
        assertThat(WorklistView.fix(form, "Carrier outage")).isNull();
    }

    @Test
    void aFieldMarkedInvalidComesFirst() {
        EditableFields.Form form = EditableFields.form(ORDER, Map.of(),
                List.of(new Violation("/lines/0/quantity", "must have a minimum value of 1")));

        assertThat(WorklistView.fix(form, "The postal code is wrong").id()).isEqualTo("field-lines-0-quantity");
    }

    @Test
    void aReplayedOrderSaysHowItEnded() {
        assertThat(WorklistView.outcome(ExceptionStatus.RESOLVED, "COMPLETED")).isEqualTo("Completed");
        assertThat(WorklistView.outcome(ExceptionStatus.RESOLVED, "FLAGGED")).isEqualTo("Failed again");
        assertThat(WorklistView.outcome(ExceptionStatus.RESOLVED, "IN_PROGRESS")).isEqualTo("Still running");
        assertThat(WorklistView.outcome(ExceptionStatus.RESOLVED, "ACCEPTED")).isEqualTo("Still running");
        assertThat(WorklistView.outcome(ExceptionStatus.OPEN, "FLAGGED")).isNull();
    }

    @Test
    void theListPlaceRidesAlongOnItemLinks() {
        ListPlace place = ListPlace.of(new InboxListFilter(null, "BUSINESS_RULE", null, null, "a&b", "customer"), 2);

        assertThat(place.listUrl()).isEqualTo("/inbox?category=BUSINESS_RULE&q=a%26b&sort=customer&page=2");
        assertThat(place.itemUrl("e1")).isEqualTo("/inbox/e1?category=BUSINESS_RULE&q=a%26b&sort=customer&page=2");
        assertThat(ListPlace.of(null, -1).itemUrl("e1")).isEqualTo("/inbox/e1");
    }

    @Test
    void whoWorksOnItIsSaidFromTheReadersSide() {
        Claim claim = new Claim("ana", java.time.Instant.parse("2026-12-07T10:02:00Z"),
                java.time.Instant.parse("2026-12-07T10:17:00Z"));

        assertThat(WorklistView.claim(claim, "ana")).startsWith("You are working on this since");
        assertThat(WorklistView.claim(claim, "rui")).startsWith("ana is working on this since");
        assertThat(WorklistView.cameBack(1)).isEqualTo("Came back after 1 replay");
        assertThat(WorklistView.cameBack(null)).isNull();
    }

    private static ObjectNode order() {
        try {
            return (ObjectNode) new ObjectMapper().readTree("""
                    {"externalId":"WEB-1","source":"webshop","customer":{"id":"C-1","name":"Ana Lima","email":"a@x.pt"},
                     "currency":"EUR","lines":[{"sku":"SKU-1","quantity":2,"unitPrice":"1.00"}],
                     "shipTo":{"name":"Ana Lima","street":"Rua 1","city":"Lisboa","postalCode":"00000","country":"PT"}}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
