package com.switchboard.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.switchboard.database.SecretCipher;
import com.switchboard.device.DeviceId;
import com.switchboard.device.MacAddress;
import com.switchboard.tenancy.CustomerId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.util.unit.DataSize;

/**
 * Serves the files phones fetch. Every miss (an unknown key, an unknown MAC, another customer's
 * MAC, a name of another vendor's family, a removed device) is the same {@link Answer#notFound()}, and
 * an address that misses too often is throttled ({@link MissThrottle}).
 * <p>
 * A boot storm is served from memory: the keys ({@link CustomerKeys}), each customer's MACs (so
 * that a MAC that is not in the inventory costs no query) and the rendered files with their ETag,
 * kept until {@link ProvisioningChanges} says the customer changed, ten minutes at most, and within
 * a size bound. Only the first fetch of a file reads the database and renders it.
 */
@Service
public class PhoneFiles {

    /** Every vendor, in the order a file name is tried. */
    static final List<VendorFiles> VENDORS = List.of(new YealinkFiles(), new PolyFiles(), new CiscoMppFiles(),
            new GrandstreamFiles(), new SnomFiles());

    /** How long a customer's MACs and files are kept at most, whatever the change notices say. */
    static final long MAX_AGE_NANOS = java.time.Duration.ofMinutes(10).toNanos();

    private final LineRepository lines;
    private final ProvisioningRepository repository;
    private final SecretCipher cipher;
    private final ProviderSettings settings;
    private final FetchLog log;
    private final MissThrottle throttle;
    private final CustomerKeys keys;
    private final ContactLog contacts;
    private final long maxBytes;
    private final Map<CustomerId, CustomerFiles> customers = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    PhoneFiles(LineRepository lines, ProvisioningRepository repository, SecretCipher cipher, ProviderSettings settings,
               FetchLog log, MissThrottle throttle, CustomerKeys keys, ContactLog contacts,
               @Value("${switchboard.provisioning.cache-size:64MB}") DataSize maxBytes) {
        this.lines = lines;
        this.repository = repository;
        this.cipher = cipher;
        this.settings = settings;
        this.log = log;
        this.throttle = throttle;
        this.keys = keys;
        this.contacts = contacts;
        this.maxBytes = maxBytes.toBytes();
    }

    /** What the endpoint answers: a status, and a file (its bytes and ETag) or the one body of every miss. */
    public record Answer(int status, String contentType, byte[] body, String etag, long retryAfterSeconds) {

        static final Answer NOT_FOUND = new Answer(404, "text/plain;charset=UTF-8",
                "Not found\n".getBytes(StandardCharsets.UTF_8), null, 0);
        private static final byte[] TOO_MANY = "Too many requests\n".getBytes(StandardCharsets.UTF_8);

        static Answer notFound() {
            return NOT_FOUND;
        }

        static Answer throttled(long seconds) {
            return new Answer(429, "text/plain;charset=UTF-8", TOO_MANY, null, seconds);
        }

