package com.switchboard.provisioning;

import java.util.Optional;

import com.switchboard.device.MacAddress;

/**
 * The files one vendor's phones ask for (by provisioning family), and how each is written. A file
 * name either names one phone by its MAC ({@link FileRequest#mac()} set: served only to a device of
 * the key's customer in this family) or is shared by the vendor's phones (no MAC).
 */
sealed interface VendorFiles permits YealinkFiles, PolyFiles, CiscoMppFiles, GrandstreamFiles, SnomFiles {

    /** The catalogue's provisioning family ({@code device_model.provisioning_family}). */
    String family();

    /** What this file name asks for, when it is one of this vendor's names; MACs in upper or lower case. */
    Optional<FileRequest> parse(String fileName);

    /** A file for one phone (a request with a MAC). */
    PhoneFile render(FileRequest request, PhoneSetup setup);

    /** A shared file (a request without a MAC), for the phones given {@code filesUrl}. */
    PhoneFile renderShared(FileRequest request, String filesUrl);

    /** The file that holds the phone's account, as the device page shows it. */
    String mainFile(MacAddress mac);

    /** The file name asked for, and the MAC it names (null for a shared file). */
    record FileRequest(String name, MacAddress mac, String variant) {
    }

    record PhoneFile(String contentType, String body) {
    }

    String XML = "application/xml; charset=UTF-8";
    String TEXT = "text/plain; charset=UTF-8";

    /** 12 hex digits as a MAC, or nothing (an all-zero or malformed name is not a phone). */
    static Optional<MacAddress> mac(String hex) {
        if (hex == null || !hex.matches("[0-9A-Fa-f]{12}") || MacAddress.check(hex).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(MacAddress.parse(hex));
    }
}
