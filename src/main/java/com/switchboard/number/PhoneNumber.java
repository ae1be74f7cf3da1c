package com.switchboard.number;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number in E.164 ({@code +15145550100}). {@link #parse(String, String)} accepts what people type
 * (international or national, with blanks, dots, dashes, brackets) and only numbers valid in the given
 * country, as libphonenumber knows them; the constructor checks the E.164 form only.
 */
public record PhoneNumber(String e164) implements Serializable {

    /** A range is added in one go; beyond this it is more likely a typo than an order of numbers. */
    public static final int MAX_RANGE = 1000;

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    public PhoneNumber {
        if (e164 == null || !e164.matches("\\+[1-9][0-9]{1,14}")) {
            throw new IllegalArgumentException("Not an E.164 number: " + e164);
        }
    }

    /** Why an input is not a number of the country; {@link #code()} is the stable i18n message key. */
    public static final class Invalid extends RuntimeException {

        private final transient Object[] args;

        Invalid(String code, Object... args) {
            super(code);
            this.args = args;
        }

        public String code() {
            return getMessage();
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * @param country ISO 3166-1 alpha-2 code of the site the number belongs to
     * @throws Invalid "number.required", "number.invalid" or "number.wrong-country"
     */
    public static PhoneNumber parse(String input, String country) {
        Phonenumber.PhoneNumber parsed = read(input, country);
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
    }

    /**
     * Every number from {@code from} to {@code to}. {@code to} may be a whole number or only its last
     * digits, as people write a range: {@code +1 514 555 0100} to {@code 0199}.
     *
     * @throws Invalid "number.range.invalid", "number.range.too-large" or what {@link #parse} throws
     */
    public static List<PhoneNumber> range(String from, String to, String country) {
        PhoneNumber first = parse(from, country);
        String toDigits = to == null ? "" : to.replaceAll("[\\s().\\-\\u00A0]", "");
        if (toDigits.isEmpty()) {
            throw new Invalid("number.required");
        }
        PhoneNumber last;
        if (toDigits.startsWith("+") || toDigits.length() >= first.nationalDigits().length()) {
            last = parse(to, country);
        } else if (toDigits.matches("[0-9]+")) {
            String national = first.nationalDigits();
            last = parse("+" + first.countryCode() + national.substring(0, national.length() - toDigits.length()) + toDigits,
                    country);
        } else {
            throw new Invalid("number.invalid", to);
        }
        if (last.e164.length() != first.e164.length()) {
            throw new Invalid("number.range.invalid");
        }
        long start = Long.parseLong(first.e164.substring(1));
        long end = Long.parseLong(last.e164.substring(1));
        if (end < start) {
            throw new Invalid("number.range.invalid");
        }
        if (end - start + 1 > MAX_RANGE) {
            throw new Invalid("number.range.too-large", MAX_RANGE);
        }
        List<PhoneNumber> numbers = new ArrayList<>();
        for (long n = start; n <= end; n++) {
            numbers.add(parse("+" + n, country));
        }
        return numbers;
    }

    /** As people of the number's country write it: {@code (514) 555-0100}, {@code 01 99 00 12 34}. */
    public String national() {
        return UTIL.format(parsed(), PhoneNumberFormat.NATIONAL);
    }

    /** As written for a caller abroad: {@code +1 514-555-0100}, {@code +33 1 99 00 12 34}. */
    public String international() {
        return UTIL.format(parsed(), PhoneNumberFormat.INTERNATIONAL);
    }

    /** The digits a search box may hold, without blanks: both {@code 5145550100} and {@code 0199001234} match. */
    static String searchDigits(String input) {
        String digits = input == null ? "" : input.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? null : digits;
    }

    @Override
    public String toString() {
        return e164;
    }

    private int countryCode() {
        return parsed().getCountryCode();
    }

    private String nationalDigits() {
        return UTIL.getNationalSignificantNumber(parsed());
    }

    private Phonenumber.PhoneNumber parsed() {
        try {
            return UTIL.parse(e164, null);
        } catch (NumberParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Phonenumber.PhoneNumber read(String input, String country) {
        if (input == null || input.isBlank()) {
            throw new Invalid("number.required");
        }
        String region = country == null ? null : country.toUpperCase(Locale.ROOT);
        Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input.strip(), region);
        } catch (NumberParseException e) {
            throw new Invalid("number.invalid", input.strip());
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new Invalid("number.invalid", input.strip());
        }
        if (!UTIL.isValidNumberForRegion(parsed, region)) {
            throw new Invalid("number.wrong-country", input.strip());
        }
        return parsed;
    }
}
