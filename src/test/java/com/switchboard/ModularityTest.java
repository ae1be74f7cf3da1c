package com.switchboard;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Each top package is a module; modules only use each other's top-level API and never form a cycle. */
class ModularityTest {

    @Test
    void modulesRespectTheirBoundaries() {
        ApplicationModules.of(SwitchboardApplication.class).verify();
    }
}
