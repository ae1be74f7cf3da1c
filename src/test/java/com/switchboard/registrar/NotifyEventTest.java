package com.switchboard.registrar;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The Event header of a restart or a resync, per provisioning family. */
class NotifyEventTest {

    @Test
    void checkSyncSaysWhetherToRebootForEveryFamilyButCisco() {
        for (String family : new String[] {"yealink", "snom", "poly", "grandstream"}) {
            assertThat(Registrar.Command.RESTART.event(family)).isEqualTo("check-sync;reboot=true");
            assertThat(Registrar.Command.RESYNC.event(family)).isEqualTo("check-sync;reboot=false");
        }
    }

    @Test
    void aCiscoMppPhoneIsToldToRebootNowOrToResync() {
        assertThat(Registrar.Command.RESTART.event("cisco-mpp")).isEqualTo("reboot_now");
        assertThat(Registrar.Command.RESYNC.event("cisco-mpp")).isEqualTo("resync");
    }
}
