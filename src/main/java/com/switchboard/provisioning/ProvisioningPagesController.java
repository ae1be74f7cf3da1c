package com.switchboard.provisioning;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The Provisioning page of the acting customer, and the provisioning part of a device's page. */
@Controller
class ProvisioningPagesController {

    static final int FETCHES_SHOWN = 50;

    private final Provisioning provisioning;
    private final Lines lines;
    private final DeviceInventory inventory;
    private final Catalogue catalogue;
    private final ProviderSettings settings;
    private final MessageSource messages;
    private final Optional<RegistrarAttachment> registrar;
    private final Sites sites;

    ProvisioningPagesController(Provisioning provisioning, Lines lines, DeviceInventory inventory, Catalogue catalogue,
                                ProviderSettings settings, MessageSource messages,
                                Optional<RegistrarAttachment> registrar, Sites sites) {
        this.sites = sites;
        this.provisioning = provisioning;
        this.lines = lines;
        this.inventory = inventory;
        this.catalogue = catalogue;
        this.settings = settings;
        this.messages = messages;
        this.registrar = registrar;
    }

    /** A fetch as the page lists it: for a phone not in the inventory, the link that adds it. */
    record FetchRow(Provisioning.Fetch fetch, String addDeviceUrl) {
    }

    @GetMapping("/provisioning")
    String show(@Acting CustomerId customer, Model model) {
        model.addAttribute("urls", provisioning.urls(customer));
        List<DeviceModel> models = catalogue.all();
        List<Provisioning.Fetch> latest = provisioning.fetches(customer, false).stream().limit(FETCHES_SHOWN).toList();
        AddDevicePrefill prefill = new AddDevicePrefill(customer, latest, models);
        List<FetchRow> fetches = latest.stream()
                .map(f -> new FetchRow(f, f.deviceId() == null && f.macAddress() != null ? prefill.url(f) : null))
                .toList();
        model.addAttribute("fetches", fetches);
        model.addAttribute("staleDays", settings.staleDays());
        // The phones' files name the registrar in any case; the page says whether one answers there.
        model.addAttribute("registrarAttached", registrar.map(RegistrarAttachment::attached).orElse(false));
        model.addAttribute("sip", settings);
        return "provisioning/show";
    }

    /**
     * "Add device" for a phone not in the inventory: its MAC, the model its user agent names, and a site
     * where that model is sold, preferring the site of a known phone that asked from the same address
     * (phones of one office share their address), else the first such site by name. With a site
     * chosen, the form offers the model (its model list follows the site).
     */
    private final class AddDevicePrefill {

        private final CustomerId customer;
        private final List<DeviceModel> models;
        private final List<Site> all;
        private final java.util.Map<String, DeviceId> knownByAddress = new java.util.HashMap<>();
        private final java.util.Map<SiteId, List<Long>> offered = new java.util.HashMap<>();

        AddDevicePrefill(CustomerId customer, List<Provisioning.Fetch> fetches, List<DeviceModel> models) {
            this.customer = customer;
            this.models = models;
            this.all = sites.of(customer);
            for (Provisioning.Fetch fetch : fetches) {
                if (fetch.deviceId() != null) {
                    knownByAddress.putIfAbsent(fetch.address(), new DeviceId(fetch.deviceId()));
                }
            }
        }

        String url(Provisioning.Fetch fetch) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/devices/new").queryParam("macAddress", fetch.macAddress().display());
            Optional<DeviceModel> model = guess(fetch.modelGuess(), models);
            Optional<SiteId> site = siteFor(fetch.address(), model.map(m -> m.id().value()).orElse(null));
            site.ifPresent(s -> url.queryParam("siteId", s.value()));
            model.ifPresent(m -> url.queryParam("modelId", m.id().value()));
            return url.encode().toUriString();
        }

        private Optional<SiteId> siteFor(String address, Long modelId) {
            DeviceId neighbour = knownByAddress.get(address);
            if (neighbour != null) {
                SiteId site = inventory.get(customer, neighbour).siteId();
                if (modelId == null || sells(site, modelId)) {
                    return Optional.of(site);
                }
            }
            if (all.size() == 1) {
                return Optional.of(all.get(0).id());
            }
            return modelId == null ? Optional.empty()
                    : all.stream().map(Site::id).filter(s -> sells(s, modelId)).findFirst();
        }

        private boolean sells(SiteId site, long modelId) {
            return offered.computeIfAbsent(site, s -> inventory.modelsAt(customer, s).stream().map(m -> m.id().value()).toList())
                    .contains(modelId);
        }
    }

    /** The catalogue model a user agent names ("T54W", "VVX 450", "8851"). */
    static Optional<DeviceModel> guess(String name, List<DeviceModel> models) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replace(" ", "").toUpperCase(Locale.ROOT);
        return models.stream().filter(m -> m.model().replace(" ", "").toUpperCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    @GetMapping("/provisioning-key")
    String confirmRotation(@Acting CustomerId customer, Model model) {
        model.addAttribute("urls", provisioning.urls(customer));
        return "provisioning/rotate";
    }

    @PostMapping("/provisioning-key")
    String rotate(@Acting CustomerId customer, RedirectAttributes redirect, Locale locale) {
        provisioning.rotateKey(customer);
        Toast.success(redirect, messages.getMessage("provisioning.toast.rotated", null, locale));
        return "redirect:/provisioning";
    }

    /** The device page's provisioning section (loaded into the page by htmx, or opened on its own). */
    @GetMapping("/devices/{deviceId}/provisioning")
    String device(@PathVariable long deviceId, @RequestHeader(value = "HX-Request", required = false) String htmx,
                  @Acting CustomerId customer, Model model) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        model.addAttribute("device", device);
        model.addAttribute("line", lines.ofDevice(customer, device.id()).orElse(null));
        model.addAttribute("configuration", provisioning.configuration(customer, device.id()).orElse(null));
        model.addAttribute("contact", provisioning.lastContact(customer, device.id()).orElse(null));
        model.addAttribute("status", provisioning.status(customer, device.id()));
        // Without scripts the device page's link opens the section as a page of its own, in the layout.
        return htmx != null ? "provisioning/device :: section" : "provisioning/device-page";
    }

    @GetMapping("/devices/{deviceId}/line/password")
    String confirmReset(@PathVariable long deviceId, @Acting CustomerId customer, Model model) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        model.addAttribute("device", device);
        model.addAttribute("line", lines.ofDevice(customer, device.id()).orElse(null));
        return "provisioning/reset";
    }

    @PostMapping("/devices/{deviceId}/line/password")
    String reset(@PathVariable long deviceId, @Acting CustomerId customer, RedirectAttributes redirect, Locale locale) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        lines.resetPassword(customer, device.id());
        Toast.success(redirect, messages.getMessage("provisioning.toast.password-reset",
                new Object[]{device.macAddress().display()}, locale));
        return "redirect:/devices/" + deviceId;
    }
}
