package com.switchboard.device;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.catalog.DeviceModel;
import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.DomainException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class DevicePagesController {

    private final DeviceInventory inventory;
    private final Sites sites;
    private final CustomerScope scope;
    private final MessageSource messages;

    DevicePagesController(DeviceInventory inventory, Sites sites, CustomerScope scope, MessageSource messages) {
        this.inventory = inventory;
        this.sites = sites;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/devices")
    String list(@RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        CustomerId customer = scope.requireActing(session);
        DeviceQuery first = DeviceQuery.firstPage();
        DeviceQuery query = DeviceQueries.of(null, null, null, null, null, null, Math.max(page, 0), first.size());
        model.addAttribute("result", inventory.search(customer, query));
        model.addAttribute("hasSites", !sites.of(customer).isEmpty());
        return "device/list";
    }

    @GetMapping("/devices/{deviceId}")
    String show(@PathVariable long deviceId, HttpSession session, Model model) {
        model.addAttribute("device", inventory.get(scope.requireActing(session), new DeviceId(deviceId)));
        return "device/show";
    }

    @GetMapping("/devices/new")
    String initCreationForm(@ModelAttribute("device") DeviceForm form, HttpSession session, Model model) {
        return form(scope.requireActing(session), form, model);
    }

    /** The model list of the chosen site, swapped into the form by htmx when the site changes. */
    @GetMapping("/devices/new/models")
    String models(@ModelAttribute("device") DeviceForm form, HttpSession session, Model model) {
        form(scope.requireActing(session), form, model);
        return "device/form :: modelField";
    }

    @PostMapping("/devices/new")
    String processCreationForm(@ModelAttribute("device") DeviceForm form, BindingResult result, HttpSession session,
                               Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        CustomerId customer = scope.requireActing(session);
        try {
            DeviceView device = inventory.add(new AddDevice(customer, form.getSiteId(), form.getModelId(),
                    form.getMacAddress(), form.getLabel()));
            Toast.success(redirect, messages.getMessage("device.toast.added",
                    new Object[]{device.macAddress().display(), device.modelDisplayName(), device.siteName()}, locale));
            device.warnings().forEach(w -> Toast.warning(redirect, messages.getMessage(w.code(), w.args(), locale)));
            return "redirect:/devices";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(customer, form, model);
        }
    }

    @PostMapping("/devices/{deviceId}/delete")
    String delete(@PathVariable long deviceId, HttpSession session, Locale locale, RedirectAttributes redirect) {
        CustomerId customer = scope.requireActing(session);
        DeviceView device = inventory.get(customer, new DeviceId(deviceId));
        inventory.remove(customer, device.id());
        Toast.success(redirect, messages.getMessage("device.toast.deleted",
                new Object[]{device.macAddress().display()}, locale));
        return "redirect:/devices";
    }

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
