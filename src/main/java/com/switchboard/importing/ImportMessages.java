package com.switchboard.importing;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Renders stored problems in the reader's language: codes and arguments are kept, never text. */
@Component
public class ImportMessages {

    private final MessageSource messages;

    ImportMessages(MessageSource messages) {
        this.messages = messages;
    }

    public String message(String code, Object[] args, Locale locale) {
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof String s && s.startsWith(ImportHeader.MESSAGE_ARG)
                    ? messages.getMessage(s.substring(ImportHeader.MESSAGE_ARG.length()), null, s, locale)
                    : args[i];
        }
        return messages.getMessage(code, resolved, code, locale);
    }

    public String message(RowError error, Locale locale) {
        return message(error.code(), error.args(), locale);
    }

    public String text(String code, Locale locale) {
        return messages.getMessage(code, null, code, locale);
    }
}
