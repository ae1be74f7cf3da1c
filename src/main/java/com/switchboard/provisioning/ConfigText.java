package com.switchboard.provisioning;

/**
 * Escaping of the values written into phone configurations, so that a display name or a label can
 * never add a line, a key or an element: control characters (new lines included) become spaces in
 * every format, and XML also escapes its five special characters.
 */
final class ConfigText {

    private ConfigText() {
    }

    /** For {@code key = value} lines: the value stays on its line. */
    static String value(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> out.appendCodePoint(Character.isISOControl(c) || c == 0x2028 || c == 0x2029 ? ' ' : c));
        return out.toString().strip();
    }

    /** For XML text and attribute values. */
    static String xml(String text) {
        String plain = value(text);
        StringBuilder out = new StringBuilder(plain.length() + 16);
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
