package com.switchboard.user;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.switchboard.rules.DomainException.FieldProblem;
import com.switchboard.rules.Refused;


/** What an admin says about a person, normalised: trimmed, lower-case language, blanks as null. */
public record UserDetails(String firstName, String lastName, String email, Long siteId, String extension, String language) {

    static final int MAX_NAME = 100;
    static final int MAX_EMAIL = 254;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern EXTENSION = Pattern.compile("^[0-9]{2,8}$");

    /** Normalises and checks every field, reporting all problems at once. */
    public static UserDetails of(String firstName, String lastName, String email, Long siteId, String extension,
                                 String language) {
        UserDetails user = normalised(firstName, lastName, email, siteId, extension, language);
        List<FieldProblem> problems = user.problems();
        if (!problems.isEmpty()) {
            throw new Refused("request.invalid", problems);
        }
        return user;
    }

    /** The fields trimmed, blanks as null, the language in lower case ("en" when absent), not yet checked. */
    public static UserDetails normalised(String firstName, String lastName, String email, Long siteId, String extension,
                                         String language) {
        String lang = trim(language) == null ? "en" : trim(language).toLowerCase(Locale.ROOT);
        return new UserDetails(trim(firstName), trim(lastName), trim(email), siteId, trim(extension), lang);
    }

    /**
     * Every broken rule of these details, as values (empty when they may be saved): what {@link #of} refuses,
     * for a batch such as an import that reports every problem of every row.
     */
    public List<FieldProblem> problems() {
        List<FieldProblem> problems = new ArrayList<>();
        name("firstName", firstName, problems);
        name("lastName", lastName, problems);
        if (email == null) {
            problems.add(new FieldProblem("email", "validation.required"));
        } else if (email.length() > MAX_EMAIL) {
            problems.add(new FieldProblem("email", "validation.too-long", MAX_EMAIL));
        } else if (!EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "validation.email"));
        }
        if (siteId == null) {
            problems.add(new FieldProblem("siteId", "validation.required"));
        }
        if (extension == null) {
            problems.add(new FieldProblem("extension", "validation.required"));
        } else if (!EXTENSION.matcher(extension).matches()) {
            problems.add(new FieldProblem("extension", "user.extension.invalid"));
        }
        if (!language.equals("en") && !language.equals("fr")) {
            problems.add(new FieldProblem("language", "validation.language"));
        }
        return problems;
    }

    private static void name(String field, String value, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(new FieldProblem(field, "validation.required"));
        } else if (value.length() > MAX_NAME) {
            problems.add(new FieldProblem(field, "validation.too-long", MAX_NAME));
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
