package com.switchboard.web;

/**
 * Text a client may send: no NUL or other control character (PostgreSQL refuses NUL in text, and a
 * control character has no place in a name, a label or an address), except tab and line breaks.
 */
public final class CleanText {

    private CleanText() {
    }

    public static boolean isClean(CharSequence text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
                return false;
            }
        }
        return true;
    }

    /** The text with each control character replaced by U+FFFD, for values kept only to be shown back. */
    public static String scrub(String text) {
        if (isClean(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F ? '\uFFFD' : c);
        }
        return clean.toString();
    }
}
