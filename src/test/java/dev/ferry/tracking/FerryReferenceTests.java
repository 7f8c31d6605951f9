package dev.ferry.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FerryReferenceTests {

    @Test
    void givesBackTheOrderIdAReferenceWasBookedUnder() {
        assertThat(FerryReference.orderId("9cb734cca942452d9f85d8482862d518"))
                .contains("9cb734cc-a942-452d-9f85-d8482862d518");
    }

    @Test
    void readsAReferenceAsThePortalMayShowIt() {
        assertThat(FerryReference.orderId(" 9CB734CCA942452D9F85D8482862D518 "))
                .contains("9cb734cc-a942-452d-9f85-d8482862d518");
    }

    @Test
    void takesNoOrderIdFromAReferenceFerryDidNotMake() {
        assertThat(FerryReference.orderId("WALK-IN-7")).isEmpty();
        assertThat(FerryReference.orderId("9cb734cc-a942-452d-9f85-d8482862d518")).isEmpty();
        assertThat(FerryReference.orderId("")).isEmpty();
        assertThat(FerryReference.orderId(null)).isEmpty();
    }
}
