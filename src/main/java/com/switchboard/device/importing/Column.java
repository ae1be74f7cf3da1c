package com.switchboard.device.importing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * The columns of an import file. Headers are recognised in English or French, whatever their order,
 * letter case, accents, blanks or punctuation.
 */
enum Column {
    SITE(true, "site", "sitename", "nomdusite", "nomsite"),
    MODEL(true, "devicemodel", "model", "modelname", "modele", "modeledappareil", "modeledelappareil", "modeleappareil",
            "modeledeposte", "modeleduposte"),
    MAC(true, "macaddress", "mac", "adressemac", "macadresse"),
    LABEL(false, "label", "devicelabel", "libelle", "etiquette", "description"),
    /** The result column of a downloaded results file, ignored so that the fixed file can be uploaded again. */
    RESULT(false, "result", "resultat");

    private final boolean required;
    private final Set<String> names;

    Column(boolean required, String... names) {
        this.required = required;
        this.names = Set.of(names);
    }

    boolean required() {
        return required;
    }

    /** The message key of the column's header in the UI language. */
    String messageKey() {
        return "import.column." + name().toLowerCase(Locale.ROOT);
    }

    static Column recognise(String header) {
        String key = normalise(header);
        for (Column column : values()) {
            if (column.names.contains(key)) {
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
