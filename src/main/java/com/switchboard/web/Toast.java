package com.switchboard.web;

import java.util.ArrayList;
import java.util.List;

import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A notification shown in the layout's toast area after a redirect. Flash attributes live in the
 * session, which is stored in PostgreSQL: hence Serializable.
 */
public record Toast(String level, String text) implements java.io.Serializable {

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
