package com.switchboard.device;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.catalog.DeviceModelId;
import com.switchboard.customer.Customers;
import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.MalformedInput;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.Refused;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.user.UserId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A customer's inventory of phones: add, find, remove. */
@Service
public class DeviceInventory {

    /** The longest label, by hand or by import. */
    public static final int MAX_LABEL = 100;
    /** A selection is a page at most. */
    static final int MAX_REMOVE = DeviceQuery.MAX_SIZE;

    private final DeviceRepository repository;
    private final Sites sites;
    private final Catalogue catalogue;
    private final Customers customers;
    private final CustomerScope scope;
    private final ApplicationEventPublisher events;

    DeviceInventory(DeviceRepository repository, Sites sites, Catalogue catalogue, Customers customers,
                    CustomerScope scope, ApplicationEventPublisher events) {
        this.repository = repository;
        this.sites = sites;
        this.catalogue = catalogue;
        this.customers = customers;
        this.scope = scope;
        this.events = events;
    }

    /**
     * Adds one device. Every problem of the form is reported at once; a MAC held by another
     * customer is only said to be registered. A prefix that is not the manufacturer's is a warning.
     */
    @Transactional
    public DeviceView add(AddDevice command) {
        Checked checked = validate(command);
        CurrentAdmin admin = scope.currentIfAny().orElse(null);
        Optional<DeviceId> added = repository.insertIfNew(command.customerId(), checked.site().id(), checked.model().id(),
                checked.mac(), checked.label(), admin == null ? null : admin.id());
        if (added.isEmpty()) {
            throw duplicate(command.customerId(), checked.mac());
        }
        events.publishEvent(new DeviceAdded(command.customerId(), added.get(), checked.site().id(), checked.mac(),
                scope.actor(), checked.model().displayName(), checked.site().name()));
        return withWarnings(repository.find(command.customerId(), added.get()).orElseThrow());
    }

    /**
     * Adds a batch of an import's devices with {@code COPY}, inside the import's one transaction, and
     * announces them ({@link DevicesImported}: the audit log writes a row for each). The import has
     * checked every row against the same rules as {@link #add(AddDevice)} (the catalogue's availability,
     * {@link #MAX_LABEL}, {@link MacAddress}); a MAC registered meanwhile by someone else breaks the unique
     * index and rolls the whole import back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addImported(CustomerId customerId, long importId, String fileName, Actor actor, List<NewDevice> devices) {
        addImported(customerId, importId, fileName, actor, devices, null);
    }

    /**
     * Adds an import's new devices already given to their users (the user import's new phones): the same
     * {@code COPY} with each device's holder in it, then {@link DevicesImported} and {@link DevicesAssigned}, as if
     * each had been added and then assigned (audit rows, SIP lines).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void addImportedAssigned(CustomerId customerId, long importId, String fileName, Actor actor,
                                    List<HeldDevice> devices) {
        if (devices.isEmpty()) {
            return;
        }
        List<DeviceId> ids = addImported(customerId, importId, fileName, actor,
                devices.stream().map(HeldDevice::device).toList(), devices.stream().map(HeldDevice::userId).toList());
        List<DeviceAssigned> assigned = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            HeldDevice held = devices.get(i);
            assigned.add(new DeviceAssigned(customerId, ids.get(i), held.device().macAddress(), held.userId(), actor,
                    held.userName()));
        }
        events.publishEvent(new DevicesAssigned(customerId, importId, assigned, actor));
    }

    private List<DeviceId> addImported(CustomerId customerId, long importId, String fileName, Actor actor,
                                       List<NewDevice> devices, List<UserId> holders) {
        if (devices.isEmpty()) {
            return List.of();
        }
        List<DeviceId> ids = repository.copy(customerId, actor.adminId(), devices, holders);
        Map<SiteId, String> siteNames = sites.of(customerId).stream().collect(Collectors.toMap(Site::id, Site::name));
        Map<DeviceModelId, String> modelNames = new HashMap<>();
        catalogue.all().forEach(model -> modelNames.put(model.id(), model.displayName()));
        List<DeviceAdded> added = new ArrayList<>(devices.size());
        for (int i = 0; i < devices.size(); i++) {
            NewDevice d = devices.get(i);
            added.add(new DeviceAdded(customerId, ids.get(i), d.siteId(), d.macAddress(), actor,
                    modelNames.get(d.modelId()), siteNames.get(d.siteId())));
        }
        events.publishEvent(new DevicesImported(customerId, importId, fileName, added, actor));
        return ids;
    }

    /**
     * The checks of {@link #add(AddDevice)} without adding, so that a wizard can say at its device step
     * that a MAC is already registered; the add itself checks again.
     */
    @Transactional(readOnly = true)
    public void check(AddDevice command) {
        Checked checked = validate(command);
        if (repository.findByMac(checked.mac()).isPresent()) {
            throw duplicate(command.customerId(), checked.mac());
        }
    }

