package com.switchboard.customer;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * What the shared layout needs on every page: the signed-in admin, the customer the pages act in,
 * and for a provider admin the customers to switch between.
 */
@Component
class LayoutModel implements HandlerInterceptor {

    private final CustomerScope scope;
    private final CustomerRepository customers;

    LayoutModel(CustomerScope scope, CustomerRepository customers) {
        this.scope = scope;
        this.customers = customers;
    }

    record Layout(CurrentAdmin admin, Customer acting, List<Customer> customers, String path) {
    }

    /**
     * Set as a request attribute before the handler runs, not added to the model after it: pages
     * rendered by an exception handler (error page, "choose a customer") skip postHandle, and
     * Thymeleaf sees request attributes as variables too.
     */
    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getHeader("HX-Request") != null) {
            return true; // fragments swapped into a page never show the layout
        }
        Optional<CurrentAdmin> admin = scope.currentIfAny();
        if (admin.isEmpty()) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Optional<CustomerId> acting = scope.acting(session);
        Customer actingCustomer = acting.flatMap(customers::find).orElse(null);
        List<Customer> all = admin.get().isProvider() ? customers.findAll() : List.of();
        // On an error dispatch, the address the user asked for, not /error.
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original instanceof String uri ? uri : request.getRequestURI();
        request.setAttribute("layout", new Layout(admin.get(), actingCustomer, all, path));
        return true;
    }
}
