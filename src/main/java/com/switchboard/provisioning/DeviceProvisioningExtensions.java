package com.switchboard.provisioning;

import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.switchboard.device.DeviceExtension;
import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What provisioning adds to each device in the API and on the pages: its {@code line} (never a
 * password), its {@code lastContact} and its {@code provisioningStatus}, filterable as
 * {@code provisioningStatus=NEVER_CONTACTED|CONFIGURED|STALE}.
 */
@Configuration(proxyBeanMethods = false)
class DeviceProvisioningExtensions {

    /** A device's line as the API shows it; {@code number} is the user's first number, or null. */
    public record LineBody(String username, String domain, String extension, String number) {
    }

    public record LastContact(Instant at, String address, String userAgent) {
    }

    /** Never contacted; configured (fetched within the stale days); stale (no fetch for longer). */
    public enum ProvisioningStatus { NEVER_CONTACTED, CONFIGURED, STALE }

    @Bean
    DeviceExtension lineExtension(ProvisioningRepository repository) {
        return new DeviceExtension() {
            @Override
            public String name() {
                return "line";
            }

            @Override
            public Map<DeviceId, ?> of(CustomerId customerId, Collection<DeviceId> devices) {
                return repository.lines(customerId, devices);
            }
        };
    }

    @Bean
    DeviceExtension lastContactExtension(ProvisioningRepository repository) {
        return new DeviceExtension() {
            @Override
            public String name() {
                return "lastContact";
            }

            @Override
            public Map<DeviceId, ?> of(CustomerId customerId, Collection<DeviceId> devices) {
                return repository.lastContacts(customerId, devices);
            }
        };
    }

    @Bean
    DeviceExtension provisioningStatusExtension(ProvisioningRepository repository, ProviderSettings settings) {
        return new DeviceExtension() {
            @Override
            public String name() {
                return "provisioningStatus";
            }

            @Override
            public Map<DeviceId, ?> of(CustomerId customerId, Collection<DeviceId> devices) {
                Instant staleBefore = Instant.now().minus(java.time.Duration.ofDays(settings.staleDays()));
                Map<DeviceId, LastContact> contacts = repository.lastContacts(customerId, devices);
                Map<DeviceId, ProvisioningStatus> statuses = new java.util.LinkedHashMap<>();
                for (DeviceId id : devices) {
                    LastContact contact = contacts.get(id);
                    statuses.put(id, contact == null ? ProvisioningStatus.NEVER_CONTACTED
                            : contact.at().isBefore(staleBefore) ? ProvisioningStatus.STALE : ProvisioningStatus.CONFIGURED);
                }
                return statuses;
            }

            @Override
            public Optional<String> filterName() {
                return Optional.of("provisioningStatus");
            }

            @Override
            public Optional<Condition> condition(String value) {
                Map<String, Object> days = Map.of("provisioningStatusDays", settings.staleDays());
                return switch (value.toUpperCase(Locale.ROOT)) {
                    case "NEVER_CONTACTED" -> Optional.of(new Condition("d.last_fetch_at is null", Map.of()));
                    case "CONFIGURED" -> Optional.of(new Condition(
                            "d.last_fetch_at >= now() - make_interval(days => :provisioningStatusDays)", days));
                    case "STALE" -> Optional.of(new Condition(
                            "d.last_fetch_at < now() - make_interval(days => :provisioningStatusDays)", days));
                    default -> Optional.empty();
                };
            }
        };
    }
}
