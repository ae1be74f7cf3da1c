package com.switchboard.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.device.MacAddress;

/**
 * Poly (VVX, Edge E): a phone first asks for its own master file {@code <mac>.cfg} and, failing
 * that, the shared master {@code 000000000000.cfg}; the master's {@code CONFIG_FILES} lists the
 * per-phone file {@code <mac>-user.cfg}, an XML {@code <polycomConfig>} whose attributes are the
 * parameters.
 * <p>
 * Sources: wazo-platform/wazo-provd-plugins {@code plugins/wazo_polycom/v6_4_6/var/tftpboot/000000000000.cfg}
 * (the APPLICATION element, {@code [PHONE_MAC_ADDRESS]} in CONFIG_FILES), {@code common/common.py}
 * ({@code _dev_specific_filename}: lower-case MAC + "-user.cfg"; {@code _LOCALE} French_France /
 * English_United_States; {@code _SIP_TRANSPORT} UDPOnly/TCPOnly/TLS; {@code _format_tzinfo}:
 * tcpIpApp.sntp.gmtOffset in seconds and daylightSavings.* with dayOfWeek 1 = Sunday and
 * lastInMonth), {@code common/templates/base.tpl} (reg.1.*, tcpIpApp.sntp.address, lcl.ml.lang) and the
 * UC Software reference of {@code reg.1.outboundProxy.*} as it appears in the plugins' sip.cfg.
 */
final class PolyFiles implements VendorFiles {

    private static final Pattern MASTER = Pattern.compile("([0-9A-Fa-f]{12})\\.cfg");
    private static final Pattern USER = Pattern.compile("([0-9A-Fa-f]{12})-user\\.cfg");
    private static final String SHARED_MASTER = "000000000000.cfg";

    @Override
    public String family() {
        return "poly";
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        if (fileName.equals(SHARED_MASTER)) {
            return Optional.of(new FileRequest(fileName, null, "master"));
        }
        Matcher master = MASTER.matcher(fileName);
        if (master.matches()) {
            return VendorFiles.mac(master.group(1)).map(mac -> new FileRequest(fileName, mac, "master"));
        }
        Matcher user = USER.matcher(fileName);
        if (user.matches()) {
            return VendorFiles.mac(user.group(1)).map(mac -> new FileRequest(fileName, mac, "user"));
        }
        return Optional.empty();
    }

    @Override
    public PhoneFile renderShared(FileRequest request, String filesUrl) {
        return new PhoneFile(XML, master("[PHONE_MAC_ADDRESS]-user.cfg"));
    }

    private static String master(String configFiles) {
        // No firmware is served: APP_FILE_PATH names the vendor's image as the phones expect it.
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<APPLICATION APP_FILE_PATH=\"sip.ld\" CONFIG_FILES=\"" + ConfigText.xml(configFiles) + "\"/>\n";
    }

    @Override
    public PhoneFile render(FileRequest request, PhoneSetup setup) {
        if (request.variant().equals("master")) {
            return new PhoneFile(XML, master(mainFile(setup.mac())));
        }
        StringBuilder out = new StringBuilder(2048);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        out.append("<!-- Switchboard: ").append(setup.mac().display()).append(' ')
                .append(ConfigText.xml(setup.model()).replace("--", "- -")).append(" -->\n");
        out.append("<polycomConfig\n");
        attribute(out, "tcpIpApp.sntp.address.overrideDHCP", "1");
        attribute(out, "tcpIpApp.sntp.address", setup.ntpServer());
        ZoneNotation zone = ZoneNotation.of(setup.zone());
        attribute(out, "tcpIpApp.sntp.gmtOffset", Integer.toString(zone.standardOffsetSeconds()));
        if (zone.dst() == null) {
            attribute(out, "tcpIpApp.sntp.daylightSavings.enable", "0");
        } else {
            attribute(out, "tcpIpApp.sntp.daylightSavings.enable", "1");
            attribute(out, "tcpIpApp.sntp.daylightSavings.fixedDayEnable", "0");
            change(out, "start", zone.dst().start());
            change(out, "stop", zone.dst().end());
        }
        attribute(out, "lcl.ml.lang", setup.french() ? "French_France" : "English_United_States");
        PhoneSetup.Account account = setup.account();
        if (account != null) {
            attribute(out, "reg.1.displayName", account.displayName());
            attribute(out, "reg.1.label", account.extension() == null ? account.displayName() : account.extension());
            attribute(out, "reg.1.address", account.username());
            attribute(out, "reg.1.auth.userId", account.username());
            attribute(out, "reg.1.auth.password", account.password());
            attribute(out, "reg.1.server.1.address", account.domain());
            attribute(out, "reg.1.server.1.port", Integer.toString(setup.registrarPort()));
            attribute(out, "reg.1.server.1.transport", transport(setup.transport()));
            attribute(out, "reg.1.server.1.register", "1");
            attribute(out, "reg.1.server.1.expires", "3600");
            attribute(out, "reg.1.outboundProxy.address", setup.registrarHost());
            attribute(out, "reg.1.outboundProxy.port", Integer.toString(setup.registrarPort()));
            attribute(out, "reg.1.outboundProxy.transport", transport(setup.transport()));
        } else {
            attribute(out, "reg.1.address", "");
            attribute(out, "reg.1.server.1.register", "0");
        }
        out.append("/>\n");
        return new PhoneFile(XML, out.toString());
    }

    private static void change(StringBuilder out, String which, ZoneNotation.Change change) {
        String prefix = "tcpIpApp.sntp.daylightSavings." + which + ".";
        attribute(out, prefix + "month", Integer.toString(change.month().getValue()));
        attribute(out, prefix + "time", Integer.toString(change.wallTime().getHour()));
        attribute(out, prefix + "dayOfWeek", Integer.toString(change.day().getValue() % 7 + 1));
        if (change.week() == 5) {
            attribute(out, prefix + "dayOfWeek.lastInMonth", "1");
        } else {
            attribute(out, prefix + "dayOfWeek.lastInMonth", "0");
            attribute(out, prefix + "date", Integer.toString((change.week() - 1) * 7 + 1));
        }
    }

    @Override
    public String mainFile(MacAddress mac) {
        return mac.value().toLowerCase(Locale.ROOT) + "-user.cfg";
    }

    private static void attribute(StringBuilder out, String name, String value) {
        out.append("  ").append(name).append("=\"").append(ConfigText.xml(value)).append("\"\n");
    }

    private static String transport(String transport) {
        return switch (transport) {
            case "tcp" -> "TCPOnly";
            case "tls" -> "TLS";
            default -> "UDPOnly";
        };
    }
}
