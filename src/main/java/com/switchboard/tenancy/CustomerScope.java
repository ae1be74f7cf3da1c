package com.switchboard.tenancy;

import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.NotPermitted;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who may act in which customer. A customer admin only ever reaches its own customer; anything
 * else answers exactly as if it did not exist. A provider admin reaches every customer and picks
 * the one the pages act in.
 */
@Component
public class CustomerScope {

    static final String ACTING_CUSTOMER = "switchboard.actingCustomerId";

    public Optional<CurrentAdmin> currentIfAny() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentAdmin.Holder holder) {
            return Optional.of(holder.currentAdmin());
        }
        return Optional.empty();
    }

    /** Who is acting now, for the events of a change: the signed-in admin from the request's address, or the system. */
    public Actor actor() {
        String remoteAddr = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest().getRemoteAddr() : null;
        return Actor.of(currentIfAny().orElse(null), remoteAddr);
    }

    public CurrentAdmin current() {
        return currentIfAny().orElseThrow(() -> new NotPermitted("security.forbidden"));
    }

    /** The customer of an API path, if the caller may reach it; otherwise "not found". */
    public CustomerId require(long customerId) {
        CurrentAdmin admin = current();
        if (customerId <= 0 || (!admin.isProvider() && admin.customerId().value() != customerId)) {
            throw new NotFound("customer.not-found");
        }
        return new CustomerId(customerId);
    }

    public void requireProvider() {
        if (!current().isProvider()) {
            throw new NotPermitted("security.provider-only");
        }
    }

    /** The customer the pages act in: a customer admin's own, or the one a provider admin picked. */
    public Optional<CustomerId> acting(HttpSession session) {
        Optional<CurrentAdmin> admin = currentIfAny();
        if (admin.isEmpty()) {
            return Optional.empty();
        }
        if (!admin.get().isProvider()) {
            return Optional.of(admin.get().customerId());
        }
        Object picked = session == null ? null : session.getAttribute(ACTING_CUSTOMER);
        return picked instanceof Long id ? Optional.of(new CustomerId(id)) : Optional.empty();
    }

    public void actIn(HttpSession session, CustomerId customerId) {
        requireProvider();
        session.setAttribute(ACTING_CUSTOMER, customerId.value());
    }

    /** The acting customer of a page; a provider admin who has not picked one is asked to. */
    public CustomerId requireActing(HttpSession session) {
        return acting(session).orElseThrow(() -> new NotFound("customer.choose"));
    }
}
