package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ferry.orders.Violation;
import org.junit.jupiter.api.Test;

/** The inbox pages' words for edits and refused JSON, and the list's sorting as its links carry it. */
class InboxWordsTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anEditIsToldByTheFieldsNamesAndTheirValuesBeforeAndAfter() {
        JsonNode before = json("{'lines':[{'sku':'SKU-RED-MUG'},{'sku':'DISCONTINUED-LAMP'}],'shipTo':{'postalCode':'00000'}}");
        JsonNode after = json("{'lines':[{'sku':'SKU-RED-MUG'},{'sku':'SKU-TEAPOT'}],'shipTo':{}}");

        assertThat(PayloadChanges.described(before, after))
                .containsExactly("Line 2 SKU: DISCONTINUED-LAMP → SKU-TEAPOT", "Postal code: 00000 → (empty)");
        assertThat(PayloadChanges.describedSummary(before, before)).isEqualTo("No fields changed.");
    }

    @Test
    void aJsonTypoIsToldByLineAndColumnWithoutTheParsersSettings() {
        String parser = "Malformed JSON at line 3, column 14: Unexpected character ('\"' (code 34)): was expecting a"
                + " colon to separate field name and value\n at [Source: REDACTED (`StreamReadFeature"
                + ".INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3, column: 14]";

        String shown = InboxDetailPage.located(new Violation("", parser));

        assertThat(shown).isEqualTo("This is not valid JSON: look at line 3, column 14 (a missing comma, quote or"
                + " bracket just before it is the usual cause).");
        assertThat(InboxDetailPage.located(new Violation("/lines/0/quantity", "must have a minimum value of 1")))
                .isEqualTo("Line 1 quantity: Must have a minimum value of 1.");
    }

    @Test
    void theSortRidesInTheLinksAndAHeadingTurnsTheCurrentSortRound() {
        InboxListFilter byCustomer = new InboxListFilter(null, "BUSINESS_RULE", null, null, "ana", "customer");

        assertThat(byCustomer.url(1)).isEqualTo("/inbox?category=BUSINESS_RULE&q=ana&sort=customer&page=1");
        assertThat(byCustomer.sortedBy("customer")).isEqualTo("/inbox?category=BUSINESS_RULE&q=ana&sort=-customer");
        assertThat(byCustomer.sortedBy("step")).isEqualTo("/inbox?category=BUSINESS_RULE&q=ana&sort=step");
        // the default is not written: the plain address is the list as it always was
        assertThat(new InboxListFilter(null, null, null, null, null, "waiting").url(0)).isEqualTo("/inbox");
        // the count boxes keep the sort, not the filters: each lists exactly what it counts
        InboxQueries.Counts open = new InboxQueries.Counts(2, java.util.Map.of("BUSINESS_RULE", 2L));
        assertThat(InboxListView.counts(open, byCustomer)).extracting(InboxListView.Count::url)
                .containsExactly("/inbox?sort=customer", "/inbox?category=BUSINESS_RULE&sort=customer");
        assertThat(InboxSort.parse("nonsense")).isEqualTo(InboxSort.DEFAULT);
        assertThat(InboxSort.parse("-Step")).isEqualTo(new InboxSort("step", true));
    }

    @Test
    void aRowsReasonStartsWithTheRefusingSystemsOwnWords() {
        assertThat(InboxListView.shortReason("The ERP rejected the request (HTTP 422): item DISCONTINUED-LAMP is"
                + " discontinued")).isEqualTo("Item DISCONTINUED-LAMP is discontinued");
        assertThat(InboxListView.shortReason("The order total of 12,500.00 EUR is above the review limit"))
                .isEqualTo("The order total of 12,500.00 EUR is above the review limit");
    }

    @Test
    void theSourceFilterIsComparedInLowerCase() {
        assertThat(new InboxFilter(null, null, null, " WebShop ", null).params()).containsEntry("source", "webshop");
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
