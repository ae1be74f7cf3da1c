package com.switchboard.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Sign-in page and language switch. */
@Controller
class PageController {

    @GetMapping("/login")
    String login() {
        return "web/login";
    }

    /** The language itself is set by the locale interceptor; this only goes back where the user was. */
    @GetMapping("/language")
    String language(HttpServletRequest request) {
        String back = request.getParameter("back");
        boolean local = back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\");
        return "redirect:" + (local ? back : "/");
    }
}
