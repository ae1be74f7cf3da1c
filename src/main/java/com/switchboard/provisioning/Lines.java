package com.switchboard.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.switchboard.customer.Customers;
import com.switchboard.database.SecretCipher;
import com.switchboard.device.DeviceAssigned;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceMoved;
import com.switchboard.device.DevicesAssigned;
import com.switchboard.device.DeviceRemoved;
import com.switchboard.device.DeviceUnassigned;
import com.switchboard.rules.Conflict;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.user.UserRemoved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SIP lines: an assigned device has one, made in the assignment's own transaction and ended with
 * it (unassigned, moved, removed, or its user removed). Also each customer's SIP domain and
 * provisioning key, made the first time they are needed.
 */
@Service
public class Lines {

    private static final Logger log = LoggerFactory.getLogger(Lines.class);

    static final int PASSWORD_LENGTH = 24;
    static final int USERNAME_LENGTH = 20;
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final String USERNAME_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final LineRepository repository;
    private final SecretCipher cipher;
    private final Customers customers;
    private final ProviderSettings settings;
    private final ApplicationEventPublisher events;
    private final CustomerScope scope;
    private final DeviceInventory inventory;
    private final ProvisioningChanges changes;
    private final SecureRandom random = new SecureRandom();

    Lines(LineRepository repository, SecretCipher cipher, Customers customers, ProviderSettings settings,
          ApplicationEventPublisher events, CustomerScope scope, DeviceInventory inventory, ProvisioningChanges changes) {
        this.repository = repository;
        this.cipher = cipher;
        this.customers = customers;
        this.settings = settings;
        this.events = events;
        this.scope = scope;
        this.inventory = inventory;
        this.changes = changes;
    }

    @EventListener
    void on(DeviceAssigned event) {
        repository.deleteByDevice(event.deviceId());
        CustomerSip sip = sipOf(event.customerId());
        String password = generate(PASSWORD_ALPHABET, PASSWORD_LENGTH);
        byte[] encrypted = cipher.encrypt(password);
        // 20 characters of 36 (103 bits): a clash is next to impossible, but the unique index decides.
        while (true) {
            String username = generate(USERNAME_ALPHABET, USERNAME_LENGTH);
            if (repository.insertLine(event.customerId(), event.deviceId(), event.userId(), username, sip.sipDomain(),
                    encrypted, ha1(username, sip.sipDomain(), password), ha1b(username, sip.sipDomain(), password))) {
                return;
            }
        }
    }

