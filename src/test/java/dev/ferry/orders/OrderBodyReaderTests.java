package dev.ferry.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class OrderBodyReaderTests {

    private final OrderBodyReader reader = new OrderBodyReader(new ObjectMapper(), 1024 * 1024);

    @Test
    void aNumberWithAnExponentIsRefusedAtItsPointer() {
        InvalidOrderException refused = catchThrowableOfType(InvalidOrderException.class, () -> reader.read("""
                {"lines":[{"quantity":1e2,"unitPrice":"12.50"},{"quantity":1,"unitPrice":1E-999999999}],
                 "notes":2.5e0}"""));

        assertThat(refused.violations()).extracting(Violation::pointer)
                .containsExactly("/lines/0/quantity", "/lines/1/unitPrice", "/notes");
        assertThat(refused.violations().get(0).message())
                .isEqualTo("must be written without an exponent: 100 or 0.01, not 1e2 or 1e-2");
    }

    @Test
    void numbersWrittenOutAreRead() {
        assertThat(reader.read("""
                {"lines":[{"quantity":2,"unitPrice":12.50},{"quantity":1,"unitPrice":"7.95"}]}""")
                .at("/lines/0/unitPrice").decimalValue()).isEqualByComparingTo("12.5");
    }
}
