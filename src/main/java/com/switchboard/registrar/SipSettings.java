package com.switchboard.registrar;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where phones reach the registrar: the same settings the provisioning files carry
 * ({@code switchboard.sip.host}, {@code .port}, {@code .transport}).
 */
@Component
record SipSettings(String host, int port, String transport) {

    SipSettings(@Value("${switchboard.sip.host:127.0.0.1}") String host, @Value("${switchboard.sip.port:5060}") int port,
                @Value("${switchboard.sip.transport:udp}") String transport) {
        this.host = host;
        this.port = port;
        this.transport = transport.toLowerCase(java.util.Locale.ROOT);
    }
}
