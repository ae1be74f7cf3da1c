package com.switchboard.registrar;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import com.switchboard.device.DeviceExtension;
import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import org.springframework.stereotype.Component;

/** Each device's {@code registration} in the API and on the pages, and the list's {@code registered=} filter. */
@Component
class RegistrationExtension implements DeviceExtension {

    /** A device is registered while a contact of its line has not expired (Kamailio writes UTC without a zone). */
    private static final String REGISTERED = """
            exists (select 1 from line rl
                    join kamailio.location loc on loc.username = rl.username and loc.domain = rl.domain
                    where rl.device_id = d.id and loc.expires > (now() at time zone 'UTC'))""";

    private final Registrar registrar;

    RegistrationExtension(Registrar registrar) {
        this.registrar = registrar;
    }

    @Override
    public String name() {
        return "registration";
    }

    @Override
    public Map<DeviceId, ?> of(CustomerId customerId, Collection<DeviceId> devices) {
        return registrar.registrations(devices);
    }

    @Override
    public Optional<String> filterName() {
        return Optional.of("registered");
    }

    @Override
    public Optional<Condition> condition(String value) {
        return switch (value.toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> Optional.of(new Condition(REGISTERED, Map.of()));
            case "false" -> Optional.of(new Condition("not " + REGISTERED, Map.of()));
            default -> Optional.empty();
        };
    }
}
