package com.switchboard.provisioning;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.switchboard.customer.Customers;
import com.switchboard.device.DeviceId;
import com.switchboard.device.MacAddress;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.rules.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A customer's provisioning as the administrator sees it: the URLs per vendor, the key, the latest fetches. */
@Service
public class Provisioning {

    static final int MAX_FETCHES = 200;

    private final Lines lines;
    private final ProvisioningRepository repository;
    private final ProviderSettings settings;
    private final FetchLog log;
    private final PhoneFiles files;
    private final Customers customers;

    Provisioning(Lines lines, ProvisioningRepository repository, ProviderSettings settings, FetchLog log, PhoneFiles files,
                 Customers customers) {
        this.lines = lines;
        this.repository = repository;
        this.settings = settings;
        this.log = log;
        this.files = files;
        this.customers = customers;
    }

    /** The URL each vendor's phones are given, by provisioning family, and when the key was made. */
    public record Urls(String baseUrl, Map<String, String> urls, Instant keyCreatedAt) {
    }

    /** One fetch; {@code deviceId} null for a phone not in the inventory. */
    public record Fetch(long id, Instant at, String address, String userAgent, MacAddress macAddress, String file, int status,
                        Long deviceId, String modelGuess) {
    }

    @Transactional
    public Urls urls(CustomerId customerId) {
        customers.get(customerId);
        return urls(lines.sipOf(customerId));
    }

    @Transactional
    public Urls rotateKey(CustomerId customerId) {
        customers.get(customerId);
        return urls(lines.rotateKey(customerId));
    }

    private Urls urls(CustomerSip sip) {
        String url = settings.urlFor(sip.provisioningKey());
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("yealink", url);
        urls.put("poly", url);
        // Cisco's profile rule names the file ($MA: the phone's MAC); Snom's setting server too ({mac}).
        urls.put("cisco-mpp", url + "$MA.xml");
        urls.put("grandstream", url);
        urls.put("snom", url + "{mac}.xml");
        return new Urls(settings.provisioningBaseUrl().toString(), urls, sip.keyCreatedAt());
    }

    /** Not in a transaction: the queued fetches are written first, so that the list includes them. */
    public List<Fetch> fetches(CustomerId customerId, boolean unknownOnly) {
        customers.get(customerId);
        log.flush();
        return repository.fetches(customerId, unknownOnly, MAX_FETCHES).stream()
                .map(f -> new Fetch(f.id(), f.at(), f.address(), f.userAgent(), f.mac() == null ? null : MacAddress.parse(f.mac()),
                        f.file(), f.status(), f.deviceId(), UserAgents.model(f.userAgent()).orElse(null)))
                .toList();
    }

    /** The device's main file as its phone gets it, password masked; empty for a model with no files. */
    @Transactional(readOnly = true)
    public Optional<String> configuration(CustomerId customerId, DeviceId deviceId) {
        Optional<String> configuration = files.maskedConfiguration(customerId, deviceId);
        if (configuration.isEmpty() && repository.phone(customerId, deviceId).isEmpty()) {
            throw new NotFound("device.not-found");
        }
        return configuration;
    }

    @Transactional(readOnly = true)
    public Optional<DeviceProvisioningExtensions.LastContact> lastContact(CustomerId customerId, DeviceId deviceId) {
        return Optional.ofNullable(repository.lastContacts(customerId, List.of(deviceId)).get(deviceId));
    }

    /** Never contacted, configured, or stale (no fetch for the configured number of days). */
    public DeviceProvisioningExtensions.ProvisioningStatus status(CustomerId customerId, DeviceId deviceId) {
        return lastContact(customerId, deviceId)
                .map(c -> c.at().isBefore(Instant.now().minus(java.time.Duration.ofDays(settings.staleDays())))
                        ? DeviceProvisioningExtensions.ProvisioningStatus.STALE : DeviceProvisioningExtensions.ProvisioningStatus.CONFIGURED)
                .orElse(DeviceProvisioningExtensions.ProvisioningStatus.NEVER_CONTACTED);
    }
}
