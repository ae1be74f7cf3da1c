package com.switchboard.registrar;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.rules.DomainException;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The device page's registration panel (loaded by htmx) with its Restart phone / Resync configuration
 * buttons, and the same for the devices ticked in the list (after a confirmation page).
 */
@Controller
class RegistrarPagesController {

    private final Registrar registrar;
    private final DeviceInventory devices;
    private final MessageSource messages;

    RegistrarPagesController(Registrar registrar, DeviceInventory devices, MessageSource messages) {
        this.registrar = registrar;
        this.devices = devices;
        this.messages = messages;
    }

    @GetMapping("/devices/{deviceId}/registration")
    String registration(@PathVariable long deviceId, @Acting CustomerId customer, Model model) {
        DeviceView device = devices.get(customer, new DeviceId(deviceId));
        model.addAttribute("device", device);
        model.addAttribute("registration", registrar.registration(device.id()));
        model.addAttribute("registrar", registrar.status());
        return "registrar/registration :: panel";
    }

    @PostMapping("/devices/{deviceId}/restart")
    String restart(@PathVariable long deviceId, @Acting CustomerId customer, RedirectAttributes redirect, Locale locale) {
        return send(deviceId, Registrar.Command.RESTART, "registrar.toast.restarted", customer, redirect, locale);
    }

    @PostMapping("/devices/{deviceId}/resync")
    String resync(@PathVariable long deviceId, @Acting CustomerId customer, RedirectAttributes redirect, Locale locale) {
        return send(deviceId, Registrar.Command.RESYNC, "registrar.toast.resynced", customer, redirect, locale);
    }

    /** The devices ticked in the list, with which of them are registered, before anything is sent. */
    @GetMapping("/devices/phones")
    String confirmBulk(@RequestParam(name = "ids", required = false) List<Long> ids,
                       @RequestParam(name = "command", defaultValue = "RESTART") String command,
                       @Acting CustomerId customer, Model model, Locale locale, RedirectAttributes redirect) {
        List<DeviceId> deviceIds = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).map(DeviceId::new).toList();
        if (deviceIds.isEmpty()) {
            Toast.warning(redirect, messages.getMessage("registrar.bulk.none", null, locale));
            return "redirect:/devices";
        }
        // The customer's devices among those ids (the list's own lookup for a selection).
        List<DeviceView> selected = devices.devicesToRemove(customer, deviceIds);
        model.addAttribute("devices", selected);
        var registrations = registrar.registrations(selected.stream().map(DeviceView::id).toList());
        model.addAttribute("registrations", registrations);
        model.addAttribute("registeredCount", registrations.values().stream().filter(Registration::registered).count());
        model.addAttribute("command", command(command).name());
        return "registrar/bulk";
    }

    @PostMapping("/devices/phones")
    String sendBulk(@RequestParam(name = "ids", required = false) List<Long> ids, @RequestParam(name = "command") String command,
                    @Acting CustomerId customer, RedirectAttributes redirect, Locale locale) {
        List<DeviceId> deviceIds = ids == null ? List.of() : ids.stream().filter(Objects::nonNull).map(DeviceId::new).toList();
        List<DeviceId> own = devices.devicesToRemove(customer, deviceIds).stream().map(DeviceView::id).toList();
        try {
            int sent = registrar.sendToRegistered(customer, own, command(command));
            Toast.success(redirect, messages.getMessage("registrar.bulk.sent", new Object[] {sent, own.size() - sent}, locale));
        } catch (DomainException refused) {
            Toast.warning(redirect, messages.getMessage(refused.code(), refused.args(), locale));
        }
        return "redirect:/devices";
    }

    private static Registrar.Command command(String name) {
        return "RESYNC".equalsIgnoreCase(name) ? Registrar.Command.RESYNC : Registrar.Command.RESTART;
    }

    private String send(long deviceId, Registrar.Command command, String done, CustomerId customer,
                        RedirectAttributes redirect, Locale locale) {
        DeviceView device = devices.get(customer, new DeviceId(deviceId));
        try {
            registrar.send(customer, device.id(), command);
            Toast.success(redirect, messages.getMessage(done, new Object[] {device.macAddress().display()}, locale));
        } catch (DomainException refused) {
            // Not registered, or the registrar unreachable: the page says so, the phone is left alone.
            Toast.warning(redirect, messages.getMessage(refused.code(), refused.args(), locale));
        }
        return "redirect:/devices/" + deviceId;
    }
}
