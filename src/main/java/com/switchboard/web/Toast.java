package com.switchboard.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A notification shown in the layout's toast area after a redirect. Serializable: flash attributes
 * live in the session, and sessions are stored in PostgreSQL.
 */
public record Toast(String level, String text) implements Serializable {

    public static void success(RedirectAttributes redirect, String text) {
        add(redirect, new Toast("success", text));
    }

    public static void warning(RedirectAttributes redirect, String text) {
        add(redirect, new Toast("warning", text));
    }

    @SuppressWarnings("unchecked")
    private static void add(RedirectAttributes redirect, Toast toast) {
        List<Toast> toasts = (List<Toast>) redirect.getFlashAttributes().get("toasts");
        List<Toast> all = toasts == null ? new ArrayList<>() : new ArrayList<>(toasts);
        all.add(toast);
        redirect.addFlashAttribute("toasts", all);
    }
}
