package com.switchboard.customer;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import com.switchboard.tenancy.CurrentAdmin;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

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

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView mav)
            throws IOException {
        if (mav == null || mav.getViewName() == null || mav.getViewName().startsWith("redirect:")) {
            return;
        }
        Optional<CurrentAdmin> admin = scope.currentIfAny();
        if (admin.isEmpty()) {
            return;
        }
        HttpSession session = request.getSession(false);
        Optional<CustomerId> acting = scope.acting(session);
        Customer actingCustomer = acting.flatMap(customers::find).orElse(null);
        List<Customer> all = admin.get().isProvider() ? customers.findAll() : List.of();
        mav.addObject("layout", new Layout(admin.get(), actingCustomer, all, request.getRequestURI()));
    }
}
