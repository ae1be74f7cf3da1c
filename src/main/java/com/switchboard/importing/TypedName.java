package com.switchboard.importing;

import java.util.Locale;

/** Names of sites and models as an admin types them in a file: letter case and blanks are forgiven. */
public final class TypedName {

    private TypedName() {
    }

    /** " Head   Office " and "head office" have the same key. */
    public static String key(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean space = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = out.length() > 0;
            } else {
                if (space) {
                    out.append(' ');
                    space = false;
                }
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
