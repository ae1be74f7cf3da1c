package com.switchboard.device.importing;

import java.util.Locale;
import java.util.Set;

import com.switchboard.importing.ImportColumn;

/**
 * The columns of a device import file.
 */
enum Column implements ImportColumn {
    SITE(true, "site", "sitename", "nomdusite", "nomsite"),
    MODEL(true, "devicemodel", "model", "modelname", "modele", "modeledappareil", "modeledelappareil", "modeleappareil",
            "modeledeposte", "modeleduposte"),
    MAC(true, "macaddress", "mac", "adressemac", "macadresse"),
    LABEL(false, "label", "devicelabel", "libelle", "etiquette", "description"),
    /** The result column of a downloaded results file, ignored so that the fixed file can be uploaded again. */
    RESULT(false, "result", "resultat"),
    /**
     * The columns an export of the device list adds after the template's (device.DeviceExport, in English
     * or French): recognised and ignored, so that an exported list uploads back as it is.
     */
    STATUS(false, "status", "etat", "statut"),
    USER(false, "user", "utilisateur", "assignedto", "attribuea"),
    ADDED_ON(false, "addedon", "ajoutele", "dateadded", "createdat");

    private final boolean required;
    private final Set<String> names;

    Column(boolean required, String... names) {
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
        return "import.column." + name().toLowerCase(Locale.ROOT);
    }

    static Column recognise(String header) {
        return ImportColumn.recognise(header, Column.class);
    }
}
