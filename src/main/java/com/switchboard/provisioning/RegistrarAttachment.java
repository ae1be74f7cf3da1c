package com.switchboard.provisioning;

/**
 * Whether phones have a registrar to register with, for the Provisioning page: implemented by the
 * registrar module (provisioning never depends on it). Without an implementation, none is attached.
 */
public interface RegistrarAttachment {

    /** A registrar answers: the portal's own Kamailio, or an external fleet. */
    boolean attached();
}
