package dev.ferry.rpa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ferry.connectors.Failure;
import java.nio.file.Path;
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
    void theFailureCarriesThePlainMessageAndNamesCodeAndEvidenceInTheDetail() {
        Failure failure = new BotRunException(BotFailure.SCREEN_CHANGED, "book-freight",
                "The Nordic Freight portal screen has changed: no button 'Book consignment'.", "steps/12",
                Path.of("data/bot-runs/r1")).failure();

        assertThat(failure.transientFailure()).isFalse();
        assertThat(failure.reason()).isEqualTo("The Nordic Freight portal screen has changed: no button 'Book consignment'.");
        assertThat(failure.detail()).contains("SCREEN_CHANGED").contains("data/bot-runs/r1");
    }
}
