package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connectors.Failure;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotRunExceptionTests {

    @Test
    void transientCodesAreWorthARetryAndOthersAreNot() {
        assertThat(BotFailure.PORTAL_BUSY.transientFailure()).isTrue();
        assertThat(BotFailure.TIMEOUT.transientFailure()).isTrue();
        assertThat(BotFailure.SESSION_EXPIRED.transientFailure()).isTrue();
        assertThat(BotFailure.SCREEN_CHANGED.transientFailure()).isFalse();
        assertThat(BotFailure.NOT_OFFERED.transientFailure()).isFalse();
        assertThat(BotFailure.BOT_ERROR.transientFailure()).isFalse();
    }

    @Test
    void theFailureCarriesThePlainMessageAndNamesCodeRunAndWhatEvidenceWasLeftOutInTheDetail() {
        Failure failure = new BotRunException(BotFailure.SCREEN_CHANGED, "book-freight",
                "The Nordic Freight portal screen has changed: no button 'Book consignment'.", "steps/12")
                .leftOut(List.of("page.html")).of("3f1c0000-0000-0000-0000-000000000001").failure();

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).isEqualTo("The Nordic Freight portal screen has changed: no button 'Book consignment'.");
        assertThat(failure.detail()).isEqualTo("bot book-freight SCREEN_CHANGED: steps/12; evidence left out (a secret"
                + " could not be masked in it): page.html; run: /api/bots/runs/3f1c0000-0000-0000-0000-000000000001");
    }
}
