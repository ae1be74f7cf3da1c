package com.switchboard.device.importing;

import com.switchboard.importing.ImportSettings;
import com.switchboard.importing.ImportWorker;
import org.springframework.stereotype.Component;

/** The device import jobs of this instance. */
@Component
class DeviceImportWorker extends ImportWorker {

    DeviceImportWorker(ImportRepository repository, DeviceImporter importer, ImportSettings settings) {
        super("device-import", repository, importer::run, settings);
    }
}
