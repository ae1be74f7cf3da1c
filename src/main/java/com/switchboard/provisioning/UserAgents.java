package com.switchboard.provisioning;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model a phone names in its User-Agent, so that "Add device" can be prefilled for a phone that
 * asked but is not in the inventory. Forms from wazo-platform/wazo-provd-plugins'
 * HTTP device-info extractors (Yealink "Yealink SIP-T46U 108.86.0.45 80:5e:c0:…", Poly
 * "FileTransport PolycomVVX-VVX_450-UA/6.4.6", Cisco "Cisco-CP-8851-3PCC/11.3.1 (…)", Grandstream
 * "Grandstream Model HW GRP2614 SW …", Snom "Mozilla/4.0 (compatible; snomD785-SIP 10.1…)").
 */
final class UserAgents {

    private static final List<Pattern> MODELS = List.of(
            Pattern.compile("[Yy]ealink[\\s-]+(?:SIP[\\s-]+)?(?:VP-)?([A-Z]{1,3}\\d{2,3}[A-Z]?)"),
            Pattern.compile("Polycom(?:VVX|Edge)?-((?:VVX|Edge)_[A-Z]?\\d+)"),
            Pattern.compile("Cisco-CP-?(\\d{4})"),
            Pattern.compile("Grandstream.*?\\b((?:GRP|GXP|HT|GXV)\\d{3,4}[A-Z]?)"),
            Pattern.compile("snom([A-Z]?\\d{3})-SIP"));

    private UserAgents() {
    }

    static Optional<String> model(String userAgent) {
        if (userAgent == null) {
            return Optional.empty();
        }
        for (Pattern pattern : MODELS) {
            Matcher matcher = pattern.matcher(userAgent);
            if (matcher.find()) {
                return Optional.of(matcher.group(1).replace('_', ' '));
            }
        }
        return Optional.empty();
    }
}
