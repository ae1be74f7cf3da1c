package com.switchboard.provisioning;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.switchboard.catalog.Catalogue;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
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

    ProvisioningPagesController(Provisioning provisioning, Lines lines, DeviceInventory inventory, Catalogue catalogue,
                                ProviderSettings settings, MessageSource messages,
                                Optional<RegistrarAttachment> registrar) {
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
        List<FetchRow> fetches = provisioning.fetches(customer, false).stream().limit(FETCHES_SHOWN)
                .map(f -> new FetchRow(f, f.deviceId() == null && f.macAddress() != null ? addDeviceUrl(f, models) : null))
                .toList();
        model.addAttribute("fetches", fetches);
        model.addAttribute("staleDays", settings.staleDays());
        // The phones' files name the registrar in any case; the page says whether one answers there.
        model.addAttribute("registrarAttached", registrar.map(RegistrarAttachment::attached).orElse(false));
        model.addAttribute("sip", settings);
        return "provisioning/show";
    }

    private static String addDeviceUrl(Provisioning.Fetch fetch, List<DeviceModel> models) {
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/devices/new").queryParam("macAddress", fetch.macAddress().display());
        guess(fetch.modelGuess(), models).ifPresent(m -> url.queryParam("modelId", m.id().value()));
        return url.encode().toUriString();
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
    String device(@PathVariable long deviceId, @Acting CustomerId customer, Model model) {
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        model.addAttribute("device", device);
        model.addAttribute("line", lines.ofDevice(customer, device.id()).orElse(null));
        model.addAttribute("configuration", provisioning.configuration(customer, device.id()).orElse(null));
        model.addAttribute("contact", provisioning.lastContact(customer, device.id()).orElse(null));
        model.addAttribute("status", provisioning.status(customer, device.id()));
        return "provisioning/device :: section";
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
