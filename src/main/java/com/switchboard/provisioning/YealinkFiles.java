package com.switchboard.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.device.MacAddress;

/**
 * Yealink: each phone asks for its model's common file {@code y0000000000NN.cfg} and then for
 * {@code <mac>.cfg} (12 lower-case hex digits), both {@code key = value} lines after a
 * {@code #!version:1.0.0.1} header.
 * <p>
 * Sources: wazo-platform/wazo-provd-plugins {@code plugins/wazo_yealink/common/common.py}
 * ({@code _dev_specific_filename}: MAC without separators + ".cfg"; {@code _LOCALE}; {@code _SIP_TRANSPORT}
 * udp=0 tcp=1 tls=2; {@code _format_tz_info}) and {@code v87/templates/base.tpl} (the account.N.*,
 * lang.*, voice.tone.country, local_time.* names). Common file names by model: the COMMON_FILES of
 * {@code plugins/wazo_yealink/v86/entry.py} before commit 921a5e69 (which moved everything into the
 * MAC file, as we do here: the common file carries nothing of a phone's own). Outbound proxy names
 * ({@code account.N.outbound_proxy_enable}, {@code account.N.outbound_proxy.1.address/port}) and the DST
 * notation "month/week (5 = last)/day of week (1 = Monday … 7 = Sunday)/hour": Yealink's
 * Administrator Guide for SIP-T2/T4/T5 phones (Daylight Saving Time, Auto DST file attributes).
 */
final class YealinkFiles implements VendorFiles {

    private static final Pattern COMMON = Pattern.compile("y0000000000(\\d{2})\\.cfg|y000000000(\\d{3})\\.cfg");
    private static final Pattern PHONE = Pattern.compile("([0-9A-Fa-f]{12})\\.cfg");
    /**
     * Model ids of the common files: T4xS 65–68, T27G 69, CP920 78, T5xW 95–97, T4xU 107–109 and 116,
     * T3x 123/124/127/171, CP925 148, T58W 150, T56/T58 58.
     */
    private static final Set<Integer> COMMON_IDS = Set.of(58, 65, 66, 67, 68, 69, 78, 95, 96, 97, 107, 108, 109, 116,
            123, 124, 127, 148, 150, 171);
    private static final String HEADER = "#!version:1.0.0.1\n";

    @Override
    public String family() {
        return "yealink";
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        Matcher common = COMMON.matcher(fileName);
        if (common.matches()) {
            int id = Integer.parseInt(common.group(1) != null ? common.group(1) : common.group(2));
            return COMMON_IDS.contains(id) ? Optional.of(new FileRequest(fileName, null, "common")) : Optional.empty();
        }
        Matcher phone = PHONE.matcher(fileName);
        if (phone.matches() && !fileName.startsWith("000000000000")) {
            return VendorFiles.mac(phone.group(1)).map(mac -> new FileRequest(fileName, mac, "phone"));
        }
        return Optional.empty();
    }

    @Override
    public PhoneFile renderShared(FileRequest request, String filesUrl) {
        return new PhoneFile(TEXT, HEADER
                + "## Switchboard: shared by the phones of this model; each phone's settings are in <mac>.cfg\n"
                + "static.auto_provision.server.url = " + ConfigText.value(filesUrl) + "\n");
    }

    @Override
    public PhoneFile render(FileRequest request, PhoneSetup setup) {
        StringBuilder out = new StringBuilder(2048).append(HEADER);
        out.append("## Switchboard: ").append(setup.mac().display()).append(' ').append(ConfigText.value(setup.model())).append('\n');
        line(out, "static.auto_provision.server.url", setup.filesUrl());
        // A NOTIFY "Event: check-sync" reboots the phone only when it says reboot=true (our Restart), so that
        // Resync (reboot=false) just fetches this file again; Yealink's default (1) reboots on every check-sync.
        // Values 0/1/2: Yealink Administrator Guide for SIP-T2/T4/T5 phones, "How to reboot the IP phone
        // remotely?" (sip.notify_reboot_enable); wazo-provd-plugins sets 0 as well (wazo_yealink v87/templates/base.tpl).
        line(out, "sip.notify_reboot_enable", "0");
        String language = setup.french() ? "French" : "English";
        line(out, "lang.gui", language);
        line(out, "lang.wui", language);
        line(out, "voice.tone.country", toneCountry(setup.country()));
        line(out, "local_time.ntp_server1", setup.ntpServer());
        ZoneNotation zone = ZoneNotation.of(setup.zone());
        line(out, "local_time.time_zone", zone.offsetHours());
        if (zone.dst() == null) {
            line(out, "local_time.summer_time", "0");
        } else {
            line(out, "local_time.summer_time", "1");
            line(out, "local_time.dst_time_type", "1");
            line(out, "local_time.start_time", change(zone.dst().start()));
            line(out, "local_time.end_time", change(zone.dst().end()));
            line(out, "local_time.offset_time", Integer.toString(zone.dst().saveSeconds() / 60));
        }
        PhoneSetup.Account account = setup.account();
        if (account == null) {
            line(out, "account.1.enable", "0");
            return new PhoneFile(TEXT, out.toString());
        }
        line(out, "account.1.enable", "1");
        line(out, "account.1.label", account.extension() == null ? account.displayName()
                : account.displayName() + " " + account.extension());
        line(out, "account.1.display_name", account.displayName());
        line(out, "account.1.auth_name", account.username());
        line(out, "account.1.user_name", account.username());
        line(out, "account.1.password", account.password());
        line(out, "account.1.sip_server.1.address", account.domain());
        line(out, "account.1.sip_server.1.port", Integer.toString(setup.registrarPort()));
        line(out, "account.1.sip_server.1.transport_type", transport(setup.transport()));
        line(out, "account.1.outbound_proxy_enable", "1");
        line(out, "account.1.outbound_proxy.1.address", setup.registrarHost());
        line(out, "account.1.outbound_proxy.1.port", Integer.toString(setup.registrarPort()));
        return new PhoneFile(TEXT, out.toString());
    }

    @Override
    public String mainFile(MacAddress mac) {
        return mac.value().toLowerCase(Locale.ROOT) + ".cfg";
    }

    private static void line(StringBuilder out, String key, String value) {
        out.append(key).append(" = ").append(ConfigText.value(value)).append('\n');
    }

    private static String change(ZoneNotation.Change change) {
        return change.month().getValue() + "/" + change.week() + "/" + change.day().getValue() + "/" + change.wallTime().getHour();
    }

    /** wazo's _SIP_TRANSPORT: udp 0, tcp 1, tls 2. */
    private static String transport(String transport) {
        return switch (transport) {
            case "tcp" -> "1";
            case "tls" -> "2";
            default -> "0";
        };
    }

    /** Call-progress tones by country; wazo maps fr_CA to "United States" (North American tones). */
    private static String toneCountry(String country) {
        return switch (country) {
            case "FR" -> "France";
            case "DE" -> "Germany";
            case "IT" -> "Italy";
            case "ES" -> "Spain";
            default -> "United States";
        };
    }
}
