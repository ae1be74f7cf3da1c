package com.switchboard.device;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.switchboard.rules.MalformedInput;
import com.switchboard.tenancy.CustomerId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The {@link DeviceExtension}s of the other modules, as the list, the API and the pages use them. */
@Component
class DeviceExtensions {

    private final ObjectProvider<DeviceExtension> extensions;

    DeviceExtensions(ObjectProvider<DeviceExtension> extensions) {
        this.extensions = extensions;
    }

    /** The extension filters among a request's parameters (registered=true, …), blank values left out. */
    Map<String, String> filtersIn(Map<String, String> parameters) {
        Map<String, String> filters = new LinkedHashMap<>();
        extensions.orderedStream().forEach(e -> e.filterName().ifPresent(name -> {
            String value = parameters.get(name);
            if (value != null && !value.isBlank()) {
                filters.put(name, value.strip());
            }
        }));
        return filters;
    }

    /** The same, without the values no extension understands: an edited bookmark still opens the list. */
    Map<String, String> knownFiltersIn(Map<String, String> parameters) {
        Map<String, String> filters = filtersIn(parameters);
        filters.entrySet().removeIf(f -> extensions.orderedStream()
                .filter(e -> e.filterName().filter(f.getKey()::equals).isPresent())
                .findFirst().flatMap(e -> e.condition(f.getValue())).isEmpty());
        return filters;
    }

    /** The filter's SQL condition; a value it does not know is refused as an invalid parameter. */
    DeviceExtension.Condition condition(String name, String value) {
        return extensions.orderedStream()
                .filter(e -> e.filterName().filter(name::equals).isPresent()).findFirst()
                .flatMap(e -> e.condition(value))
                .orElseThrow(() -> MalformedInput.field(name, "request.parameter.invalid"));
    }

    /** Each device's extension values by extension name (a missing value is null). */
    Map<DeviceId, Map<String, Object>> valuesFor(CustomerId customerId, Collection<DeviceView> devices) {
        List<DeviceId> ids = devices.stream().map(DeviceView::id).toList();
        Map<DeviceId, Map<String, Object>> values = new LinkedHashMap<>();
        ids.forEach(id -> values.put(id, new LinkedHashMap<>()));
        extensions.orderedStream().forEach(extension -> {
            Map<DeviceId, ?> found = ids.isEmpty() ? Map.of() : extension.of(customerId, ids);
            ids.forEach(id -> values.get(id).put(extension.name(), found.get(id)));
        });
        return values;
    }

    Optional<DeviceExtension> named(String name) {
        return extensions.orderedStream().filter(e -> e.name().equals(name)).findFirst();
    }
}
