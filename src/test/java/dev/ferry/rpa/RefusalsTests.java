package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RefusalsTests {

    private static final String PORTAL = "the Nordic Freight portal";

    @Test
    void aFieldMessageIsQuotedWithTheFieldItsValueAndWhatToDo() {
        String reason = Refusals.refused(PORTAL, List.of(new Refusals.Message("Postal code", "1250/146",
                "Postal code may contain only letters, digits, spaces and hyphens.")));

        assertThat(reason).isEqualTo("The Nordic Freight portal refused the postal code '1250/146': \"Postal code may"
                + " contain only letters, digits, spaces and hyphens.\" Correct the postal code in the order and"
                + " replay.");
    }

    @Test
    void aLongValueIsLeftToTheMessageAndSeveralFieldsAreNamedTogether() {
        String street = "x".repeat(78);
        String reason = Refusals.refused(PORTAL, List.of(
                new Refusals.Message("Street", street, "Street may be at most 60 characters."),
                new Refusals.Message("City:", "", "City is required."),
                new Refusals.Message(null, null, "Please correct the marked fields.")));

        assertThat(reason).isEqualTo("The Nordic Freight portal refused the street and the city: \"Street may be at"
                + " most 60 characters.\" \"City is required.\" Correct the street and the city in the order and"
                + " replay.").doesNotContain(street);
    }

    @Test
    void aMessageAboutThePageIsQuotedWhenNoFieldHasOne() {
        assertThat(Refusals.refused(PORTAL, List.of(new Refusals.Message(null, null, "Unknown customer account."))))
                .isEqualTo("The Nordic Freight portal refused the data: \"Unknown customer account.\" Correct the"
                        + " order and replay.");
    }

    @Test
    void anOptionNotOfferedNamesTheListAndWhatItOffers() {
        String reason = Refusals.notOffered(PORTAL, "Country", "list 'Country'", "US", List.of(
                new Refusals.Option("", "-- Please choose --"), new Refusals.Option("SE", "Sweden"),
                new Refusals.Option("norway", "Norway")));

        assertThat(reason).isEqualTo("The Nordic Freight portal does not offer country 'US': its list 'Country'"
                + " offers only Sweden (SE), Norway. Correct the country in the order and replay.");
    }

    @Test
    void aLongListIsCutShortAndAListFoundBySelectorIsNotNamedInProse() {
        List<Refusals.Option> many = IntStream.range(0, 30).mapToObj(i -> new Refusals.Option("C" + i, "Country " + i))
                .toList();

        String reason = Refusals.notOffered(PORTAL, null, "list at css '#c'", "US", many);

        assertThat(reason).startsWith("The Nordic Freight portal does not offer 'US': its list at css '#c' offers only"
                + " Country 0 (C0), ").contains("Country 24 (C24) and 5 more.").doesNotContain("Country 25")
                .endsWith(" Correct it in the order and replay.");
    }

    @Test
    void aLabelIsSaidInASentenceUnlessItIsWrittenInCapitals() {
        assertThat(Refusals.prose("Postal code")).isEqualTo("postal code");
        assertThat(Refusals.prose("Total weight (kg):")).isEqualTo("total weight (kg)");
        assertThat(Refusals.prose("SKU")).isEqualTo("SKU");
        assertThat(Refusals.prose("VAT number *")).isEqualTo("VAT number");
    }

    @Test
    void aFieldMessageOrAnOptionNotOfferedIsADataProblemAndNeitherIsRetried() {
        assertThat(BotFailure.DATA_REFUSED.dataProblem()).isTrue();
        assertThat(BotFailure.NOT_OFFERED.dataProblem()).isTrue();
        assertThat(BotFailure.SCREEN_CHANGED.dataProblem()).isFalse();
        assertThat(BotFailure.TIMEOUT.dataProblem()).isFalse();
        assertThat(BotFailure.DATA_REFUSED.transientFailure()).isFalse();
        assertThat(BotFailure.NOT_OFFERED.transientFailure()).isFalse();
    }
}