    /**
     * The lines of an import's devices, made together: the passwords drawn, encrypted and digested here, then one
     * {@code COPY} for all, in the import's transaction.
     */
    @EventListener
    void on(DevicesAssigned event) {
        if (event.devices().isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        repository.deleteByDevices(event.devices().stream().map(DeviceAssigned::deviceId).toList());
        CustomerSip sip = sipOf(event.customerId());
        Draw draw = new Draw(event.devices().size() * (PASSWORD_LENGTH + USERNAME_LENGTH));
        List<String> passwords = new ArrayList<>(event.devices().size());
        for (int i = 0; i < event.devices().size(); i++) {
            passwords.add(draw.text(PASSWORD_ALPHABET, PASSWORD_LENGTH));
        }
        List<byte[]> sealed = cipher.encryptAll(passwords);
        List<LineRepository.NewLine> lines = new ArrayList<>(event.devices().size());
        for (int i = 0; i < event.devices().size(); i++) {
            DeviceAssigned device = event.devices().get(i);
            String username = draw.text(USERNAME_ALPHABET, USERNAME_LENGTH);
            String password = passwords.get(i);
            lines.add(new LineRepository.NewLine(device.deviceId(), device.userId(), username, sealed.get(i),
                    ha1(username, sip.sipDomain(), password), ha1b(username, sip.sipDomain(), password)));
        }
        long drawn = System.nanoTime();
        repository.copyLines(event.customerId(), sip.sipDomain(), lines);
        log.info("{} lines made for an import in {} ms ({} ms drawing and sealing their passwords)", lines.size(),
                (System.nanoTime() - started) / 1_000_000, (drawn - started) / 1_000_000);
    }

    @EventListener
    void on(DeviceUnassigned event) {
        repository.deleteByDevice(event.deviceId());
    }

    @EventListener
    void on(DeviceMoved event) {
        repository.deleteByDevice(event.deviceId());
    }

    @EventListener
    void on(DeviceRemoved event) {
        repository.deleteByDevice(event.deviceId());
    }

    @EventListener
    void on(UserRemoved event) {
        repository.deleteByUser(event.userId());
    }

    @Transactional(readOnly = true)
    public Optional<Line> ofDevice(CustomerId customerId, DeviceId deviceId) {
        return repository.findByDevice(customerId, deviceId);
    }

    /**
     * Issues a new password for the device's line: the phone gets it at its next fetch, and its
     * registrations with the old one end (the registrar watches {@code ha1}).
     */
    @Transactional
    public void resetPassword(CustomerId customerId, DeviceId deviceId) {
        inventory.get(customerId, deviceId);
        Line line = repository.findByDevice(customerId, deviceId)
                .orElseThrow(() -> new Conflict("provisioning.line.none"));
        String password = generate(PASSWORD_ALPHABET, PASSWORD_LENGTH);
        repository.updatePassword(line.id(), cipher.encrypt(password), ha1(line.username(), line.domain(), password),
                ha1b(line.username(), line.domain(), password));
        changes.changed(customerId);
        events.publishEvent(new LinePasswordReset(customerId, deviceId, line.username() + "@" + line.domain(),
                scope.actor()));
    }

    /** The line's password in clear, for the phone's configuration file only. */
    String passwordOf(Line line) {
        return repository.passwordOf(line.id()).map(cipher::decrypt).orElseThrow();
    }

    /** The customer's SIP domain and provisioning key, made on first use. */
    @Transactional
    CustomerSip sipOf(CustomerId customerId) {
        Optional<CustomerSip> existing = repository.findSip(customerId);
        if (existing.isPresent()) {
            return existing.get();
        }
        String slug = slug(customers.get(customerId).name());
        // Two names can make one slug ("Érable" and "Erable"): the second gets its id appended.
        for (String domain : new String[]{slug + "." + settings.sipDomainSuffix(),
                slug + "-" + customerId.value() + "." + settings.sipDomainSuffix()}) {
            if (repository.insertSipIfNew(customerId, domain, newKey())) {
                changes.changed(customerId);
            }
            existing = repository.findSip(customerId);
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw new IllegalStateException("No SIP domain could be made for customer " + customerId.value());
    }

    /** A new provisioning key: the phones given the old URL get 404 until they are given the new one. */
    @Transactional
    CustomerSip rotateKey(CustomerId customerId) {
        sipOf(customerId);
        repository.updateKey(customerId, newKey());
        changes.changed(customerId);
        events.publishEvent(new ProvisioningKeyRotated(customerId, scope.actor()));
        return repository.findSip(customerId).orElseThrow();
    }

    /** 24 random bytes (192 bits) in URL-safe Base64: 32 characters. */
    private String newKey() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String generate(String alphabet, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /**
     * Random characters for many lines at once: random bytes drawn in bulk (one call to the generator rather than one
     * per character), each byte kept only below the largest multiple of the alphabet's size, so that every character
     * is equally likely (rejection sampling; a byte rejected is replaced by drawing more).
     */
    private final class Draw {
        private byte[] bytes;
        private int next;

        Draw(int expected) {
            bytes = new byte[expected + expected / 4 + 64];
            random.nextBytes(bytes);
        }

        String text(String alphabet, int length) {
            int size = alphabet.length();
            int limit = 256 - 256 % size;
            StringBuilder out = new StringBuilder(length);
            while (out.length() < length) {
                if (next == bytes.length) {
                    random.nextBytes(bytes);
                    next = 0;
                }
                int b = bytes[next++] & 0xFF;
                if (b < limit) {
                    out.append(alphabet.charAt(b % size));
                }
            }
            return out.toString();
        }
    }

    /** A DNS label from a customer's name: "Érable Logistique" → "erable-logistique". */
    static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (plain.length() > 40) {
            plain = plain.substring(0, 40).replaceAll("-+$", "");
        }
        return plain.isEmpty() ? "customer" : plain;
    }

    /** The digest HA1 a SIP registrar checks (RFC 2617 section 3.2.2.2): md5(username:realm:password). */
    static String ha1(String username, String domain, String password) {
        return md5(username + ":" + domain + ":" + password);
    }

    /** Kamailio's ha1b, for phones that send user@domain as the digest username. */
    static String ha1b(String username, String domain, String password) {
        return md5(username + "@" + domain + ":" + domain + ":" + password);
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