    private record Checked(Site site, DeviceModel model, MacAddress mac, String label) {
    }

    private Checked validate(AddDevice command) {
        customers.get(command.customerId());
        List<FieldProblem> problems = new ArrayList<>();
        Site site = null;
        if (command.siteId() == null) {
            problems.add(new FieldProblem("siteId", "validation.required"));
        } else {
            try {
                site = sites.get(command.customerId(), command.siteId());
            } catch (DomainException e) {
                throw NotFound.field("siteId", "site.not-found");
            }
        }
        DeviceModel model = null;
        if (command.modelId() == null) {
            problems.add(new FieldProblem("modelId", "validation.required"));
        } else {
            try {
                model = catalogue.get(command.modelId());
                if (site != null && !model.availableIn(site.country())) {
                    problems.add(new FieldProblem("modelId", "device.model.not-available", model.displayName(), site.name()));
                }
            } catch (DomainException e) {
                problems.add(new FieldProblem("modelId", "catalog.model.not-found"));
            }
        }
        Optional<MacAddress.Rule> broken = MacAddress.check(command.macAddress());
        broken.ifPresent(rule -> problems.add(new FieldProblem("macAddress", rule.code())));
        String label = command.label() == null || command.label().isBlank() ? null : command.label().strip();
        if (label != null && label.length() > MAX_LABEL) {
            problems.add(new FieldProblem("label", "validation.too-long", MAX_LABEL));
        }
        if (!problems.isEmpty()) {
            throw new Refused("request.invalid", problems);
        }
        return new Checked(site, model, MacAddress.parse(command.macAddress()), label);
    }

    private DomainException duplicate(CustomerId customerId, MacAddress mac) {
        Optional<DeviceView> holder = repository.findByMac(mac);
        if (holder.isPresent() && holder.get().customerId().equals(customerId)) {
            return Conflict.field("macAddress", "device.mac.in-inventory",
                    mac.display(), holder.get().siteName());
        }
        return Conflict.field("macAddress", "device.mac.duplicate", mac.display());
    }

    @Transactional(readOnly = true)
    public DeviceView get(CustomerId customerId, DeviceId id) {
        return repository.find(customerId, id).map(this::withWarnings)
                .orElseThrow(() -> new NotFound("device.not-found"));
    }

    @Transactional(readOnly = true)
    public DevicePage search(CustomerId customerId, DeviceQuery query) {
        customers.get(customerId);
        DeviceRepository.Page page = repository.search(customerId, query);
        return new DevicePage(page.items(), query.page(), query.size(), page.total(), page.totalCapped());
    }

    /**
     * Changes the label and/or moves the device to another site of the customer. A move needs the
     * model to be sold in the new site's country, and the device to be free: a phone given to
     * someone follows that person, not the other way round.
     */
    @Transactional
    public DeviceView change(CustomerId customerId, DeviceId id, ChangeDevice command) {
        apply(customerId, id, command, scope.actor());
        return get(customerId, id);
    }

