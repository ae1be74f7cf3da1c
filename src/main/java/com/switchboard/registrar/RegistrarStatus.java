package com.switchboard.registrar;

import com.switchboard.provisioning.ProviderSettings;
import java.util.List;

/**
 * Whether phones have a registrar, and where they find it.
 *
 * @param attached   a registrar answers (managed or external)
 * @param managed    the portal started it
 * @param sipAddress the address phones register with
 * @param sipPort    its SIP port
 * @param transports the SIP transports it listens on ({@code udp}, {@code tcp})
 * @param reason     why none is attached (a message key), null when one is
 */
public record RegistrarStatus(boolean attached, boolean managed, String sipAddress, int sipPort, List<String> transports,
                              String reason) {

    public RegistrarStatus {
        transports = List.copyOf(transports);
    }

    static RegistrarStatus detached(ProviderSettings sip, String reason) {
        return new RegistrarStatus(false, false, sip.sipHost(), sip.sipPort(), List.of(), reason);
    }
}
