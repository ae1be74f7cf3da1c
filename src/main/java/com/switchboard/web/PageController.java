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
        return "redirect:" + (isLocalPath(back) ? back : "/");
    }

    /** Only a path of this portal, in printable characters: no other host, no header injection (CR/LF). */
    static boolean isLocalPath(String back) {
        return back != null && back.length() <= 2048 && back.startsWith("/") && !back.startsWith("//")
                && back.chars().allMatch(c -> c > 0x20 && c < 0x7F && c != '\\');
    }
}
