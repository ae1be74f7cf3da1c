package com.switchboard.device;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.audit.AuditEvents;
import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.catalog.DeviceModelId;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.FormErrors;
import com.switchboard.web.Option;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DevicePagesController {

    /** The device page shows the latest changes; the audit page has them all. */
    private static final int HISTORY = 50;

    private final DeviceInventory inventory;
    private final DeviceExport export;
    private final Sites sites;
    private final Catalogue catalogue;
    private final AuditEvents auditEvents;
    private final MessageSource messages;
    private final DeviceExtensions extensions;

    DevicePagesController(DeviceInventory inventory, DeviceExport export, Sites sites, Catalogue catalogue,
                          AuditEvents auditEvents, MessageSource messages, DeviceExtensions extensions) {
        this.inventory = inventory;
        this.export = export;
        this.sites = sites;
        this.catalogue = catalogue;
        this.auditEvents = auditEvents;
        this.messages = messages;
        this.extensions = extensions;
    }

    /**
     * The list. Its address holds the whole search, so a reload or a shared link shows the same;
     * htmx asks for the results fragment only, as the administrator types.
     */
    @GetMapping("/devices")
    String list(@ModelAttribute("filter") DeviceListForm filter, BindingResult ignoredBadValues,
                @RequestHeader(value = "HX-Request", required = false) String htmx,
                @RequestHeader(value = "HX-History-Restore-Request", required = false) String restore,
                @RequestParam Map<String, String> parameters, @Acting CustomerId customer, Model model) {
        DeviceQuery query = filter.toQuery().withExtensionFilters(extensions.knownFiltersIn(parameters));
        DeviceInventory.DevicePage result = inventory.search(customer, query);
        model.addAttribute("result", result);
        // Other modules' data per device (its registration, …), and whether the registrar's column is there.
        model.addAttribute("extra", extensions.valuesFor(customer, result.items()));
        model.addAttribute("registrationShown", extensions.named("registration").isPresent());
        model.addAttribute("provisioningShown", extensions.named("provisioningStatus").isPresent());
        model.addAttribute("query", query);
        model.addAttribute("statuses", DeviceStatus.values());
        model.addAttribute("links", new DeviceListLinks(query));
        List<Site> all = sites.of(customer);
        model.addAttribute("hasSites", !all.isEmpty());
        model.addAttribute("sites", siteOptions(all));
        model.addAttribute("models", catalogue.all().stream()
                .map(m -> new Option(Long.toString(m.id().value()), m.displayName()))
                .sorted(Comparator.comparing(Option::label)).toList());
        model.addAttribute("sizes", DeviceListForm.SIZES);
        // A history restore that missed htmx's cache needs the whole page, not the fragment.
        return htmx != null && restore == null ? "device/list :: results" : "device/list";
    }

    @GetMapping("/devices/export.csv")
    void export(@ModelAttribute("filter") DeviceListForm filter, BindingResult ignoredBadValues, @Acting CustomerId customer,
                Locale locale, HttpServletResponse response) throws IOException {
        DeviceCsvApiController.send(export, customer, filter.toQuery(), locale, response);
    }

    @GetMapping("/devices/{deviceId}")
    String show(@PathVariable long deviceId, @Acting CustomerId customer, Model model) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        model.addAttribute("device", device);
        model.addAttribute("history", auditEvents.history(customer, "device", device.id().toString(), HISTORY));
        return "device/show";
    }

    @GetMapping("/devices/{deviceId}/edit")
    String initUpdateForm(@PathVariable long deviceId, @Acting CustomerId customer, Model model) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        DeviceEditForm form = new DeviceEditForm();
        form.setLabel(device.label());
        form.setSiteId(device.siteId().value());
        return editForm(customer, device, form, model);
    }

    @PostMapping("/devices/{deviceId}/edit")
    String processUpdateForm(@PathVariable long deviceId, @ModelAttribute("edit") DeviceEditForm form,
                             BindingResult result, @Acting CustomerId customer, Model model, Locale locale,
                             HttpServletResponse response, RedirectAttributes redirect) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        try {
            DeviceView changed = inventory.change(customer, device.id(), new ChangeDevice(true, form.getLabel(), SiteId.of(form.getSiteId())));
            Toast.success(redirect, messages.getMessage("device.toast.updated",
                    new Object[]{changed.macAddress().display()}, locale));
            return "redirect:/devices/" + deviceId;
        } catch (DomainException e) {
            if (e instanceof NotFound && e.fieldProblems().isEmpty()) {
                throw e;
            }
            FormErrors.reject(e, result);
            response.setStatus(422);
            return editForm(customer, device, form, model);
        }
    }

    /** What a removal will take away, named device by device, before anything is removed. */
    @GetMapping("/devices/remove")
    String confirmRemoval(@RequestParam(name = "ids", required = false) List<Long> ids, @Acting CustomerId customer,
                          Model model, Locale locale, RedirectAttributes redirect) {
        if (deviceIds(ids).isEmpty()) {
            Toast.warning(redirect, messages.getMessage("device.remove.none", null, locale));
            return "redirect:/devices";
        }
        model.addAttribute("devices", inventory.devicesToRemove(customer, deviceIds(ids)));
        return "device/remove";
    }

    @PostMapping("/devices/remove")
    String remove(@RequestParam(name = "ids", required = false) List<Long> ids, @Acting CustomerId customer, Locale locale,
                  RedirectAttributes redirect) {
        List<DeviceView> removed = inventory.removeAll(customer, deviceIds(ids));
        Toast.success(redirect, removed.size() == 1
                ? messages.getMessage("device.toast.deleted", new Object[]{removed.get(0).macAddress().display()}, locale)
                : messages.getMessage("device.toast.deletedMany", new Object[]{removed.size()}, locale));
        return "redirect:/devices";
    }

    private static List<DeviceId> deviceIds(List<Long> ids) {
        return ids == null ? List.of() : ids.stream().filter(Objects::nonNull).map(DeviceId::new).toList();
    }

    private String editForm(CustomerId customer, DeviceView device, DeviceEditForm form, Model model) {
        model.addAttribute("device", device);
        model.addAttribute("edit", form);
        model.addAttribute("sites", siteOptions(sites.of(customer)));
        return "device/edit";
    }

    private static List<Option> siteOptions(List<Site> all) {
        return all.stream().map(s -> new Option(Long.toString(s.id().value()), s.name())).toList();
    }

    @GetMapping("/devices/new")
    String initCreationForm(@ModelAttribute("device") DeviceForm form, @RequestParam(required = false) String then,
                            @Acting CustomerId customer, Model model) {
        model.addAttribute("another", ANOTHER.equals(then));
        return form(customer, form, model);
    }

    /** The model list of the chosen site, swapped into the form by htmx when the site changes. */
    @GetMapping("/devices/new/models")
    String models(@ModelAttribute("device") DeviceForm form, @Acting CustomerId customer, Model model) {
        form(customer, form, model);
        return "device/form :: modelField";
    }

    @PostMapping("/devices/new")
    String processCreationForm(@ModelAttribute("device") DeviceForm form, BindingResult result,
                               @RequestParam(required = false) String then, @Acting CustomerId customer,
                               Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        boolean another = ANOTHER.equals(then);
        model.addAttribute("another", another);
        try {
            DeviceView device = inventory.add(new AddDevice(customer, SiteId.of(form.getSiteId()), DeviceModelId.of(form.getModelId()),
                    form.getMacAddress(), form.getLabel()));
            Toast.success(redirect, messages.getMessage("device.toast.added",
                    new Object[]{device.macAddress().display(), device.modelDisplayName(), device.siteName()}, locale));
            device.warnings().forEach(w -> Toast.warning(redirect, messages.getMessage(w.code(), w.args(), locale)));
            if (another) {
                // A box of phones, scanned one after the other: same site and model, an empty MAC field.
                return "redirect:/devices/new?then=" + ANOTHER + "&siteId=" + device.siteId().value()
                        + "&modelId=" + device.modelId().value();
            }
            return "redirect:/devices";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(customer, form, model);
        }
    }

    /** "Save and add another": the form comes back for the next phone. */
    private static final String ANOTHER = "another";

    private String form(CustomerId customer, DeviceForm form, Model model) {
        List<Site> all = sites.of(customer);
        if (form.getSiteId() == null && all.size() == 1) {
            form.setSiteId(all.get(0).id().value());
        }
        List<DeviceModel> models = List.of();
        if (form.getSiteId() != null && all.stream().anyMatch(s -> s.id().value() == form.getSiteId())) {
            models = inventory.modelsAt(customer, new SiteId(form.getSiteId()));
        }
        List<Long> offered = models.stream().map(m -> m.id().value()).toList();
        if (form.getModelId() != null && !offered.contains(form.getModelId())) {
            form.setModelId(null);
        }
        model.addAttribute("device", form);
        model.addAttribute("sites", all.stream().map(s -> new Option(Long.toString(s.id().value()), s.name())).toList());
        model.addAttribute("models", models.stream().map(m -> new Option(Long.toString(m.id().value()), m.displayName())).toList());
        return "device/form";
    }
}
