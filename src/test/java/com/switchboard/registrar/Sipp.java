package com.switchboard.registrar;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * SIPp (Debian's sip-tester) as the phones of the registrar tests, on loopback. Each scenario in
 * src/test/resources/sipp is run once ({@code -m 1}); a run passes when SIPp exits 0, which it only
 * does when every message the scenario expects has arrived.
 */
final class Sipp {

    private static final Path SCENARIOS = Path.of("src/test/resources/sipp").toAbsolutePath();
    static final String USER_AGENT = "SIPp-Switchboard-Test/3.6";

    private final int registrarPort;
    private final Path traces;

    Sipp(int registrarPort) {
        this.registrarPort = registrarPort;
        try {
            this.traces = Files.createDirectories(Path.of("target/sipp"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Skips the test without Kamailio or SIPp on this machine, fails it in CI (CI=true). */
    static void assumeInstalled(RegistrarStatus registrar) {
        boolean sipp = Files.isExecutable(Path.of("/usr/bin/sipp")) || onPath("sipp");
        String missing = !registrar.managed() ? "a managed Kamailio (" + registrar.reason() + ")" : !sipp ? "sipp (sip-tester)" : null;
        if (missing == null) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("CI needs " + missing + ": .ci/run installs kamailio, kamailio-postgres-modules and sip-tester");
        }
        Assumptions.abort("Skipped: no " + missing + " on this machine (apt-get install kamailio kamailio-postgres-modules sip-tester)");
    }

    private static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    /** A phone's credentials, as its provisioning file gives them. */
    record Account(String username, String password, String domain) {
    }

    /** REGISTER (challenged, then with the digest), its contact on {@code contactPort}; true when answered 200. */
    boolean register(Account account, int contactPort, int expires) {
        return run("register.xml", account, Map.of("contact_port", contactPort, "expires", expires), 10) == 0;
    }

    /** REGISTER with these credentials; true when the registrar refuses them (401 again or 403). */
    boolean registrationRefused(Account account, int contactPort) {
        return run("register-refused.xml", account, Map.of("contact_port", contactPort, "expires", 300), 10) == 0;
    }

    /** INVITE callee@domain (challenged, then authenticated); true when it connects: 200, ACK, BYE, 200. */
    boolean call(Account caller, String callee, String calleeDomain) {
        return run("call.xml", caller, Map.of("callee", callee, "callee_domain", calleeDomain), 15) == 0;
    }

    /** INVITE callee@domain; true when refused (403, 404 or 480) without ringing. */
    boolean callRefused(Account caller, String callee, String calleeDomain) {
        return run("call-refused.xml", caller, Map.of("callee", callee, "callee_domain", calleeDomain), 15) == 0;
    }

    /** The server side of a phone on a free port: answers one call, or takes one NOTIFY. */
    Server serve(String scenario) {
        int port = freeUdpPort();
        Path trace = traces.resolve(scenario.replace(".xml", "") + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", SCENARIOS.resolve(scenario).toString(),
                "-i", "127.0.0.1", "-p", String.valueOf(port), "-m", "1", "-timeout", "30", "-timeout_error", "-nostdin",
                "-trace_msg", "-message_file", trace.toString()));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(traces.resolve("server-" + port + ".out").toFile()).start();
            return new Server(port, process, trace);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Server(int port, Process process, Path trace) {

        /** Waits for the scenario to end; true when it went as written. */
        boolean completed() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return false;
                }
                return process.exitValue() == 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        String messages() {
            try {
                return Files.exists(trace) ? Files.readString(trace) : "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void stop() {
            process.destroyForcibly();
        }
    }

    private int run(String scenario, Account account, Map<String, Object> keys, int timeoutSeconds) {
        List<String> command = new ArrayList<>(List.of("sipp", "127.0.0.1:" + registrarPort,
                "-sf", SCENARIOS.resolve(scenario).toString(), "-i", "127.0.0.1", "-p", String.valueOf(freeUdpPort()),
                "-s", account.username(), "-au", account.username(), "-ap", account.password(),
                "-key", "domain", account.domain(), "-key", "user_agent", USER_AGENT,
                "-m", "1", "-timeout", String.valueOf(timeoutSeconds), "-timeout_error", "-nostdin"));
        keys.forEach((key, value) -> command.addAll(List.of("-key", key, String.valueOf(value))));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(traces.resolve(scenario.replace(".xml", "") + ".out").toFile()).start();
            if (!process.waitFor(timeoutSeconds + 5L, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return -1;
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static int freeUdpPort() {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }
}
