package dev.ferry;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top-level package is a module: no cycles, and modules use only each other's public surface. */
class ModularityTests {

    @Test
    void modulesHaveNoCyclesAndRespectEachOthersBoundaries() {
        ApplicationModules.of(FerryApplication.class).verify();
    }
}
