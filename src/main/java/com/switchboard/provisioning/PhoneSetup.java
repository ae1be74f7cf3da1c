package com.switchboard.provisioning;

import java.time.ZoneId;

import com.switchboard.device.MacAddress;

/**
 * Everything a phone's configuration is made of: the device (MAC, model), its site (language,
 * country, time zone), the provider's settings, the URL of its files, and its account when it
 * has a line ({@code account} is null otherwise: the phone gets a configuration without one).
 */
record PhoneSetup(MacAddress mac, String model, String language, String country, ZoneId zone, String ntpServer,
                  String registrarHost, int registrarPort, String transport, String filesUrl, Account account) {

    /** A SIP account; {@code number} is the user's first phone number in E.164, or null. */
    record Account(String username, String password, String domain, String displayName, String extension, String number) {

        Account withPassword(String replacement) {
            return new Account(username, replacement, domain, displayName, extension, number);
        }
    }

    boolean french() {
        return "fr".equals(language);
    }

    PhoneSetup withAccount(Account replacement) {
        return new PhoneSetup(mac, model, language, country, zone, ntpServer, registrarHost, registrarPort, transport,
                filesUrl, replacement);
    }
}
