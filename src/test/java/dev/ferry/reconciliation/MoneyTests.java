package dev.ferry.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MoneyTests {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void readsAnAmountAsADecimal() {
        assertThat(Money.read(JSON.createObjectNode().put("total", "100.10"), "total")).isEqualByComparingTo("100.1");
    }

    // added to another amount or written out in full, such a value would take gigabytes: it is no amount
    @Test
    void anAbsurdAmountIsNoneFerryCanRead() {
        for (String absurd : new String[] {"1e999999999", "1e-999999999", "1".repeat(5000), "twelve"}) {
            assertThat(Money.read(JSON.createObjectNode().put("total", absurd), "total")).as(absurd).isNull();
        }
    }
}
