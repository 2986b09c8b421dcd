package dev.firebreak;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Features talk through each other's public API and events only, never through internals. */
class ModulesTest {
    static final ApplicationModules MODULES = ApplicationModules.of(FirebreakApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }
}
