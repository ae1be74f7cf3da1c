package com.switchboard.registrar;

import java.util.Locale;

import com.switchboard.device.DeviceId;
import com.switchboard.device.DeviceInventory;
import com.switchboard.device.DeviceView;
import com.switchboard.rules.DomainException;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.Toast;
import jakarta.servlet.http.HttpSession;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The device page's registration panel (loaded by htmx), and its Restart phone / Resync configuration buttons. */
@Controller
class RegistrarPagesController {

    private final Registrar registrar;
    private final DeviceInventory devices;
    private final CustomerScope scope;
    private final MessageSource messages;

    RegistrarPagesController(Registrar registrar, DeviceInventory devices, CustomerScope scope, MessageSource messages) {
        this.registrar = registrar;
        this.devices = devices;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/devices/{deviceId}/registration")
    String registration(@PathVariable long deviceId, HttpSession session, Model model) {
        CustomerId customer = scope.requireActing(session);
        DeviceView device = devices.get(customer, new DeviceId(deviceId));
        model.addAttribute("device", device);
        model.addAttribute("registration", registrar.registration(device.id()));
        model.addAttribute("registrar", registrar.status());
        return "registrar/registration :: panel";
    }

    @PostMapping("/devices/{deviceId}/restart")
    String restart(@PathVariable long deviceId, HttpSession session, RedirectAttributes redirect, Locale locale) {
        return send(deviceId, Registrar.Command.RESTART, "registrar.toast.restarted", session, redirect, locale);
    }

    @PostMapping("/devices/{deviceId}/resync")
    String resync(@PathVariable long deviceId, HttpSession session, RedirectAttributes redirect, Locale locale) {
        return send(deviceId, Registrar.Command.RESYNC, "registrar.toast.resynced", session, redirect, locale);
    }

    private String send(long deviceId, Registrar.Command command, String done, HttpSession session,
                        RedirectAttributes redirect, Locale locale) {
        CustomerId customer = scope.requireActing(session);
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
