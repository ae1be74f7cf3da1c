package com.switchboard.security;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.rules.DomainException;
import com.switchboard.tenancy.Actor;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.web.FormErrors;
import com.switchboard.web.Toast;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Two-factor sign-in: the code step of a sign-in, enrolling (from the account menu, or at sign-in
 * when the customer requires it), turning it off, and what a provider admin decides for a customer.
 */
@Controller
class TwoFactorPagesController {

    private static final String ENROL_PAGE = "security/two-factor-enrol";
    private static final String CODES_PAGE = "security/two-factor-codes";
    private static final String CODE_PAGE = "security/two-factor-code";

    private final TwoFactor twoFactor;
    private final TwoFactorSignIn signIn;
    private final CustomerScope scope;
    private final MessageSource messages;

    TwoFactorPagesController(TwoFactor twoFactor, TwoFactorSignIn signIn, CustomerScope scope, MessageSource messages) {
        this.twoFactor = twoFactor;
        this.signIn = signIn;
        this.scope = scope;
        this.messages = messages;
    }

    // The second step of a sign-in

    @GetMapping("/login/code")
    String initCodeForm(HttpServletRequest request, Model model) {
        if (signIn.pending(request, TwoFactor.Step.CODE).isEmpty()) {
            return "redirect:/login";
        }
        model.addAttribute("codeForm", new CodeForm());
        return CODE_PAGE;
    }

    @PostMapping("/login/code")
    String processCodeForm(@ModelAttribute("codeForm") CodeForm form, BindingResult result, HttpServletRequest request,
                           HttpServletResponse response) throws IOException, ServletException {
        Optional<AdminUser> pending = signIn.pending(request, TwoFactor.Step.CODE);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        TwoFactor.Check check = twoFactor.signIn(pending.get().currentAdmin(), form.getCode(), request.getRemoteAddr());
        if (check.accepted()) {
            signIn.complete(request, response, pending.get());
            signIn.goOn(request, response);
            return null;
        }
        if (check.throttled()) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, check.waitFor().toSeconds())));
        }
        result.rejectValue("code", check.throttled() ? "two-factor.code.throttled" : "two-factor.code.wrong");
        form.setCode(null);
        response.setStatus(check.throttled() ? HttpStatus.TOO_MANY_REQUESTS.value() : HttpStatus.UNPROCESSABLE_ENTITY.value());
        return CODE_PAGE;
    }

    @GetMapping("/login/enrol")
    String initSignInEnrolment(HttpServletRequest request, Model model) {
        Optional<AdminUser> pending = signIn.pending(request, TwoFactor.Step.ENROL);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        return enrolPage(twoFactor.start(pending.get().currentAdmin()), "/login/enrol", true, new CodeForm(), model);
    }

    @PostMapping("/login/enrol")
    String processSignInEnrolment(@ModelAttribute("codeForm") CodeForm form, BindingResult result, HttpServletRequest request,
                                  HttpServletResponse response, Model model) {
        Optional<AdminUser> pending = signIn.pending(request, TwoFactor.Step.ENROL);
        if (pending.isEmpty()) {
            return "redirect:/login";
        }
        CurrentAdmin admin = pending.get().currentAdmin();
        try {
            List<String> codes = twoFactor.confirm(admin, form.getCode(), request.getRemoteAddr(),
                    Actor.of(admin, request.getRemoteAddr()));
            signIn.complete(request, response, pending.get());
            return codesPage(codes, "/", model);
        } catch (DomainException e) {
            return refusedEnrolment(e, admin, "/login/enrol", true, form, result, response, model);
        }
    }

    // The signed-in admin's own settings

    @GetMapping("/account/two-factor")
    String settings(Model model) {
        return settingsPage(new CodeForm(), model);
    }

    @PostMapping("/account/two-factor")
    String startEnrolment(Model model) {
        return enrolPage(twoFactor.start(scope.current()), "/account/two-factor/confirm", false, new CodeForm(), model);
    }

    @PostMapping("/account/two-factor/confirm")
    String confirmEnrolment(@ModelAttribute("codeForm") CodeForm form, BindingResult result, HttpServletRequest request,
                            HttpServletResponse response, Model model) {
        CurrentAdmin me = scope.current();
        try {
            return codesPage(twoFactor.confirm(me, form.getCode(), request.getRemoteAddr(), scope.actor()),
                    "/account/two-factor", model);
        } catch (DomainException e) {
            return refusedEnrolment(e, me, "/account/two-factor/confirm", false, form, result, response, model);
        }
    }

    @PostMapping("/account/two-factor/off")
    String turnOff(@ModelAttribute("codeForm") CodeForm form, BindingResult result, HttpServletRequest request,
                   HttpServletResponse response, Model model, Locale locale, RedirectAttributes redirect) {
        try {
            twoFactor.turnOff(scope.current(), form.getCode(), request.getRemoteAddr());
            Toast.success(redirect, messages.getMessage("two-factor.toast.off", null, locale));
            return "redirect:/account/two-factor";
        } catch (DomainException e) {
            FormErrors.reject(e, result);
            form.setCode(null);
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            return settingsPage(form, model);
        }
    }

    // What a provider admin decides for a customer's admins (on the Administrators page)

    @PostMapping("/admins/two-factor")
    String require(@RequestParam boolean required, HttpSession session, Locale locale, RedirectAttributes redirect) {
        twoFactor.require(scope.requireActing(session), required);
        Toast.success(redirect, messages.getMessage(required ? "two-factor.toast.required" : "two-factor.toast.optional", null, locale));
        return "redirect:/admins";
    }

    @PostMapping("/admins/{adminId}/two-factor/reset")
    String reset(@PathVariable long adminId, HttpSession session, Locale locale, RedirectAttributes redirect) {
        AdminAccount admin = twoFactor.reset(scope.requireActing(session), adminId);
        Toast.success(redirect, messages.getMessage("two-factor.toast.reset", new Object[]{admin.email()}, locale));
        return "redirect:/admins";
    }

    private String refusedEnrolment(DomainException e, CurrentAdmin admin, String action, boolean signingIn, CodeForm form,
                                    BindingResult result, HttpServletResponse response, Model model) {
        FormErrors.reject(e, result);
        form.setCode(null);
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        // The same secret again: the app may already hold it.
        return twoFactor.enrolment(admin).map(enrolment -> enrolPage(enrolment, action, signingIn, form, model))
                .orElseGet(() -> signingIn ? "redirect:/login" : "redirect:/account/two-factor");
    }

    private String enrolPage(TwoFactor.Enrolment enrolment, String action, boolean signingIn, CodeForm form, Model model) {
        model.addAttribute("enrolment", enrolment);
        model.addAttribute("action", action);
        model.addAttribute("signingIn", signingIn);
        model.addAttribute("codeForm", form);
        return ENROL_PAGE;
    }

    private String codesPage(List<String> codes, String next, Model model) {
        model.addAttribute("recoveryCodes", codes);
        model.addAttribute("next", next);
        return CODES_PAGE;
    }

    private String settingsPage(CodeForm form, Model model) {
        CurrentAdmin me = scope.current();
        model.addAttribute("on", twoFactor.isOn(me));
        model.addAttribute("required", twoFactor.isRequired(me.customerId()));
        model.addAttribute("recoveryCodesLeft", twoFactor.recoveryCodesLeft(me));
        model.addAttribute("codeForm", form);
        return "security/two-factor";
    }
}
