package com.switchboard.importing;

/** Where an import stands; the last three are final. */
public enum ImportStatus {
    QUEUED, VALIDATING, IMPORTING, COMPLETED, REJECTED, FAILED;

    public boolean finished() {
        return this == COMPLETED || this == REJECTED || this == FAILED;
    }
}