    /**
     * The rows of an "add and update" import that change devices already in the inventory, in the
     * import's transaction, on behalf of the admin who uploaded the file: each change under the same
     * rules as {@link #change} (audited as a relabel or a move), so that one refused rolls it all back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeImported(CustomerId customerId, Actor actor, Map<MacAddress, ChangeDevice> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Map<MacAddress, DeviceId> ids = repository.idsByMac(customerId, List.copyOf(changes.keySet()));
        changes.forEach((mac, command) -> {
            DeviceId id = ids.get(mac);
            if (id == null) {
                throw new NotFound("device.not-found");
            }
            apply(customerId, id, command, actor);
        });
    }

    private void apply(CustomerId customerId, DeviceId id, ChangeDevice command, Actor actor) {
        DeviceView device = get(customerId, id);
        String label = null;
        if (command.changeLabel()) {
            label = command.label() == null || command.label().isBlank() ? null : command.label().strip();
            if (label != null && label.length() > MAX_LABEL) {
                throw Refused.field("label", "validation.too-long", MAX_LABEL);
            }
        }
        Site target = null;
        if (command.siteId() != null && !command.siteId().equals(device.siteId())) {
            try {
                target = sites.get(customerId, command.siteId());
            } catch (DomainException e) {
                throw NotFound.field("siteId", "site.not-found");
            }
            DeviceModel model = catalogue.get(device.modelId());
            // Sold there is enough: an end-of-sale model already in service may still move.
            if (!model.countries().contains(target.country())) {
                throw Refused.field("siteId", "device.move.model-not-available",
                        model.displayName(), target.name());
            }
            if (device.assignedUserId() != null) {
                throw Conflict.field("siteId", "device.move.assigned",
                        device.macAddress().display(), target.name());
            }
        }
        if (command.changeLabel() && !Objects.equals(label, device.label())) {
            repository.updateLabel(customerId, id, label);
            events.publishEvent(new DeviceRelabelled(customerId, id, device.macAddress(), device.label(), label,
                    actor));
        }
        if (target != null) {
            repository.updateSite(customerId, id, target.id());
            events.publishEvent(new DeviceMoved(customerId, id, device.macAddress(), device.siteId(), target.id(),
                    actor, device.siteName(), target.name()));
        }
    }

    @Transactional
    public void remove(CustomerId customerId, DeviceId id) {
        removeAll(customerId, List.of(id));
    }

    /**
     * Removes these devices, all or none: an id that is not one of the customer's devices makes
     * the whole request "not found", so a stale selection never removes half of what was asked.
     */
    @Transactional
    public List<DeviceView> removeAll(CustomerId customerId, Collection<DeviceId> ids) {
        List<DeviceView> devices = devicesToRemove(customerId, ids);
        Actor actor = scope.actor();
        repository.deleteAll(customerId, devices.stream().map(d -> d.id().value()).toList());
        for (DeviceView device : devices) {
            events.publishEvent(new DeviceRemoved(customerId, device.id(), device.macAddress(),
                    device.assignedUserId() == null ? null : new UserId(device.assignedUserId()), actor,
                    device.modelDisplayName()));
        }
        return devices;
    }

    /** The devices a removal would take away, for its confirmation; unknown or foreign ids answer "not found". */
    @Transactional(readOnly = true)
    public List<DeviceView> devicesToRemove(CustomerId customerId, Collection<DeviceId> ids) {
        Set<Long> wanted = ids.stream().map(DeviceId::value).collect(Collectors.toCollection(LinkedHashSet::new));
        if (wanted.isEmpty()) {
            throw MalformedInput.field("ids", "device.remove.none");
        }
        if (wanted.size() > MAX_REMOVE) {
            throw MalformedInput.field("ids", "device.remove.too-many", MAX_REMOVE);
        }
        List<DeviceView> found = repository.findAll(customerId, wanted);
        if (found.size() != wanted.size()) {
            throw new NotFound("device.not-found");
        }
        return found;
    }

    /** Hands every device of the search to {@code each}, in the search's order, without holding them all. */
    @Transactional(readOnly = true)
    public void forEach(CustomerId customerId, DeviceQuery query, Consumer<DeviceView> each) {
        customers.get(customerId);
        repository.forEach(customerId, query, each);
    }

    /**
     * Gives the device to a user of its site. Giving it again to its holder changes nothing.
     *
     * @throws DomainException "device.assigned" (held by someone else, concurrent takers included) or
     *                         "assignment.site-mismatch"
     */
    @Transactional
    public DeviceView assign(CustomerId customerId, DeviceId id, UserId userId, SiteId userSite, String userName) {
        DeviceView device = get(customerId, id);
        if (device.assignedUserId() != null && device.assignedUserId() == userId.value()) {
            return device;
        }
        checkSite(device, userSite);
        if (!repository.assignIfFree(customerId, id, userId, userSite)) {
            throw Conflict.field("deviceId", "device.assigned", device.macAddress().display());
        }
        events.publishEvent(new DeviceAssigned(customerId, id, device.macAddress(), userId, scope.actor(), userName));
        return get(customerId, id);
    }

    /**
     * The checks of {@link #assign} without assigning, so that a wizard can say at its device step that a
     * device does not fit its user; the assignment itself checks again.
     */
    @Transactional(readOnly = true)
    public DeviceView checkAssignable(CustomerId customerId, DeviceId id, SiteId userSite) {
        DeviceView device = get(customerId, id);
        checkSite(device, userSite);
        if (device.assignedUserId() != null) {
            throw Conflict.field("deviceId", "device.assigned", device.macAddress().display());
        }
        return device;
    }

    private static void checkSite(DeviceView device, SiteId userSite) {
        if (!device.siteId().equals(userSite)) {
            throw Refused.field("deviceId", "assignment.site-mismatch",
                    device.macAddress().display(), device.siteName());
        }
    }

