package com.switchboard.customer;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.rules.DomainException;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The provider admin's customers page and the customer switcher of the top bar. */
@Controller
class CustomerPagesController {

    private final Customers customers;
    private final CustomerScope scope;
    private final MessageSource messages;

    CustomerPagesController(Customers customers, CustomerScope scope, MessageSource messages) {
        this.customers = customers;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/customers")
    String list(Model model, Locale locale) {
        return page(model, new CustomerForm(), locale);
    }

    @ProviderOnly
    @PostMapping("/customers")
    String processCreationForm(@ModelAttribute("customer") CustomerForm form, BindingResult result, Model model, Locale locale,
                               HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            Customer customer = customers.add(new Customers.NewCustomer(form.getName(), form.getCountry(), form.getLanguage()));
            scope.actIn(session, customer.id());
            Toast.success(redirect, messages.getMessage("customer.toast.added", new Object[]{customer.name()}, locale));
            return "redirect:/customers";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return page(model, form, locale);
        }
    }

    @ProviderOnly
    @PostMapping("/switch-customer")
    String switchCustomer(@RequestParam(required = false) Long customerId, HttpSession session,
                          @RequestParam(required = false) String back) {
        if (customerId == null) {
            return "redirect:/customers";
        }
        Customer customer = customers.get(new CustomerId(customerId));
        scope.actIn(session, customer.id());
        // Stay in the section the admin was in (its list page: a deeper page belongs to the previous customer).
        boolean section = back != null && back.matches("/[a-z-]+");
        return "redirect:" + (section ? back : "/");
    }

    private String page(Model model, CustomerForm form, Locale locale) {
        model.addAttribute("customers", customers.all());
        model.addAttribute("customer", form);
        model.addAttribute("countries", Option.countries(locale));
        model.addAttribute("languages", List.of(
                new Option("en", messages.getMessage("layout.language.en", null, locale)),
                new Option("fr", messages.getMessage("layout.language.fr", null, locale))));
        return "customer/list";
    }
}
