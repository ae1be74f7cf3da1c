package com.switchboard.security;

import java.io.IOException;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.stereotype.Component;

/**
 * The sign-in of an admin with a second factor happens in two steps. The right password alone does
 * not sign in: the session only remembers, for a few minutes, who gave it and what is still asked
 * (a code, or enrolling when the customer requires a second factor), and the admin is signed in
 * once that step is done. API tokens are not concerned.
 */
@Component
class TwoFactorSignIn implements AuthenticationSuccessHandler {

    static final String PENDING = "switchboard.twoFactor.pending";
    private static final Duration PENDING_FOR = Duration.ofMinutes(5);

    private final TwoFactor twoFactor;
    private final AdminAccountRepository accounts;
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler();

    TwoFactorSignIn(TwoFactor twoFactor, AdminAccountRepository accounts) {
        this.twoFactor = twoFactor;
        this.accounts = accounts;
        signedIn.setDefaultTargetUrl("/");
        signedIn.setRequestCache(new CookieRequestCache());
    }

    /** Who gave the right password, and what is still asked of them; never the password. */
    record Pending(String email, TwoFactor.Step step, Instant until) implements Serializable {
    }

    /** Where the pages' chain keeps the signed-in admin: also where the second step puts them. */
    SecurityContextRepository contexts() {
        return contexts;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        AdminUser user = (AdminUser) authentication.getPrincipal();
        TwoFactor.Step step = twoFactor.stepAfterPassword(user.currentAdmin());
        if (step == TwoFactor.Step.NONE) {
            signedIn.onAuthenticationSuccess(request, response, authentication);
            return;
        }
        SecurityContext nobody = SecurityContextHolder.createEmptyContext();
        SecurityContextHolder.setContext(nobody);
        contexts.saveContext(nobody, request, response);
        request.getSession().setAttribute(PENDING, new Pending(user.getUsername(), step, Instant.now().plus(PENDING_FOR)));
        response.sendRedirect(request.getContextPath() + (step == TwoFactor.Step.CODE ? "/login/code" : "/login/enrol"));
    }

    /** The admin half-way through signing in, if this step is theirs and they have not taken too long. */
    Optional<AdminUser> pending(HttpServletRequest request, TwoFactor.Step step) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PENDING) instanceof Pending pending)
                || pending.step() != step || pending.until().isBefore(Instant.now())) {
            return Optional.empty();
        }
        return accounts.findForSignIn(pending.email()).map(user -> {
            user.eraseCredentials();
            return user;
        });
    }

    /** The second step is done: the admin is signed in, in a session of a new id. */
    void complete(HttpServletRequest request, HttpServletResponse response, AdminUser user) {
        request.getSession().removeAttribute(PENDING);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    /** Goes on to the page asked for before the sign-in, or the dashboard. */
    void goOn(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        signedIn.onAuthenticationSuccess(request, response, SecurityContextHolder.getContext().getAuthentication());
    }
}
