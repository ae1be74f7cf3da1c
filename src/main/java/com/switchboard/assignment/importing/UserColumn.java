package com.switchboard.assignment.importing;

import java.util.Locale;
import java.util.Set;

import com.switchboard.importing.ImportColumn;

/** The columns of a user import file, recognised by their English or French headers. */
enum UserColumn implements ImportColumn {
    FIRST_NAME(true, "firstname", "givenname", "prenom"),
    LAST_NAME(true, "lastname", "surname", "familyname", "nom", "nomdefamille"),
    EMAIL(true, "email", "emailaddress", "mail", "courriel", "adressecourriel", "adresseemail", "adressedecourriel"),
    SITE(true, "site", "sitename", "nomdusite", "nomsite"),
    EXTENSION(true, "extension", "ext", "poste", "numerodeposte", "posteinterne"),
    LANGUAGE(false, "language", "langue"),
    NUMBER(false, "phonenumber", "number", "telephonenumber", "numero", "numerodetelephone", "numerotelephone"),
    MAC(false, "phonemacaddress", "phonemac", "macaddress", "mac", "phone", "adressemacdutelephone", "adressemac",
            "macdutelephone", "telephone"),
    MODEL(false, "phonemodel", "devicemodel", "model", "modeledutelephone", "modele", "modeledappareil"),
    LABEL(false, "phonelabel", "devicelabel", "label", "libelledutelephone", "libelle", "etiquette"),
    /** The result column of a downloaded results file, ignored so that the fixed file can be uploaded again. */
    RESULT(false, "result", "resultat");

    private final boolean required;
    private final Set<String> names;

    UserColumn(boolean required, String... names) {
        this.required = required;
        this.names = Set.of(names);
    }

    @Override
    public boolean required() {
        return required;
    }

    @Override
    public Set<String> names() {
        return names;
    }

    @Override
    public String messageKey() {
        return "user-import.column." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The template's columns, in their order. */
    static final UserColumn[] TEMPLATE = {FIRST_NAME, LAST_NAME, EMAIL, SITE, EXTENSION, LANGUAGE, NUMBER, MAC, MODEL, LABEL};
}
