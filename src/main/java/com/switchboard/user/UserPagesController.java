package com.switchboard.user;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.rules.DomainException;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class UserPagesController {

    private final Users users;
    private final Sites sites;
    private final CustomerScope scope;

    UserPagesController(Users users, Sites sites, CustomerScope scope) {
        this.users = users;
        this.sites = sites;
        this.scope = scope;
    }

    /** The list; an htmx request (typing in the search box, a filter, a column, a page) gets the table only. */
    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long siteId,
                @RequestParam(required = false) String sort,
                @RequestParam(defaultValue = "0") int page,
                @RequestHeader(name = "HX-Request", required = false) String htmx,
                @Acting CustomerId customer, Model model) {
        UserQuery query = UserQuery.of(q, siteId, sort, Math.max(page, 0), UserQuery.PAGE_SIZE);
        model.addAttribute("query", query);
        model.addAttribute("result", users.search(customer, query));
        model.addAttribute("sites", SiteOptions.of(sites.of(customer)));
        return htmx != null ? "user/list :: results" : "user/list";
    }

    @GetMapping("/users/{userId}/edit")
    String initUpdateForm(@PathVariable long userId, @Acting CustomerId customer, Model model) {
        UserView user = users.get(customer, new UserId(userId));
        return form(customer, user, UserForm.of(user), model);
    }

    @PostMapping("/users/{userId}/edit")
    String processUpdateForm(@PathVariable long userId, @ModelAttribute("user") UserForm form, BindingResult result,
                             @Acting CustomerId customer, Model model, HttpServletResponse response) {
        UserView user = users.get(customer, new UserId(userId));
        try {
            users.change(customer, user.id(), form.details());
            return "redirect:/users/" + userId;
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            response.setStatus(422);
            return form(customer, user, form, model);
        }
    }

    private String form(CustomerId customer, UserView user, UserForm form, Model model) {
        model.addAttribute("edited", user);
        model.addAttribute("user", form);
        model.addAttribute("sites", SiteOptions.of(sites.of(customer)));
        return "user/form";
    }
}