    /**
     * Gives many devices to their users at once (an import's rows, checked already): one statement, one
     * {@link DevicesAssigned} (the SIP lines follow it). All or none: a device taken meanwhile, or not at its
     * user's site, refuses the lot.
     *
     * @throws DomainException "device.assigned" when any of them is no longer free
     */
    @Transactional
    public void assignImported(CustomerId customerId, long importId, Actor actor, List<DeviceAssignment> assignments) {
        if (assignments.isEmpty()) {
            return;
        }
        Map<Long, MacAddress> taken = repository.assignAllIfFree(customerId, assignments);
        if (taken.size() != assignments.size()) {
            throw new Conflict("device.assigned", assignments.stream().filter(a -> !taken.containsKey(a.deviceId().value()))
                    .findFirst().map(a -> String.valueOf(a.deviceId().value())).orElse("?"));
        }
        events.publishEvent(new DevicesAssigned(customerId, importId, assignments.stream().map(a -> new DeviceAssigned(
                customerId, a.deviceId(), taken.get(a.deviceId().value()), a.userId(), actor, a.userName())).toList(), actor));
    }

    @Transactional
    public DeviceView unassign(CustomerId customerId, DeviceId id) {
        DeviceView device = get(customerId, id);
        if (device.assignedUserId() == null) {
            return device;
        }
        repository.free(customerId, id);
        events.publishEvent(new DeviceUnassigned(customerId, id, device.macAddress(), new UserId(device.assignedUserId()),
                scope.actor()));
        return get(customerId, id);
    }

    /** Frees every device of a user that is about to go. */
    @Transactional
    public int freeAllOf(CustomerId customerId, UserId userId) {
        List<DeviceView> held = repository.ofUser(customerId, userId);
        Actor actor = scope.actor();
        int freed = repository.freeAllOf(customerId, userId);
        for (DeviceView device : held) {
            events.publishEvent(new DeviceUnassigned(customerId, device.id(), device.macAddress(), userId, actor));
        }
        return freed;
    }

    /**
     * Phones fetched their configuration: each one's last contact (time, address, user agent) is kept,
     * at most once a minute per device; written in one transaction (the provisioning server batches them).
     */
    @Transactional
    public void recordContacts(List<DeviceContact> contacts) {
        for (DeviceContact contact : contacts) {
            repository.recordContact(contact.deviceId(), contact.address(), contact.userAgent());
        }
    }

    @Transactional(readOnly = true)
    public List<DeviceView> ofUser(CustomerId customerId, UserId userId) {
        return repository.ofUser(customerId, userId).stream().map(this::withWarnings).toList();
    }

    @Transactional(readOnly = true)
    public List<DeviceView> unassignedAt(CustomerId customerId, SiteId siteId) {
        return repository.unassignedAt(customerId, sites.get(customerId, siteId).id());
    }

    /** The models that can be added at a site: the form's model list follows the chosen site. */
    @Transactional(readOnly = true)
    public List<DeviceModel> modelsAt(CustomerId customerId, SiteId siteId) {
        return catalogue.availableIn(sites.get(customerId, siteId).country());
    }

    private DeviceView withWarnings(DeviceView device) {
        if (catalogue.prefixMatchesManufacturer(device.modelId(), device.macAddress().value())) {
            return device;
        }
        return device.withWarnings(List.of(new DeviceView.Warning("device.mac.foreign-prefix",
                device.macAddress().display(), device.modelDisplayName())));
    }

    /** One page of a search. */
    public record DevicePage(List<DeviceView> items, int page, int size, long totalItems, boolean totalCapped) {

        public boolean hasNext() {
            return totalCapped || (long) (page + 1) * size < totalItems;
        }

        public long lastPage() {
            return totalItems == 0 ? 0 : (totalItems - 1) / size;
        }
    }

    /** The customer's devices, assigned and not, for the dashboard. */
    @Transactional(readOnly = true)
    public Counts counts(CustomerId customerId) {
        return repository.counts(customerId);
    }

    /** The customer's most common models, most devices first. */
    @Transactional(readOnly = true)
    public List<ModelCount> countByModel(CustomerId customerId, int limit) {
        return repository.countByModel(customerId).entrySet().stream()
                .map(e -> new ModelCount(catalogue.get(e.getKey()).displayName(), e.getValue()))
                .sorted(Comparator.comparingLong(ModelCount::count).reversed().thenComparing(ModelCount::model))
                .limit(limit).toList();
    }

    public record Counts(long assigned, long unassigned) {
    }

    public record ModelCount(String model, long count) {
    }
}
