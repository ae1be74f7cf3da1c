package com.switchboard.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.passay.EnglishSequenceData;
import org.passay.IllegalSequenceRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.RepeatCharacterRegexRule;
import org.passay.Rule;
import org.passay.UsernameRule;

/**
 * Refuses passwords that are easy to guess, with Passay's rules (https://www.passay.org/reference/):
 * blank, a character repeated four times or more, five or more letters, digits or keyboard keys in
 * sequence (abcde, 12345, qwert), the account's email within it (forwards or backwards), or the
 * email's part before the @ alone. The length is checked by the caller.
 */
final class PasswordStrength {

    private static final List<Rule> RULES = List.of(
            new RepeatCharacterRegexRule(4),
            new IllegalSequenceRule(EnglishSequenceData.Alphabetical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.Numerical, 5, false),
            new IllegalSequenceRule(EnglishSequenceData.USQwerty, 5, false));

    private PasswordStrength() {
    }

    /** Whether the password may be used for the account with this email. */
    static boolean isStrong(String password, String email) {
        if (password == null || password.isBlank()) {
            return false;
        }
        String normalized = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        int at = normalized.indexOf('@');
        if (at > 0 && password.strip().equalsIgnoreCase(normalized.substring(0, at))) {
            return false;
        }
        if (normalized.isEmpty()) {
            return new PasswordValidator(RULES).validate(new PasswordData(password)).isValid();
        }
        List<Rule> rules = new ArrayList<>(RULES);
        rules.add(new UsernameRule(true, true));
        return new PasswordValidator(rules).validate(new PasswordData(normalized, password)).isValid();
    }
}
