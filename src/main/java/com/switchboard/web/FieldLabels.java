package com.switchboard.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The label a form shows for a field, so that the error summary says which field a problem is about
 * ("Email: Required."): {@code ${@fieldLabels.of(err.fieldName, 'user.field,device.field', #locale)}}
 * tries {@code user.field.email}, then {@code device.field.email}; a field named {@code siteId} is
 * also looked up as {@code site}.
 */
@Component("fieldLabels")
public class FieldLabels {

    private final MessageSource messages;

    FieldLabels(MessageSource messages) {
        this.messages = messages;
    }

    /** The label, or null when none of the prefixes has one (the summary then shows the message alone). */
    public String of(String field, String prefixes, Locale locale) {
        if (field == null || prefixes == null) {
            return null;
        }
        String bare = field.endsWith("Id") ? field.substring(0, field.length() - 2) : field;
        for (String prefix : prefixes.split(",")) {
            for (String name : new String[]{field, bare}) {
                String label = messages.getMessage(prefix.strip() + "." + name, null, null, locale);
                if (label != null) {
                    return label;
                }
            }
        }
        return null;
    }
}