        static Answer file(VendorFiles.PhoneFile file) {
            byte[] body = file.body().getBytes(StandardCharsets.UTF_8);
            return new Answer(200, file.contentType(), body, PhoneFiles.etag(body), 0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * A rendered file as kept: the answer, the device it belongs to (null for a shared file), and the last
     * fetch of it that was logged, so that a hit costs no other look-up.
     */
    private static final class Served {
        final Answer answer;
        final DeviceId deviceId;
        final MacAddress mac;
        volatile Logged logged;

        Served(Answer answer, DeviceId deviceId, MacAddress mac) {
            this.answer = answer;
            this.deviceId = deviceId;
            this.mac = mac;
        }

        Answer answer() {
            return answer;
        }

        DeviceId deviceId() {
            return deviceId;
        }

        MacAddress mac() {
            return mac;
        }

        /** True at most once a minute for the same address and user agent (a race logs one fetch twice: harmless). */
        boolean firstThisMinute(String address, String userAgent, long now) {
            Logged last = logged;
            if (last != null && now - last.at() < FetchLog.SAME_FETCH_MILLIS && last.address().equals(address)
                    && java.util.Objects.equals(last.userAgent(), userAgent)) {
                return false;
            }
            logged = new Logged(address, userAgent, now);
            return true;
        }
    }

    private record Logged(String address, String userAgent, long at) {
    }

    /** One customer's MACs (with their provisioning family) and the files rendered so far. */
    private static final class CustomerFiles {
        final long loadedAt = System.nanoTime();
        final Map<MacAddress, String> families;
        final Map<String, Served> files = new ConcurrentHashMap<>();
        final AtomicLong bytes = new AtomicLong();

        CustomerFiles(Map<MacAddress, String> families) {
            this.families = families;
        }

        boolean expired(long now) {
            return now - loadedAt > MAX_AGE_NANOS;
        }
    }

    /**
     * The file {@code fileName} for the phones given {@code customerKey}, asked from {@code address}.
     * Not transactional: a file not rendered yet costs one query, and holds no connection while it renders.
     */
    public Answer fetch(String customerKey, String fileName, String address, String userAgent) {
        Optional<Long> retryAfter = throttle.retryAfter(address);
        if (retryAfter.isPresent()) {
            return Answer.throttled(retryAfter.get());
        }
        Optional<CustomerSip> sip = customerKey == null || customerKey.length() > 64 ? Optional.empty()
                : keys.find(customerKey);
        if (sip.isEmpty() || fileName == null || fileName.length() > 120) {
            return miss(address);
        }
        CustomerId customerId = sip.get().customerId();
        CustomerFiles known = filesOf(customerId);
        Served served = known.files.get(fileName);
        if (served == null) {
            served = render(customerId, known, customerKey, fileName);
        }
        if (served == null) {
            // A valid key and a name of no phone (firmware, logs, a vendor's optional files): 404, not counted.
            return Answer.notFound();
        }
        if (served.answer().status() == 404) {
            // A phone that is not (or not as this vendor) in the inventory: logged for "Add device", and a miss.
            log.add(new FetchLog.Entry(customerId, address, userAgent, served.mac(), fileName, 404, null));
            return miss(address);
        }
        if (served.firstThisMinute(address, userAgent, System.currentTimeMillis())) {
            if (served.deviceId() != null) {
                contacts.seen(served.deviceId(), address, userAgent);
            }
            log.add(new FetchLog.Entry(customerId, address, userAgent, served.mac(), fileName, 200, served.deviceId()));
        }
        return served.answer();
    }

    private CustomerFiles filesOf(CustomerId customerId) {
        long now = System.nanoTime();
        CustomerFiles known = customers.get(customerId);
        if (known == null || known.expired(now)) {
            if (known != null) {
                forget(customerId);
            }
            known = customers.computeIfAbsent(customerId, c -> new CustomerFiles(repository.families(c)));
        }
        return known;
    }

    /** Renders and keeps a file; a MAC that is not the customer's, or not in this family, is kept as a 404. */
    private Served render(CustomerId customerId, CustomerFiles known, String customerKey, String fileName) {
        String filesUrl = settings.urlFor(customerKey);
        MacAddress asked = null;
        for (VendorFiles vendor : VENDORS) {
            Optional<VendorFiles.FileRequest> request = vendor.parse(fileName);
            if (request.isEmpty()) {
                continue;
            }
            if (request.get().mac() == null) {
                return keep(known, fileName, new Served(Answer.file(vendor.renderShared(request.get(), filesUrl)), null, null));
            }
            asked = request.get().mac();
            if (!vendor.family().equals(known.families.get(asked))) {
                continue;
            }
            Optional<ProvisioningRepository.PhoneRow> phone = repository.phone(customerId, asked);
            if (phone.isPresent() && phone.get().family().equals(vendor.family())) {
                ProvisioningRepository.PhoneRow row = phone.get();
                return keep(known, fileName,
                        new Served(Answer.file(vendor.render(request.get(), setup(row, filesUrl, true))), row.deviceId(), asked));
            }
        }
        // Misses of a MAC are not kept: made-up MACs would only fill the memory, and the MAC set answers them.
        return asked == null ? null : new Served(Answer.notFound(), null, asked);
    }

    private Served keep(CustomerFiles known, String fileName, Served served) {
        int size = served.answer().body().length + 2 * fileName.length() + 200;
        if (bytes.addAndGet(size) > maxBytes) {
            // Over the bound: start again rather than keep a bookkeeping of ages; files are rendered again on demand.
            forgetAllFiles();
            bytes.addAndGet(size);
        }
        known.bytes.addAndGet(size);
        known.files.put(fileName, served);
        return served;
    }

    /** Forgets what is kept of this customer: its MACs and files are read again at the next fetch. */
    void forget(CustomerId customerId) {
        CustomerFiles gone = customers.remove(customerId);
        if (gone != null) {
            bytes.addAndGet(-gone.bytes.get());
        }
    }

    void forgetAll() {
        customers.keySet().forEach(this::forget);
    }

    private void forgetAllFiles() {
        for (CustomerFiles known : customers.values()) {
            long size = known.bytes.getAndSet(0);
            known.files.clear();
            bytes.addAndGet(-size);
        }
    }

    /** Customers whose phones stopped asking are not kept past the maximum age. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void forgetExpired() {
        long now = System.nanoTime();
        customers.forEach((customerId, known) -> {
            if (known.expired(now)) {
                forget(customerId);
            }
        });
    }

    /** The device's main file as its phone gets it, with the password masked. */
    public Optional<String> maskedConfiguration(CustomerId customerId, DeviceId deviceId) {
        return repository.phone(customerId, deviceId).flatMap(row -> {
            Optional<VendorFiles> vendor = VENDORS.stream().filter(v -> v.family().equals(row.family())).findFirst();
            if (vendor.isEmpty()) {
                return Optional.empty();
            }
            String key = lines.findSip(customerId).map(CustomerSip::provisioningKey).orElse("…");
            String file = vendor.get().mainFile(row.mac());
            VendorFiles.FileRequest request = vendor.get().parse(file).orElseThrow();
            return Optional.of(vendor.get().render(request, setup(row, settings.urlFor(key), false)).body());
        });
    }

    /** The name of the device's main file, for its page. */
    public Optional<String> mainFile(String family, MacAddress mac) {
        return VENDORS.stream().filter(v -> v.family().equals(family)).findFirst().map(v -> v.mainFile(mac));
    }

    static final String MASK = "********";

    private PhoneSetup setup(ProvisioningRepository.PhoneRow row, String filesUrl, boolean withPassword) {
        PhoneSetup.Account account = null;
        if (row.lineId() != null) {
            account = new PhoneSetup.Account(row.username(), withPassword ? cipher.decrypt(row.passwordEnc()) : MASK,
                    row.domain(), row.displayName(), row.extension(), row.number());
        }
        return new PhoneSetup(row.mac(), row.model(), row.language(), row.country(), row.zone(), settings.ntpServer(),
                settings.sipHost(), settings.sipPort(), settings.sipTransport(), filesUrl, account);
    }

    private Answer miss(String address) {
        Optional<Long> retryAfter = throttle.miss(address);
        return retryAfter.map(Answer::throttled).orElse(Answer.notFound());
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
