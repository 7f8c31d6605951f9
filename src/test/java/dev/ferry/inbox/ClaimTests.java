package dev.ferry.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClaimTests {

    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(15);

    @Test
    void aFreeItemBecomesTheUsersUntilTheTimeout() {
        Claim claim = Claim.take(null, "ana", TEN, TIMEOUT, false);

        assertThat(claim).isEqualTo(new Claim("ana", TEN, TEN.plus(TIMEOUT)));
        assertThat(claim.active(TEN.plus(TIMEOUT).minusSeconds(1))).isTrue();
        assertThat(claim.active(TEN.plus(TIMEOUT))).isFalse();
    }

    @Test
    void takingYourOwnClaimAgainKeepsSinceAndExtendsIt() {
        Claim first = Claim.take(null, "ana", TEN, TIMEOUT, false);

        Claim again = Claim.take(first, "ana", TEN.plusSeconds(600), TIMEOUT, false);

        assertThat(again.since()).isEqualTo(TEN);
        assertThat(again.until()).isEqualTo(TEN.plusSeconds(600).plus(TIMEOUT));
    }

    @Test
    void someoneElsesClaimIsRefusedUnlessTakenOverOnPurpose() {
        Claim ana = Claim.take(null, "ana", TEN, TIMEOUT, false);

        assertThatThrownBy(() -> Claim.take(ana, "rui", TEN.plusSeconds(60), TIMEOUT, false))
                .isInstanceOfSatisfying(Claim.Held.class, held -> assertThat(held.claim()).isEqualTo(ana))
                .hasMessageContaining("ana is working on this item");
        Claim rui = Claim.take(ana, "rui", TEN.plusSeconds(60), TIMEOUT, true);
        assertThat(rui.by()).isEqualTo("rui");
        assertThat(rui.since()).isEqualTo(TEN.plusSeconds(60));
    }

    @Test
    void aClaimThatRanOutHoldsNobody() {
        Claim ana = Claim.take(null, "ana", TEN, TIMEOUT, false);
        Instant later = TEN.plus(TIMEOUT).plusSeconds(1);

        assertThat(Claim.current(ana, later)).isNull();
        assertThat(ana.heldByOtherThan("rui", later)).isFalse();
        assertThat(Claim.take(ana, "rui", later, TIMEOUT, false).by()).isEqualTo("rui");
    }

    @Test
    void theHolderIsNotHeldOff() {
        Claim ana = Claim.take(null, "ana", TEN, TIMEOUT, false);

        assertThat(ana.heldByOtherThan("ana", TEN)).isFalse();
        assertThat(ana.heldByOtherThan("rui", TEN)).isTrue();
    }
}
