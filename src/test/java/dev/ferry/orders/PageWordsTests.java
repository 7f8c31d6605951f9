package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the pages say about an order's fields, refs, reasons and times: words for people, never codes. */
class PageWordsTests {

    @Test
    void aFieldIsNamedAsTheFormNamesItCountingLinesFromOne() {
        assertThat(OrderFieldNames.of("/lines/1/sku")).isEqualTo("Line 2 SKU");
        assertThat(OrderFieldNames.of("/lines/0/quantity")).isEqualTo("Line 1 quantity");
        assertThat(OrderFieldNames.of("/lines/0/unitPrice")).isEqualTo("Line 1 unit price");
        assertThat(OrderFieldNames.of("/lines/2")).isEqualTo("Line 3");
        assertThat(OrderFieldNames.of("/shipTo/postalCode")).isEqualTo("Postal code");
        assertThat(OrderFieldNames.of("/currency")).isEqualTo("Currency");
        assertThat(OrderFieldNames.of("")).isEqualTo("The order");
        // a field the form does not know is named by its own words, not by its pointer
        assertThat(OrderFieldNames.of("/shipTo/deliveryNote")).isEqualTo("Delivery note");
    }

    @Test
    void everyRefHasALabelAndANewOneIsNamedByItsWords() {
        assertThat(StepWords.ref("botRunId")).isEqualTo("Bot run");
        assertThat(StepWords.ref("crmUpdateId")).isEqualTo("CRM update");
        assertThat(StepWords.ref("consignmentNumber")).isEqualTo("Consignment");
        assertThat(StepWords.ref("erpReturnId")).isEqualTo("ERP return");
    }

    @Test
    void aReasonForPeopleHasNoStatusCodeOrErrorCode() {
        assertThat(StepWords.forPeople("The shipping system rejected the request (HTTP 422): The postal code 00000"
                + " does not exist.")).isEqualTo("The shipping system rejected the request: The postal code 00000 does"
                + " not exist.");
        assertThat(StepWords.forPeople("SCREEN_CHANGED: no field 'Number of parcels'"))
                .isEqualTo("no field 'Number of parcels'");
        assertThat(StepWords.forPeople(null)).isEmpty();
    }

    @Test
    void theTimelineNamesTheFieldsACorrectionChanged() {
        List<OrderTimeline.Row> rows = OrderTimeline.of(List.of(new JournalEntry("edit", StepOutcome.OK,
                Instant.parse("2026-12-07T10:02:33Z"), "Payload corrected by reviewer: /lines/1/sku, /shipTo/postalCode",
                Map.of())));

        assertThat(rows.get(0).detail()).isEqualTo("Corrected by reviewer: Line 2 SKU, Postal code.");
    }

    @Test
    void aTimeIsWrittenInUtcWithTheZoneNamedAndTheInstantForTheScript() {
        PageTimes.Shown shown = PageTimes.at(Instant.parse("2026-12-07T10:02:33Z"));

        assertThat(shown.iso()).isEqualTo("2026-12-07T10:02:33Z");
        assertThat(shown.utc()).isEqualTo("7 Dec 2026, 10:02:33 UTC");
        assertThat(shown).hasToString("7 Dec 2026, 10:02:33 UTC");
        assertThat(PageTimes.at(null).isEmpty()).isTrue();
    }
}
