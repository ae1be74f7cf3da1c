package com.switchboard.assignment.importing;

import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportWorker;
import org.springframework.stereotype.Component;

/** The user import jobs of this instance. */
@Component
class UserImportWorker extends ImportWorker {

    UserImportWorker(UserImportRepository repository, UserImporter importer, ImportSettings settings) {
        super("user-import", repository, importer::run, settings);
    }
}
