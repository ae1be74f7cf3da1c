package com.switchboard.provisioning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.device.MacAddress;

/**
 * Cisco MPP (68xx, 78xx, 88xx, ATA 19x on multiplatform firmware): the profile rule
 * {@code <url>/$MA.xml} makes each phone ask for {@code <mac>.xml} (lower-case MAC, {@code $MA}),
 * an XML {@code <flat-profile>} of elements named after the web page's fields.
 * <p>
 * Sources: wazo-platform/wazo-provd-plugins {@code plugins/wazo_cisco_sip/v12_0_1/common.py}
 * ({@code _dev_specific_filename}: MAC without separators + ".xml"; {@code _LANGUAGE}, {@code _LOCALE};
 * {@code _format_tzinfo}: {@code Time_Zone} "GMT+01:00", {@code Daylight_Saving_Time_Rule}
 * "start=month/day/weekday/h:m:s;end=…;save=h:m:s" where day -1 is the last week and weekday
 * 1 = Monday … 7 = Sunday), {@code templates/common/model.cfg.tpl} ({@code Profile_Rule} with {@code $MA.xml}),
 * {@code v11_3_1/templates/base.tpl} (Line_Enable_1_, Proxy_1_, Display_Name_1_, User_ID_1_, Password_1_,
 * Auth_ID_1_, Station_Name, Primary_NTP_Server, Language_Selection, Locale) and
 * {@code var/tftpboot/cp-phone.xml} (Use_Auth_ID_1_). Outbound_Proxy_1_, Use_Outbound_Proxy_1_ and
 * SIP_Transport_1_: Cisco IP Phone 6800/7800/8800 Multiplatform Phones Administration Guide (Ext 1).
 */
final class CiscoMppFiles implements VendorFiles {

    private static final Pattern PHONE = Pattern.compile("([0-9A-Fa-f]{12})\\.xml");

    @Override
    public String family() {
        return "cisco-mpp";
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
        throw new IllegalArgumentException("Cisco MPP phones have no shared file");
    }

    @Override
    public PhoneFile render(FileRequest request, PhoneSetup setup) {
        StringBuilder out = new StringBuilder(2048);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        out.append("<!-- Switchboard: ").append(setup.mac().display()).append(' ')
                .append(ConfigText.xml(setup.model()).replace("--", "- -")).append(" -->\n");
        out.append("<flat-profile>\n");
        element(out, "Profile_Rule", setup.filesUrl() + "$MA.xml");
        element(out, "Resync_On_Reset", "Yes");
        element(out, "Primary_NTP_Server", setup.ntpServer());
        element(out, "Language_Selection", setup.french() ? "French" : "English");
        element(out, "Locale", setup.french() ? ("CA".equals(setup.country()) ? "fr-CA" : "fr-FR") : "en-US");
        ZoneNotation zone = ZoneNotation.of(setup.zone());
        int minutes = Math.abs(zone.standardOffsetSeconds()) / 60;
        element(out, "Time_Zone", String.format(Locale.ROOT, "GMT%s%02d:%02d", zone.standardOffsetSeconds() < 0 ? "-" : "+",
                minutes / 60, minutes % 60));
        if (zone.dst() == null) {
            element(out, "Daylight_Saving_Time_Enable", "no");
        } else {
            int save = zone.dst().saveSeconds();
            element(out, "Daylight_Saving_Time_Enable", "yes");
            element(out, "Daylight_Saving_Time_Rule", "start=" + change(zone.dst().start()) + ";end=" + change(zone.dst().end())
                    + ";save=" + save / 3600 + ":" + save % 3600 / 60 + ":0");
        }
        PhoneSetup.Account account = setup.account();
        if (account == null) {
            element(out, "Line_Enable_1_", "No");
            element(out, "User_ID_1_", "");
            element(out, "Password_1_", "");
        } else {
            element(out, "Station_Name", account.displayName());
            element(out, "Line_Enable_1_", "Yes");
            // The phone takes the registrar's NOTIFY resync / reboot_now without challenging it (Kamailio's
            // JSON-RPC NOTIFY cannot answer a 401): wazo-provd-plugins sets the same in
            // plugins/wazo_cisco_sip/v11_3_1/var/tftpboot/cp-phone.xml.
            element(out, "Auth_Resync-Reboot_1_", "No");
            element(out, "Proxy_1_", account.domain());
            element(out, "Outbound_Proxy_1_", setup.registrarHost() + ":" + setup.registrarPort());
            element(out, "Use_Outbound_Proxy_1_", "Yes");
            element(out, "SIP_Transport_1_", setup.transport().toUpperCase(Locale.ROOT));
            element(out, "Display_Name_1_", account.displayName());
            element(out, "User_ID_1_", account.username());
            element(out, "Password_1_", account.password());
            element(out, "Use_Auth_ID_1_", "Yes");
            element(out, "Auth_ID_1_", account.username());
        }
        out.append("</flat-profile>\n");
        return new PhoneFile(XML, out.toString());
    }

    private static String change(ZoneNotation.Change change) {
        String day = change.week() == 5 ? "-1" : Integer.toString((change.week() - 1) * 7 + 1);
        return change.month().getValue() + "/" + day + "/" + change.day().getValue() + "/"
                + change.wallTime().getHour() + ":" + change.wallTime().getMinute() + ":0";
    }

    @Override
    public String mainFile(MacAddress mac) {
        return mac.value().toLowerCase(Locale.ROOT) + ".xml";
    }

    private static void element(StringBuilder out, String name, String value) {
        out.append('<').append(name).append('>').append(ConfigText.xml(value)).append("</").append(name).append(">\n");
    }
}
