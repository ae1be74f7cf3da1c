package com.switchboard.number;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.rules.DomainException;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.user.SiteOptions;
import com.switchboard.web.FormErrors;
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
class NumberPagesController {

    private final Numbers numbers;
    private final Sites sites;
    private final MessageSource messages;

    NumberPagesController(Numbers numbers, Sites sites, MessageSource messages) {
        this.numbers = numbers;
        this.sites = sites;
        this.messages = messages;
    }

    /** The list; an htmx request (a filter, a page) gets the table only. */
    @GetMapping("/numbers")
    String list(@RequestParam(required = false) Long siteId, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @Acting CustomerId customer, Model model) {
        NumberQuery query = NumberQuery.of(siteId, status, q, Math.max(page, 0), NumberQuery.PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("q", q);
        model.addAttribute("result", numbers.search(customer, query));
        model.addAttribute("sites", SiteOptions.of(sites.of(customer)));
        return htmx != null ? "number/list :: results" : "number/list";
    }

    @GetMapping("/numbers/new")
    String initCreationForm(@ModelAttribute("numbers") NumberForm form, @Acting CustomerId customer, Model model) {
        return form(customer, form, model);
    }

    @PostMapping("/numbers/new")
    String processCreationForm(@ModelAttribute("numbers") NumberForm form, BindingResult result,
                               @Acting CustomerId customer,
                               Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            List<NumberView> added = numbers.addRange(customer, form.getSiteId(), form.getFrom(), form.getTo());
            Toast.success(redirect, messages.getMessage("number.toast.added",
                    new Object[]{added.size(), added.get(0).number().national(), added.get(0).siteName()}, locale));
            return "redirect:/numbers?siteId=" + form.getSiteId();
        } catch (DomainException e) {
            // A single number's problems are the API's "e164"; on the form it is the "from" field.
            FormErrors.reject(e.withFieldProblems(e.fieldProblems().stream()
                    .map(p -> "e164".equals(p.field()) ? new DomainException.FieldProblem("from", p.code(), p.args()) : p)
                    .toList()), result);
            response.setStatus(422);
            return form(customer, form, model);
        }
    }

    @PostMapping("/numbers/{numberId}/delete")
    String delete(@PathVariable long numberId, @Acting CustomerId customer, Locale locale,
                  RedirectAttributes redirect) {
        NumberView number = numbers.get(customer, new NumberId(numberId));
        numbers.remove(customer, number.id());
        Toast.success(redirect, messages.getMessage("number.toast.deleted", new Object[]{number.number().national()}, locale));
        return "redirect:/numbers";
    }

    private String form(CustomerId customer, NumberForm form, Model model) {
        var all = sites.of(customer);
        if (form.getSiteId() == null && all.size() == 1) {
            form.setSiteId(all.get(0).id().value());
        }
        model.addAttribute("numbers", form);
        model.addAttribute("sites", SiteOptions.of(all));
        return "number/form";
    }
}
