package com.switchboard.importing;

import java.text.Normalizer;
import java.util.Set;

/**
 * A column of an import file, implemented by an enum per kind of import. Headers are recognised in English or
 * French, whatever their order, letter case, accents, blanks or punctuation.
 */
public interface ImportColumn {

    /** Whether every file must have this column. */
    boolean required();

    /** The header names this column answers to, {@link #normalise normalised}. */
    Set<String> names();

    /** The message key of the column's header in the UI language. */
    String messageKey();

    /** The column of {@code columns} that a header names, or null. */
    static <C extends Enum<C> & ImportColumn> C recognise(String header, Class<C> columns) {
        String key = normalise(header);
        for (C column : columns.getEnumConstants()) {
            if (column.names().contains(key)) {
                return column;
            }
        }
        return null;
    }

    /** "Modèle d'appareil " → "modeledappareil": what is left when case, accents and punctuation are forgiven. */
    static String normalise(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = Character.toLowerCase(decomposed.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
