package com.switchboard.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.NotFound;
import com.switchboard.tenancy.Acting;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Administrators page of the acting customer, and the signed-in admin's API tokens. */
@Controller
class AccountPagesController {

    private final AdminAccounts accounts;
    private final ApiTokens tokens;
    private final CustomerScope scope;
    private final MessageSource messages;
    private final TwoFactor twoFactor;

    AccountPagesController(AdminAccounts accounts, ApiTokens tokens, CustomerScope scope, MessageSource messages,
                           TwoFactor twoFactor) {
        this.accounts = accounts;
        this.twoFactor = twoFactor;
        this.tokens = tokens;
        this.scope = scope;
        this.messages = messages;
    }

    @GetMapping("/admins")
    String admins(@Acting CustomerId customer, Model model) {
        return adminsPage(customer, new AdminForm(), model);
    }

    @PostMapping("/admins")
    String processCreationForm(@ModelAttribute("admin") AdminForm form, BindingResult result, @Acting CustomerId customer, Model model,
                               Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            AdminAccount added = accounts.addCustomerAdmin(customer,
                    new AdminAccounts.NewAdmin(form.getEmail(), form.getName(), form.getPassword()));
            Toast.success(redirect, messages.getMessage("admin.toast.added", new Object[]{added.email()}, locale));
            return "redirect:/admins";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            form.setPassword(null);
            response.setStatus(422);
            return adminsPage(customer, form, model);
        }
    }

    @PostMapping("/admins/{adminId}/delete")
    String deleteAdmin(@PathVariable long adminId, @Acting CustomerId customer, Locale locale, RedirectAttributes redirect) {
        try {
            accounts.removeCustomerAdmin(customer, adminId);
            Toast.success(redirect, messages.getMessage("admin.toast.deleted", null, locale));
        } catch (DomainException e) {
            if (e instanceof NotFound) {
                throw e;
            }
            Toast.warning(redirect, messages.getMessage(e.code(), e.args(), locale));
        }
        return "redirect:/admins";
    }

    /** A provider admin gives a customer admin a new password, shown on this page once. */
    @PostMapping("/admins/{adminId}/password")
    String resetPassword(@PathVariable long adminId, @Acting CustomerId customer, Model model) {
        String password = accounts.resetCustomerAdminPassword(customer, adminId);
        String email = accounts.ofCustomer(customer).stream().filter(a -> a.id() == adminId).findFirst()
                .map(AdminAccount::email).orElseThrow();
        model.addAttribute("reset", new PasswordShownOnce(email, password));
        return adminsPage(customer, new AdminForm(), model);
    }

    record PasswordShownOnce(String email, String password) {
    }

    @GetMapping("/account/password")
    String initPasswordForm(Model model) {
        model.addAttribute("password", new PasswordForm());
        return "security/password";
    }

    @PostMapping("/account/password")
    String processPasswordForm(@ModelAttribute("password") PasswordForm form, BindingResult result, HttpSession session,
                               Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (form.getNewPassword() != null && !form.getNewPassword().equals(form.getConfirmPassword())) {
                throw com.switchboard.rules.Refused.field("confirmPassword", "admin.password.mismatch");
            }
            accounts.changeOwnPassword(form.getCurrentPassword(), form.getNewPassword(), session.getId());
            Toast.success(redirect, messages.getMessage("admin.toast.password.changed", null, locale));
            return "redirect:/";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            form.setCurrentPassword(null);
            form.setNewPassword(null);
            form.setConfirmPassword(null);
            response.setStatus(422);
            return "security/password";
        }
    }

    @GetMapping("/tokens")
    String tokens(Model model) {
        model.addAttribute("tokens", tokens.of(scope.current()));
        return "security/tokens";
    }

    @PostMapping("/tokens")
    String mint(@RequestParam(required = false) String name, @RequestParam(required = false) Integer expiresInDays,
                Model model, Locale locale, HttpServletResponse response) {
        try {
            model.addAttribute("minted", tokens.mint(scope.current(), name, expiresInDays));
        } catch (DomainException e) {
            response.setStatus(422);
            model.addAttribute("error", messages.getMessage(e.fieldProblems().isEmpty() ? e.code() : e.fieldProblems().get(0).code(),
                    e.fieldProblems().isEmpty() ? e.args() : e.fieldProblems().get(0).args(), locale));
            model.addAttribute("name", name);
        }
        model.addAttribute("tokens", tokens.of(scope.current()));
        return "security/tokens";
    }

    @PostMapping("/tokens/{tokenId}/revoke")
    String revoke(@PathVariable long tokenId, Locale locale, RedirectAttributes redirect) {
        tokens.revoke(scope.current(), tokenId);
        Toast.success(redirect, messages.getMessage("token.toast.revoked", null, locale));
        return "redirect:/tokens";
    }

    private String adminsPage(CustomerId customer, AdminForm form, Model model) {
        model.addAttribute("admins", accounts.ofCustomer(customer));
        model.addAttribute("admin", form);
        model.addAttribute("me", scope.current());
        model.addAttribute("twoFactorRequired", twoFactor.isRequired(customer));
        model.addAttribute("twoFactorOn", twoFactor.enrolledAdmins(customer));
        return "security/admins";
    }
}
