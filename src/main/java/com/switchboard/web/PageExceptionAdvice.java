package com.switchboard.web;

import com.switchboard.rules.DomainException;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** A broken rule on a page that has no form to show it on: a proper error page in the user's language. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionAdvice {

    static final String CHOOSE_CUSTOMER = "customer.choose";

    @ExceptionHandler(DomainException.class)
    String domain(DomainException e, Model model, HttpServletResponse response) {
        if (CHOOSE_CUSTOMER.equals(e.code())) {
            return "web/choose-customer";
        }
        int status = Problems.status(e).value();
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("code", e.code());
        model.addAttribute("args", e.args());
        return "error";
    }

    /** Spring Security's firewall refuses some parameter names and values the first time they are read. */
    @ExceptionHandler(RequestRejectedException.class)
    String rejected(Model model, HttpServletResponse response) {
        response.setStatus(400);
        model.addAttribute("status", 400);
        model.addAttribute("code", "request.rejected");
        model.addAttribute("args", new Object[0]);
        return "error";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badParameter(Model model, HttpServletResponse response) {
        response.setStatus(404);
        model.addAttribute("status", 404);
        model.addAttribute("code", "request.not-found");
        model.addAttribute("args", new Object[0]);
        return "error";
    }
}
