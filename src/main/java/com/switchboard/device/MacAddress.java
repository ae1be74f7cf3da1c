package com.switchboard.device;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A device MAC address in canonical form: exactly 12 upper-case hex digits.
 *
 * <p>{@link #parse(String)} only accepts unicast, globally administered (burned-in) addresses, since those are
 * the ones that identify a device; the constructor checks the canonical format only. Canonical storage makes equality, database uniqueness and prefix search independent of how the
 * address was typed. Parsing is a hand-written scan over a non-throwing core so bulk imports can call
 * {@link #check(String)} per row without regex or exception costs.
 */
public record MacAddress(String value) {

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);
    private static final long BROADCAST_BITS = 0xFFFF_FFFF_FFFFL;
    private static final int MULTICAST_BIT = 0x01;
    private static final int LOCAL_BIT = 0x02;

    private static final Rule[] RULES = Rule.values();
    /** One shared Optional per rule, indexed by ordinal, so {@link #check(String)} does not allocate. */
    private static final List<Optional<Rule>> BROKEN = Arrays.stream(RULES).map(Optional::of).toList();

    /** Why an input is not an acceptable device MAC; {@link #code()} is the stable i18n message key. */
    public enum Rule {
        BLANK("device.mac.required"),
        MALFORMED("device.mac.invalid"),
        ALL_ZEROS("device.mac.zero"),
        BROADCAST("device.mac.broadcast"),
        MULTICAST("device.mac.multicast"),
        LOCALLY_ADMINISTERED("device.mac.local");

        private final String code;

        Rule(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Thrown by {@link #parse(String)}; the message is the rule's i18n code, to be resolved by the caller. */
    public static final class Invalid extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final Rule rule;

        public Invalid(Rule rule) {
            super(rule.code());
            this.rule = rule;
        }

        public Rule rule() {
            return rule;
        }
    }

    /** Guards the canonical form so a non-canonical instance (e.g. {@code new MacAddress("bad")}) cannot exist. */
    public MacAddress {
        if (value == null || value.length() != 12) {
            throw new IllegalArgumentException("MAC value must be 12 upper-case hex digits");
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                throw new IllegalArgumentException("MAC value must be 12 upper-case hex digits");
            }
        }
    }

    /**
     * Parses {@code AA:BB:CC:DD:EE:FF}, {@code AA-BB-CC-DD-EE-FF}, {@code AA BB CC DD EE FF}, {@code AABB.CCDD.EEFF}
     * or {@code AABBCCDDEEFF}
     * in any letter case, ignoring surrounding blanks.
     *
     * @throws Invalid carrying the first broken {@link Rule}
     */
    public static MacAddress parse(String input) {
        long bits = decode(input);
        if (bits < 0) {
            throw new Invalid(RULES[(int) (-bits - 1)]);
        }
        byte[] digits = new byte[12];
        for (int i = 0; i < 12; i++) {
            digits[i] = HEX[(int) (bits >>> (44 - 4 * i)) & 0xF];
        }
        return new MacAddress(new String(digits, StandardCharsets.ISO_8859_1));
    }

    /** Same verdict as {@link #parse(String)} without throwing or building the value, for batch validation. */
    public static Optional<Rule> check(String input) {
        long bits = decode(input);
        return bits < 0 ? BROKEN.get((int) (-bits - 1)) : Optional.empty();
    }

    /**
     * Normalises a partial MAC typed into a list search box ({@code "bb:cc"} → {@code "BBCC"}), so it can be
     * matched against canonical values with a substring search.
     *
     * @return 1 to 12 upper-case hex digits, or {@code null} if the input is not a usable fragment
     */
    public static String searchFragment(String input) {
        if (input == null) {
            return null;
        }
        StringBuilder fragment = new StringBuilder(12);
        for (int i = 0, n = input.length(); i < n; i++) {
            char c = input.charAt(i);
            if (c == ':' || c == '-' || c == '.' || isBlank(c)) {
                continue;
            }
            int digit = hexValue(c);
            if (digit < 0 || fragment.length() == 12) {
                return null;
            }
            fragment.append((char) HEX[digit]);
        }
        return fragment.length() == 0 ? null : fragment.toString();
    }

    /** Colon-separated form, the one operators expect to read. */
    public String display() {
        char[] out = new char[17];
        for (int i = 0, o = 0; i < 12; i += 2) {
            if (i > 0) {
                out[o++] = ':';
            }
            out[o++] = value.charAt(i);
            out[o++] = value.charAt(i + 1);
        }
        return new String(out);
    }

    /** Vendor prefix (Organizationally Unique Identifier): the first 6 hex digits. */
    public String oui() {
        return value.substring(0, 6);
    }

    /** True if the canonical value starts with {@code hexPrefix}, which must itself be upper-case hex. */
    public boolean hasPrefix(String hexPrefix) {
        return value.startsWith(hexPrefix);
    }

    @Override
    public String toString() {
        return display();
    }

    /**
     * Non-throwing core: returns the 48-bit address ({@code >= 0}) or {@code -(rule.ordinal() + 1)}.
     * A long carries both outcomes, so neither path allocates.
     */
    private static long decode(String input) {
        if (input == null) {
            return fail(Rule.BLANK);
        }
        int start = 0;
        int end = input.length();
        while (start < end && isBlank(input.charAt(start))) {
            start++;
        }
        while (end > start && isBlank(input.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return fail(Rule.BLANK);
        }

        // Each format has a fixed length and fixed separator positions; separator 0 means bare digits.
        int length = end - start;
        char separator;
        int groupWidth;
        if (length == 17) {
            separator = input.charAt(start + 2);
            // A blank as well: some phone labels print "80 5E C0 AA BB 04".
            if (separator != ':' && separator != '-' && separator != ' ') {
                return fail(Rule.MALFORMED);
            }
            groupWidth = 2;
        } else if (length == 14) {
            separator = '.';
            groupWidth = 4;
        } else if (length == 12) {
            separator = 0;
            groupWidth = 12;
        } else {
            return fail(Rule.MALFORMED);
        }

        long bits = 0;
        for (int i = 0; i < length; i++) {
            char c = input.charAt(start + i);
            if (separator != 0 && i % (groupWidth + 1) == groupWidth) {
                if (c != separator) {
                    return fail(Rule.MALFORMED);
                }
                continue;
            }
            int digit = hexValue(c);
            if (digit < 0) {
                return fail(Rule.MALFORMED);
            }
            bits = (bits << 4) | digit;
        }

        int firstOctet = (int) (bits >>> 40);
        if (bits == 0) {
            return fail(Rule.ALL_ZEROS);
        }
        if (bits == BROADCAST_BITS) {
            return fail(Rule.BROADCAST);
        }
        if ((firstOctet & MULTICAST_BIT) != 0) {
            return fail(Rule.MULTICAST);
        }
        if ((firstOctet & LOCAL_BIT) != 0) {
            return fail(Rule.LOCALLY_ADMINISTERED);
        }
        return bits;
    }

    private static long fail(Rule rule) {
        return -(rule.ordinal() + 1L);
    }

    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** Blanks pasted from spreadsheets and web pages include NBSP variants that {@link String#strip()} keeps. */
    private static boolean isBlank(char c) {
        return Character.isWhitespace(c) || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\uFEFF';
    }
}
