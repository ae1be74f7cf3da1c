package com.switchboard.registrar;

import com.switchboard.provisioning.ProviderSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.switchboard.database.EmbeddedDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The registrar the portal runs itself, like its embedded PostgreSQL: a Kamailio child process on
 * the configuration in {@code kamailio/kamailio.cfg}, started after the migrations and stopped with
 * the portal. It starts only when the binary is installed, no external registrar is configured and
 * Kamailio has a database login; otherwise the portal runs without a registrar and says so.
 */
@Component
class ManagedKamailio implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ManagedKamailio.class);
    private static final List<Path> SBIN = List.of(Path.of("/usr/sbin"), Path.of("/usr/local/sbin"), Path.of("/sbin"));
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);

    private final RegistrarProperties properties;
    private final ProviderSettings sip;
    private final ObjectProvider<EmbeddedDatabase> embeddedDatabase;
    private final KamailioRpc rpc;

    private volatile RegistrarStatus status;
    private volatile Process process;
    private volatile Path runDirectory;
    private volatile boolean running;
    private volatile String sipAddress;

    ManagedKamailio(RegistrarProperties properties, ProviderSettings sip, ObjectProvider<EmbeddedDatabase> embeddedDatabase,
                    KamailioRpc rpc) {
        this.properties = properties;
        this.sip = sip;
        this.embeddedDatabase = embeddedDatabase;
        this.rpc = rpc;
        this.status = RegistrarStatus.detached(sip, "registrar.detached.starting");
    }

    RegistrarStatus status() {
        return status;
    }

    /** Where Kamailio itself takes SIP requests: the next hop of the NOTIFYs the portal sends. */
    String sipAddress() {
        return sipAddress == null ? sip.sipHost() : sipAddress;
    }

    @Override
    public void start() {
        running = true;
        if (properties.rpcUrl() != null) {
            rpc.use(properties.rpcUrl());
            status = new RegistrarStatus(true, false, sip.sipHost(), sip.sipPort(), List.of(sip.sipTransport()), null);
            log.info("Registrar: an external Kamailio fleet answers JSON-RPC at {}; phones register with {}:{}",
                    properties.rpcUrl(), sip.sipHost(), sip.sipPort());
            return;
        }
        if (!properties.managed()) {
            detach("registrar.detached.disabled", "the managed Kamailio is turned off (switchboard.registrar.managed=false)");
            return;
        }
        Optional<Path> binary = binary();
        if (binary.isEmpty()) {
            detach("registrar.detached.not-installed", "Kamailio is not installed (apt-get install kamailio kamailio-postgres-modules)");
            return;
        }
        String databaseUrl = properties.databaseUrl();
        EmbeddedDatabase embedded = embeddedDatabase.getIfAvailable();
        if (databaseUrl == null && embedded != null) {
            databaseUrl = KamailioRole.setUp(embedded);
        }
        if (databaseUrl == null) {
            detach("registrar.detached.no-database", "the database is external and SWITCHBOARD_KAMAILIO_DB_URL is not set (see the README)");
            return;
        }
        try {
            launch(binary.get(), databaseUrl);
        } catch (IOException | RuntimeException e) {
            stopProcess();
            detach("registrar.detached.failed", "Kamailio did not start: " + e.getMessage());
        }
    }

    private void launch(Path binary, String databaseUrl) throws IOException {
        Path dir = Files.createTempDirectory("switchboard-kamailio");
        runDirectory = dir;
        Path config = dir.resolve("kamailio.cfg");
        try (InputStream in = new ClassPathResource("kamailio/kamailio.cfg").getInputStream()) {
            Files.copy(in, config);
        }
        String address = listenAddress();
        sipAddress = address;
        int rpcPort = properties.rpcPort();
        ProcessBuilder builder = new ProcessBuilder(binary.toString(), "-f", config.toString(), "-DD", "-E",
                "-Y", dir.toString(), "-P", dir.resolve("kamailio.pid").toString(), "-m", "64", "-M", "8");
        Map<String, String> env = builder.environment();
        env.put("TZ", "UTC");
        env.put("SWITCHBOARD_KAMAILIO_DB_URL", databaseUrl);
        env.put("SWITCHBOARD_KAMAILIO_SIP_LISTEN", "udp:" + address + ":" + sip.sipPort());
        env.put("SWITCHBOARD_KAMAILIO_TCP_LISTEN", "tcp:" + address + ":" + sip.sipPort());
        env.put("SWITCHBOARD_KAMAILIO_SIP_PORT", String.valueOf(sip.sipPort()));
        env.put("SWITCHBOARD_KAMAILIO_RPC_LISTEN", "tcp:127.0.0.1:" + rpcPort);
        env.put("SWITCHBOARD_KAMAILIO_RPC_PORT", String.valueOf(rpcPort));
        builder.redirectErrorStream(true);
        builder.directory(dir.toFile());
        Process started = builder.start();
        process = started;
        String secret = databaseUrl;
        Thread relay = new Thread(() -> relay(started.getInputStream(), secret), "kamailio-log");
        relay.setDaemon(true);
        relay.start();
        rpc.use("http://127.0.0.1:" + rpcPort + "/RPC");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!rpc.answers()) {
            if (!started.isAlive()) {
                throw new IllegalStateException("it exited with status " + started.exitValue() + " (its log is above)");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("its JSON-RPC did not answer within " + START_TIMEOUT.toSeconds() + " s");
            }
            sleep();
        }
        status = new RegistrarStatus(true, true, sip.sipHost(), sip.sipPort(), List.of("udp", "tcp"), null);
        log.info("Registrar: managed Kamailio (pid {}) listens on {}:{} (UDP and TCP), JSON-RPC on 127.0.0.1:{}",
                started.pid(), address, sip.sipPort(), rpcPort);
    }

    /** Loopback unless the phones' address is an IP address of this machine. */
    private String listenAddress() {
        String host = sip.sipHost();
        if (host.matches("[0-9.]+") || host.contains(":")) {
            try {
                InetAddress address = InetAddress.getByName(host);
                if (address.isLoopbackAddress() || java.net.NetworkInterface.getByInetAddress(address) != null) {
                    return host;
                }
            } catch (IOException e) {
                // Not an address of ours: fall back to loopback.
            }
        }
        return "127.0.0.1";
    }

    private static void relay(InputStream output, String secret) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String text = line.replace(secret, "postgres://…");
                if (text.contains("ERROR") || text.contains("CRITICAL") || text.contains("WARNING")) {
                    log.warn("kamailio: {}", text);
                } else {
                    log.debug("kamailio: {}", text);
                }
            }
        } catch (IOException e) {
            // The process has gone.
        }
    }

    private Optional<Path> binary() {
        String name = properties.kamailio();
        if (name.contains("/")) {
            Path path = Path.of(name);
            return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(pathVariable.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of),
                        SBIN.stream())
                .map(dir -> dir.resolve(name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private void detach(String reason, String why) {
        status = RegistrarStatus.detached(sip, reason);
        log.warn("No registrar is attached: {}. The portal runs; phones cannot register.", why);
    }

    @Override
    public void stop() {
        running = false;
        stopProcess();
    }

    private void stopProcess() {
        Process current = process;
        if (current != null) {
            // Its worker processes too: one left behind keeps a database connection open, and the
            // embedded PostgreSQL then waits for it when it stops.
            List<ProcessHandle> workers = current.descendants().toList();
            current.destroy();
            try {
                if (!current.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    current.destroyForcibly();
                }
            } catch (InterruptedException e) {
                current.destroyForcibly();
                Thread.currentThread().interrupt();
            }
            workers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            process = null;
            log.info("Registrar: managed Kamailio stopped");
        }
        Path dir = runDirectory;
        if (dir != null) {
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            runDirectory = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
