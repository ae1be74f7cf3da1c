package com.switchboard.catalog;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.rules.DomainException;
import com.switchboard.tenancy.ProviderOnly;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The provider admin's catalogue pages. */
@ProviderOnly
@Controller
class CataloguePagesController {

    private final Catalogue catalogue;
    private final MessageSource messages;

    CataloguePagesController(Catalogue catalogue, MessageSource messages) {
        this.catalogue = catalogue;
        this.messages = messages;
    }

    @GetMapping("/catalogue")
    String list(Model model) {
        model.addAttribute("models", catalogue.all());
        return "catalog/list";
    }

    @GetMapping("/catalogue/new")
    String initCreationForm(Model model, Locale locale) {
        return form(model, new ModelForm(), null, locale);
    }

    @PostMapping("/catalogue/new")
    String processCreationForm(@ModelAttribute("deviceModel") ModelForm form, BindingResult result, Model model, Locale locale,
                               HttpServletResponse response, RedirectAttributes redirect) {
        try {
            DeviceModel added = catalogue.add(form.details());
            Toast.success(redirect, messages.getMessage("catalog.toast.added", new Object[]{added.displayName()}, locale));
            return "redirect:/catalogue";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(model, form, null, locale);
        }
    }

    @GetMapping("/catalogue/{modelId}/edit")
    String initUpdateForm(@PathVariable long modelId, Model model, Locale locale) {
        DeviceModel existing = catalogue.get(new DeviceModelId(modelId));
        return form(model, ModelForm.of(existing), existing, locale);
    }

    @PostMapping("/catalogue/{modelId}/edit")
    String processUpdateForm(@PathVariable long modelId, @ModelAttribute("deviceModel") ModelForm form, BindingResult result,
                             Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        DeviceModel existing = catalogue.get(new DeviceModelId(modelId));
        form.setManufacturer(existing.manufacturer());
        try {
            DeviceModel changed = catalogue.change(existing.id(), form.details());
            Toast.success(redirect, messages.getMessage("catalog.toast.updated", new Object[]{changed.displayName()}, locale));
            return "redirect:/catalogue";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(model, form, existing, locale);
        }
    }

    private String form(Model model, ModelForm form, DeviceModel editing, Locale locale) {
        model.addAttribute("deviceModel", form);
        model.addAttribute("editing", editing);
        model.addAttribute("kinds", Arrays.stream(DeviceModel.Kind.values())
                .map(k -> new Option(k.name(), messages.getMessage("catalog.kind." + k.name(), null, locale))).toList());
        return "catalog/form";
    }
}
