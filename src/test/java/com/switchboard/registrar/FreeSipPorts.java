package com.switchboard.registrar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The tests' managed Kamailio listens on ports free on this machine (SIP on UDP and TCP, JSON-RPC),
 * chosen once per test run so that every test context, the provisioning files and SIPp agree.
 */
public class FreeSipPorts implements EnvironmentPostProcessor {

    private static final int SIP_PORT = freePort(true);
    private static final int RPC_PORT = freePort(false);

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("free-sip-ports", Map.of(
                "switchboard.sip.port", SIP_PORT,
                "switchboard.registrar.rpc-port", RPC_PORT)));
    }

    private static int freePort(boolean udpToo) {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 1, loopback)) {
                int port = tcp.getLocalPort();
                if (!udpToo) {
                    return port;
                }
                try (DatagramSocket udp = new DatagramSocket(port, loopback)) {
                    return port;
                } catch (IOException taken) {
                    // Try another.
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("No free port for the SIP tests");
    }
}
