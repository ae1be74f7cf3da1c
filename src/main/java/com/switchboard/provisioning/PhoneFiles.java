package com.switchboard.provisioning;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import com.switchboard.database.SecretCipher;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.MacAddress;
import com.switchboard.tenancy.CustomerId;
import org.springframework.stereotype.Service;

/**
 * Serves the files phones fetch. Every miss (an unknown key, an unknown MAC, another customer's
 * MAC, a name of another vendor's family, a removed device) is the same {@link Answer#notFound()}, and
 * an address that misses too often is throttled: its misses are counted in the database, so every
 * server of the platform shares the count.
 */
@Service
public class PhoneFiles {

    /** Every vendor, in the order a file name is tried. */
    static final List<VendorFiles> VENDORS = List.of(new YealinkFiles(), new PolyFiles(), new CiscoMppFiles(),
            new GrandstreamFiles(), new SnomFiles());

    private final LineRepository lines;
    private final ProvisioningRepository repository;
    private final SecretCipher cipher;
    private final ProviderSettings settings;
    private final DeviceInventory inventory;
    private final FetchLog log;
    private final MissThrottle throttle;
    private final CustomerKeys keys;

    PhoneFiles(LineRepository lines, ProvisioningRepository repository, SecretCipher cipher, ProviderSettings settings,
               DeviceInventory inventory, FetchLog log, MissThrottle throttle, CustomerKeys keys) {
        this.lines = lines;
        this.repository = repository;
        this.cipher = cipher;
        this.settings = settings;
        this.inventory = inventory;
        this.log = log;
        this.throttle = throttle;
        this.keys = keys;
    }

    /** What the endpoint answers: a status, and a file or the one body of every miss. */
    public record Answer(int status, String contentType, String body, String etag, long retryAfterSeconds) {

        static final String NOT_FOUND_BODY = "Not found\n";

        static Answer notFound() {
            return new Answer(404, "text/plain; charset=UTF-8", NOT_FOUND_BODY, null, 0);
        }

        static Answer throttled(long seconds) {
            return new Answer(429, "text/plain; charset=UTF-8", "Too many requests\n", null, seconds);
        }

        static Answer file(VendorFiles.PhoneFile file) {
            return new Answer(200, file.contentType(), file.body(), PhoneFiles.etag(file.body()), 0);
        }
    }

    /**
     * The file {@code fileName} for the phones given {@code customerKey}, asked from {@code address}.
     * Not transactional: each statement stands alone, so a fetch holds no connection while it renders.
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
        String filesUrl = settings.urlFor(customerKey);
        MacAddress asked = null;
        for (VendorFiles vendor : VENDORS) {
            Optional<VendorFiles.FileRequest> request = vendor.parse(fileName);
            if (request.isEmpty()) {
                continue;
            }
            if (request.get().mac() == null) {
                Answer answer = Answer.file(vendor.renderShared(request.get(), filesUrl));
                log.add(new FetchLog.Entry(customerId, address, userAgent, null, fileName, 200, null));
                return answer;
            }
            asked = request.get().mac();
            Optional<ProvisioningRepository.PhoneRow> phone = repository.phone(customerId, asked);
            if (phone.isPresent() && phone.get().family().equals(vendor.family())) {
                ProvisioningRepository.PhoneRow row = phone.get();
                Answer answer = Answer.file(vendor.render(request.get(), setup(row, filesUrl, true)));
                // The device keeps its last contact once a minute: within the minute, not even an UPDATE is tried.
                if (row.lastFetchAt() == null || row.lastFetchAt().isBefore(Instant.now().minusSeconds(60))) {
                    inventory.recordContact(row.deviceId(), address, userAgent);
                }
                log.add(new FetchLog.Entry(customerId, address, userAgent, asked, fileName, 200, row.deviceId()));
                return answer;
            }
        }
        if (asked != null) {
            // A phone that is not (or not as this vendor) in the inventory: logged for "Add device", and a miss.
            log.add(new FetchLog.Entry(customerId, address, userAgent, asked, fileName, 404, null));
            return miss(address);
        }
        // A valid key and a name of no phone (firmware, logs, a vendor's optional files): 404, not counted.
        return Answer.notFound();
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
        throttle.count(address);
        return Answer.notFound();
    }

    private static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
