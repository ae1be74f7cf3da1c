package com.switchboard.catalog;

import java.util.List;

import com.switchboard.rules.Conflict;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.CustomerScope;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The device-model catalogue: read by everyone, changed only by a provider admin. */
@Service
public class Catalogue {

    private final CatalogueRepository repository;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    Catalogue(CatalogueRepository repository, CustomerScope scope, ApplicationEventPublisher events) {
        this.repository = repository;
        this.scope = scope;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<DeviceModel> all() {
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public DeviceModel get(DeviceModelId id) {
        return repository.find(id).orElseThrow(() -> new NotFound("catalog.model.not-found"));
    }

    /** The models offered in a country: active, and sold there. */
    @Transactional(readOnly = true)
    public List<DeviceModel> availableIn(String country) {
        return repository.findAvailableIn(country);
    }

    /** False when the catalogue knows the manufacturer's prefixes and none of them starts this MAC. */
    @Transactional(readOnly = true)
    public boolean prefixMatchesManufacturer(DeviceModelId modelId, String canonicalMac) {
        return repository.prefixMatchesManufacturer(modelId, canonicalMac);
    }

    @Transactional
    public DeviceModel add(ModelDetails details) {
        scope.requireProvider();
        try {
            DeviceModelId id = repository.insert(details);
            events.publishEvent(new DeviceModelAdded(id, details.manufacturer() + " " + details.model(), scope.actor()));
            return get(id);
        } catch (CatalogueRepository.ModelExists e) {
            throw Conflict.field("model", "catalog.model.exists");
        }
    }

    @Transactional
    public DeviceModel change(DeviceModelId id, ModelDetails details) {
        scope.requireProvider();
        get(id);
        try {
            repository.update(id, details);
        } catch (CatalogueRepository.ModelExists e) {
            throw Conflict.field("model", "catalog.model.exists");
        }
        events.publishEvent(new DeviceModelChanged(id, details.manufacturer() + " " + details.model(), scope.actor()));
        return get(id);
    }
}
