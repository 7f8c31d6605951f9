package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderIdsTests {

    @Test
    void idsMadeOneAfterAnotherSortInThatOrderAsTheStoreComparesThem() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(OrderIds.next());
        }
        // the order table's key is the id as text: text order must be the order they were made in
        assertThat(ids).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void anIdIsAVersion7UuidThatStartsWithTheTime() {
        long before = System.currentTimeMillis();
        UUID id = UUID.fromString(OrderIds.next());
        long after = System.currentTimeMillis();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
    }
}
