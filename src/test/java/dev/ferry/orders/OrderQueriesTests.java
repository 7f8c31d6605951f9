package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderQueriesTests {

    private final AtomicInteger counted = new AtomicInteger();

    private long count(long result) {
        counted.incrementAndGet();
        return result;
    }

    @Test
    void aPageThatIsNotFullIsTheLastAndTellsTheTotalWithoutCounting() {
        assertThat(OrderQueries.total(7, 3, 20, () -> count(999))).isEqualTo(67);
        assertThat(OrderQueries.total(0, 0, 20, () -> count(999))).isZero();
        assertThat(counted).hasValue(0);
    }

    @Test
    void aFullPageOrOnePastTheEndIsCounted() {
        assertThat(OrderQueries.total(20, 0, 20, () -> count(57))).isEqualTo(57);
        assertThat(OrderQueries.total(0, 9, 20, () -> count(57))).isEqualTo(57);
        assertThat(counted).hasValue(2);
    }

    @Test
    void aPageFurtherOnThanTheCountStopsSaysHowFarTheListGoesAtLeast() {
        long total = OrderQueries.total(20, 600, 20, () -> count(OrderQueries.MAX_COUNTED));

        assertThat(total).isEqualTo(12_020);
    }
}
