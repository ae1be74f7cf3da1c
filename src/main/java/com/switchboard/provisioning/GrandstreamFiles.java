package com.switchboard.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.device.MacAddress;

/**
 * Grandstream (GRP26xx, HT8xx): each phone asks for {@code cfg<mac>.xml} (lower-case MAC), a
 * {@code <gs_provision>} of P-value elements.
 * <p>
 * Sources: wazo-platform/wazo-provd-plugins {@code plugins/wazo_grandstream/common/common.py}
 * ({@code _dev_specific_filename}: "cfg" + lower-case MAC + ".xml"; {@code LOCALE} fr/en; {@code TZ_NAME}:
 * a POSIX TZ string such as "CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00" in P64) and
 * {@code common/templates/base.tpl} (P271 account active, P270 account name, P47 SIP server, P35 SIP
 * user id, P36 authenticate id, P34 password, P3 display name, P30 NTP server, P64 time zone, P1362
 * language). P48 (outbound proxy) and P130 (SIP transport: 0 UDP, 1 TCP, 2 TLS): Grandstream's
 * configuration template of the GRP261x/GXP phones (P-value list).
 */
final class GrandstreamFiles implements VendorFiles {

    private static final Pattern PHONE = Pattern.compile("cfg([0-9A-Fa-f]{12})\\.xml");

    @Override
    public String family() {
        return "grandstream";
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        Matcher phone = PHONE.matcher(fileName);
        if (phone.matches()) {
            return VendorFiles.mac(phone.group(1)).map(mac -> new FileRequest(fileName, mac, "phone"));
        }
        return Optional.empty();
    }

    @Override
    public PhoneFile renderShared(FileRequest request, String filesUrl) {
        throw new IllegalArgumentException("Grandstream phones have no shared file");
    }

    @Override
    public PhoneFile render(FileRequest request, PhoneSetup setup) {
        StringBuilder out = new StringBuilder(1024);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
        out.append("<!-- Switchboard: ").append(setup.mac().display()).append(' ')
                .append(ConfigText.xml(setup.model()).replace("--", "- -")).append(" -->\n");
        out.append("<gs_provision version=\"1\">\n <config version=\"1\">\n");
        p(out, 30, setup.ntpServer());
        p(out, 64, ZoneNotation.of(setup.zone()).posix());
        p(out, 1362, setup.french() ? "fr" : "en");
        PhoneSetup.Account account = setup.account();
        if (account == null) {
            p(out, 271, "0");
        } else {
            p(out, 271, "1");
            p(out, 270, account.displayName());
            p(out, 47, account.domain());
            p(out, 48, setup.registrarHost() + ":" + setup.registrarPort());
            p(out, 130, switch (setup.transport()) {
                case "tcp" -> "1";
                case "tls" -> "2";
                default -> "0";
            });
            p(out, 35, account.username());
            p(out, 36, account.username());
            p(out, 34, account.password());
            p(out, 3, account.displayName());
        }
        out.append(" </config>\n</gs_provision>\n");
        return new PhoneFile(XML, out.toString());
    }

    @Override
    public String mainFile(MacAddress mac) {
        return "cfg" + mac.value().toLowerCase(Locale.ROOT) + ".xml";
    }

    private static void p(StringBuilder out, int number, String value) {
        out.append("    <P").append(number).append('>').append(ConfigText.xml(value)).append("</P").append(number).append(">\n");
    }
}
