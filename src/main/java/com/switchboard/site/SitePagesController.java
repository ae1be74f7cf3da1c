package com.switchboard.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.rules.DomainException;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.FormErrors;
import com.switchboard.web.Option;
import com.switchboard.web.Toast;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class SitePagesController {

    private static final String FORM = "site/form";

    private final Sites sites;
    private final MessageSource messages;
    private final ObjectProvider<SiteUsage> usages;

    SitePagesController(Sites sites, MessageSource messages, ObjectProvider<SiteUsage> usages) {
        this.sites = sites;
        this.messages = messages;
        this.usages = usages;
    }

    @GetMapping("/sites")
    String list(@Acting CustomerId customer, Model model) {
        model.addAttribute("sites", sites.of(customer));
        model.addAttribute("holdings", holdings(customer));
        return "site/list";
    }

    /**
     * Before a deletion: a site that still holds devices, users or numbers says so, how many, and where
     * to move or remove them; only an empty site asks to confirm (a page of its own without scripts).
     */
    @GetMapping("/sites/{siteId}/delete")
    String initDeletion(@PathVariable long siteId, @Acting CustomerId customer, Model model) {
        Site site = sites.get(customer, new SiteId(siteId));
        model.addAttribute("site", site);
        model.addAttribute("held", holdings(customer).getOrDefault(site.id().value(), List.of()));
        return "site/delete";
    }

    /** What each site holds, by site id; a site that holds nothing is left out. */
    private Map<Long, List<SiteHolding>> holdings(CustomerId customer) {
        Map<Long, List<SiteHolding>> bySite = new HashMap<>();
        usages.orderedStream().forEach(usage -> usage.countsBySite(customer).forEach((site, count) ->
                bySite.computeIfAbsent(site.value(), id -> new ArrayList<>()).add(new SiteHolding(usage.kind(), count))));
        bySite.values().forEach(held -> held.sort(Comparator.comparing(SiteHolding::kind)));
        return bySite;
    }

    @GetMapping("/sites/new")
    String initCreationForm(@Acting CustomerId customer, Model model, Locale locale) {
        return form(model, new SiteForm(), null, locale);
    }

    @PostMapping("/sites/new")
    String processCreationForm(@ModelAttribute("site") SiteForm form, BindingResult result, @Acting CustomerId customer,
                               Model model,
                               Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Site site = sites.add(customer, form.details());
            Toast.success(redirect, messages.getMessage("site.toast.added", new Object[]{site.name()}, locale));
            return "redirect:/sites";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(model, form, null, locale);
        }
    }

    @GetMapping("/sites/{siteId}/edit")
    String initUpdateForm(@PathVariable long siteId, @Acting CustomerId customer, Model model, Locale locale) {
        Site site = sites.get(customer, new SiteId(siteId));
        return form(model, SiteForm.of(site), site, locale);
    }

    @PostMapping("/sites/{siteId}/edit")
    String processUpdateForm(@PathVariable long siteId, @ModelAttribute("site") SiteForm form, BindingResult result,
                             @Acting CustomerId customer, Model model, Locale locale, HttpServletResponse response,
                             RedirectAttributes redirect) {
        Site site = sites.get(customer, new SiteId(siteId));
        try {
            Site changed = sites.change(customer, site.id(), form.details());
            Toast.success(redirect, messages.getMessage("site.toast.updated", new Object[]{changed.name()}, locale));
            return "redirect:/sites";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(model, form, site, locale);
        }
    }

    @PostMapping("/sites/{siteId}/delete")
    String delete(@PathVariable long siteId, @Acting CustomerId customer, Locale locale, RedirectAttributes redirect) {
        Site site = sites.get(customer, new SiteId(siteId));
        try {
            sites.remove(customer, site.id());
            Toast.success(redirect, messages.getMessage("site.toast.deleted", new Object[]{site.name()}, locale));
        } catch (DomainException e) {
            Toast.warning(redirect, messages.getMessage(e.code(), e.args(), locale));
        }
        return "redirect:/sites";
    }

    private String form(Model model, SiteForm form, Site editing, Locale locale) {
        model.addAttribute("site", form);
        model.addAttribute("editing", editing);
        model.addAttribute("countries", Option.countries(locale));
        model.addAttribute("timeZones", Option.timeZones());
        model.addAttribute("languages", List.of(
                new Option("en", messages.getMessage("layout.language.en", null, locale)),
                new Option("fr", messages.getMessage("layout.language.fr", null, locale))));
        return FORM;
    }
}
