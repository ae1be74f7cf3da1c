package com.switchboard.provisioning;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.device.MacAddress;

/**
 * Snom (D7xx, M400): a phone asks for its model's file {@code snom<model>.htm} (for instance
 * {@code snomD785.htm}), a {@code <setting-files>} list that points it to {@code <MAC>.xml}
 * (upper-case MAC), the {@code <settings>} of that phone. The per-phone list
 * {@code snom<model>-<MAC>.htm} is served too.
 * <p>
 * Sources: wazo-platform/wazo-provd-plugins {@code plugins/wazo_snom/common/common.py}
 * ({@code _dev_specific_filenames}: "snom" + model + "-" + upper-case MAC + ".htm" and upper-case MAC +
 * ".xml"; {@code _LOCALE}: language Français/English and tone scheme FRA/USA; {@code _add_timezone}:
 * {@code <timezone>} as tone scheme + hours, "FRA+1"), {@code common/templates/other/base.htm.tpl} and
 * {@code common/snom-model.htm.tpl.btpl} ({@code <setting-files><file url=…/>}), {@code common/templates/base.tpl}
 * (user_active, user_realname, user_name, user_pname, user_pass, user_host, user_outbound
 * "host:port;transport=udp", user_idle_text, ntp_server, language, web_language, tone_scheme, perm="R").
 * The {@code {mac}} placeholder of a setting-files URL: Snom's provisioning documentation (XML
 * provisioning, placeholders).
 */
final class SnomFiles implements VendorFiles {

    private static final Pattern MODEL_LIST = Pattern.compile("snom([A-Za-z0-9]{2,8})\\.htm");
    private static final Pattern PHONE_LIST = Pattern.compile("snom([A-Za-z0-9]{2,8})-([0-9A-Fa-f]{12})\\.htm");
    private static final Pattern PHONE = Pattern.compile("([0-9A-Fa-f]{12})\\.xml");

    @Override
    public String family() {
        return "snom";
    }

    @Override
    public Optional<FileRequest> parse(String fileName) {
        if (MODEL_LIST.matcher(fileName).matches()) {
            return Optional.of(new FileRequest(fileName, null, "list"));
        }
        Matcher list = PHONE_LIST.matcher(fileName);
        if (list.matches()) {
            return VendorFiles.mac(list.group(2)).map(mac -> new FileRequest(fileName, mac, "list"));
        }
        Matcher phone = PHONE.matcher(fileName);
        if (phone.matches()) {
            return VendorFiles.mac(phone.group(1)).map(mac -> new FileRequest(fileName, mac, "phone"));
        }
        return Optional.empty();
    }

    @Override
    public PhoneFile renderShared(FileRequest request, String filesUrl) {
        return new PhoneFile(XML, settingFiles(filesUrl + "{mac}.xml"));
    }

    private static String settingFiles(String url) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<setting-files>\n  <file url=\"" + ConfigText.xml(url) + "\"/>\n</setting-files>\n";
    }

    @Override
    public PhoneFile render(FileRequest request, PhoneSetup setup) {
        if (request.variant().equals("list")) {
            return new PhoneFile(XML, settingFiles(setup.filesUrl() + mainFile(setup.mac())));
        }
        StringBuilder out = new StringBuilder(2048);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
        out.append("<!-- Switchboard: ").append(setup.mac().display()).append(' ')
                .append(ConfigText.xml(setup.model()).replace("--", "- -")).append(" -->\n");
        out.append("<settings>\n  <phone-settings>\n");
        String tones = toneScheme(setup.country());
        setting(out, "setting_server", null, setup.filesUrl());
        setting(out, "ntp_server", null, setup.ntpServer());
        setting(out, "language", null, setup.french() ? "Français" : "English");
        setting(out, "web_language", null, setup.french() ? "Français" : "English");
        setting(out, "tone_scheme", null, tones);
        setting(out, "timezone", null, tones + ZoneNotation.of(setup.zone()).offsetHours().replaceAll(":.*", ""));
        PhoneSetup.Account account = setup.account();
        if (account == null) {
            setting(out, "user_active", "1", "off");
        } else {
            setting(out, "user_active", "1", "on");
            setting(out, "user_realname", "1", account.displayName());
            setting(out, "user_idle_text", "1", account.displayName());
            if (account.number() != null) {
                setting(out, "user_idle_number", "1", account.number());
            }
            setting(out, "user_name", "1", account.username());
            setting(out, "user_pname", "1", account.username());
            setting(out, "user_pass", "1", account.password());
            setting(out, "user_host", "1", account.domain());
            setting(out, "user_outbound", "1", setup.registrarHost() + ":" + setup.registrarPort() + ";transport=" + setup.transport());
        }
        out.append("  </phone-settings>\n</settings>\n");
        return new PhoneFile(XML, out.toString());
    }

    @Override
    public String mainFile(MacAddress mac) {
        return mac.value() + ".xml";
    }

    private static void setting(StringBuilder out, String name, String index, String value) {
        out.append("    <").append(name);
        if (index != null) {
            out.append(" idx=\"").append(index).append('"');
        }
        out.append(" perm=\"R\">").append(ConfigText.xml(value)).append("</").append(name).append(">\n");
    }

    /** wazo's _LOCALE: the tone scheme by country, North American tones elsewhere (fr_CA → USA). */
    private static String toneScheme(String country) {
        return switch (country) {
            case "FR" -> "FRA";
            case "DE" -> "GER";
            case "IT" -> "ITA";
            case "ES" -> "ESP";
            case "NL" -> "NLD";
            default -> "USA";
        };
    }
}
