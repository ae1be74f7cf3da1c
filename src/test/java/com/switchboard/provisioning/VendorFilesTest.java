package com.switchboard.provisioning;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import com.switchboard.device.MacAddress;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Each vendor's files from fixed data (names with accents), compared with the golden files under
 * src/test/resources/provisioning/golden and parsed back as a phone would. Run with
 * {@code -Dgolden.update=true} to write the golden files again after a deliberate change.
 */
class VendorFilesTest {

    static final Path GOLDEN = Path.of("src/test/resources/provisioning/golden");
    static final String URL = "https://provisioning.example.test/provisioning/k3yK3yK3yK3yK3yK3yK3yK3yK3yK3yK3/";

    static PhoneSetup setup(String mac, String model, String language, String country, String zone, PhoneSetup.Account account) {
        return new PhoneSetup(MacAddress.parse(mac), model, language, country, ZoneId.of(zone), "ntp.example.test",
                "sip.example.test", 5060, "udp", URL, account);
    }

    static final PhoneSetup.Account EMILIE = new PhoneSetup.Account("u7k2m9q4x1c8v5b3n6z0", "Pa55wordPa55wordPa55word",
            "erable-logistique.sip.switchboard.local", "Émilie Gagnon-Bérubé", "210", "+14385550101");

    @Test
    void yealinkPhoneFileMatchesItsGoldenFileAndHasEachKeyOnce() throws IOException {
        YealinkFiles yealink = new YealinkFiles();
        String body = render(yealink, "805ec0123456.cfg", setup("80:5E:C0:12:34:56", "T46U", "fr", "CA", "America/Toronto", EMILIE));

        golden("yealink-805ec0123456.cfg", body);
        var keys = keyValues(body);
        assertThat(keys).containsEntry("account.1.auth_name", "u7k2m9q4x1c8v5b3n6z0")
                .containsEntry("account.1.password", "Pa55wordPa55wordPa55word")
                .containsEntry("account.1.sip_server.1.address", "erable-logistique.sip.switchboard.local")
                .containsEntry("account.1.outbound_proxy.1.address", "sip.example.test")
                .containsEntry("account.1.sip_server.1.port", "5060")
                .containsEntry("account.1.display_name", "Émilie Gagnon-Bérubé")
                .containsEntry("lang.gui", "French")
                .containsEntry("sip.notify_reboot_enable", "0")
                .containsEntry("local_time.time_zone", "-5")
                .containsEntry("local_time.start_time", "3/2/7/2")
                .containsEntry("local_time.end_time", "11/1/7/2");
    }

    @Test
    void yealinkServesTheCommonFileOfItsModelsOnly() {
        YealinkFiles yealink = new YealinkFiles();
        assertThat(yealink.parse("y000000000108.cfg")).isPresent();
        assertThat(yealink.parse("y000000000108.cfg").get().mac()).isNull();
        assertThat(yealink.parse("y000000000999.cfg")).isEmpty();
        assertThat(yealink.parse("805EC0123456.cfg").get().mac().value()).isEqualTo("805EC0123456");
        assertThat(yealink.parse("805ec0123456.cfg").get().mac().value()).isEqualTo("805EC0123456");
        assertThat(yealink.parse("000000000000.cfg")).isEmpty();
    }

    @Test
    void phoneWithoutALineGetsAConfigurationWithoutAnAccount() throws IOException {
        String yealink = render(new YealinkFiles(), "805ec0123456.cfg", setup("80:5E:C0:12:34:56", "T46U", "en", "CA", "America/Toronto", null));
        golden("yealink-no-line.cfg", yealink);
        assertThat(keyValues(yealink)).containsEntry("account.1.enable", "0").doesNotContainKey("account.1.password");
        for (VendorFiles vendor : PhoneFiles.VENDORS) {
            PhoneSetup setup = setup("80:5E:C0:12:34:56", "M1", "fr", "FR", "Europe/Paris", null);
            String body = vendor.render(vendor.parse(vendor.mainFile(setup.mac())).orElseThrow(), setup).body();
            assertThat(body).as(vendor.family()).doesNotContain("u7k2m9q4x1c8v5b3n6z0").doesNotContain("Pa55word");
        }
    }

    @Test
    void polyMasterFilesListThePhoneFileAndThePhoneFileMatchesItsGoldenFile() throws Exception {
        PolyFiles poly = new PolyFiles();
        PhoneSetup setup = setup("48:25:67:12:34:56", "Edge E350", "fr", "FR", "Europe/Paris", EMILIE);
        String shared = poly.renderShared(poly.parse("000000000000.cfg").orElseThrow(), URL).body();
        String own = render(poly, "482567123456.cfg", setup);
        String user = render(poly, "482567123456-user.cfg", setup);

        golden("poly-000000000000.cfg", shared);
        golden("poly-482567123456.cfg", own);
        golden("poly-482567123456-user.cfg", user);
        assertThat(xml(shared).getDocumentElement().getAttribute("CONFIG_FILES")).isEqualTo("[PHONE_MAC_ADDRESS]-user.cfg");
        assertThat(xml(own).getDocumentElement().getAttribute("CONFIG_FILES")).isEqualTo("482567123456-user.cfg");
        Element config = xml(user).getDocumentElement();
        assertThat(config.getTagName()).isEqualTo("polycomConfig");
        assertThat(config.getAttribute("reg.1.displayName")).isEqualTo("Émilie Gagnon-Bérubé");
        assertThat(config.getAttribute("reg.1.auth.password")).isEqualTo("Pa55wordPa55wordPa55word");
        assertThat(config.getAttribute("tcpIpApp.sntp.gmtOffset")).isEqualTo("3600");
        assertThat(config.getAttribute("tcpIpApp.sntp.daylightSavings.start.month")).isEqualTo("3");
        assertThat(config.getAttribute("tcpIpApp.sntp.daylightSavings.start.dayOfWeek.lastInMonth")).isEqualTo("1");
        assertThat(config.getAttribute("tcpIpApp.sntp.daylightSavings.start.dayOfWeek")).isEqualTo("1");
        assertThat(config.getAttribute("lcl.ml.lang")).isEqualTo("French_France");
    }

    @Test
    void ciscoMppFileMatchesItsGoldenFile() throws Exception {
        CiscoMppFiles cisco = new CiscoMppFiles();
        String body = render(cisco, "5475d0123456.xml", setup("54:75:D0:12:34:56", "8851", "fr", "CA", "America/Toronto", EMILIE));

        golden("cisco-mpp-5475d0123456.xml", body);
        Element profile = xml(body).getDocumentElement();
        assertThat(profile.getTagName()).isEqualTo("flat-profile");
        assertThat(text(profile, "User_ID_1_")).isEqualTo("u7k2m9q4x1c8v5b3n6z0");
        assertThat(text(profile, "Display_Name_1_")).isEqualTo("Émilie Gagnon-Bérubé");
        assertThat(text(profile, "Proxy_1_")).isEqualTo("erable-logistique.sip.switchboard.local");
        assertThat(text(profile, "Profile_Rule")).isEqualTo(URL + "$MA.xml");
        assertThat(text(profile, "Time_Zone")).isEqualTo("GMT-05:00");
        assertThat(text(profile, "Daylight_Saving_Time_Rule")).isEqualTo("start=3/8/7/2:0:0;end=11/1/7/2:0:0;save=1:0:0");
        assertThat(text(profile, "Locale")).isEqualTo("fr-CA");
    }

    @Test
    void grandstreamFileMatchesItsGoldenFile() throws Exception {
        GrandstreamFiles grandstream = new GrandstreamFiles();
        String body = render(grandstream, "cfgc074ad123456.xml", setup("C0:74:AD:12:34:56", "GRP2614", "fr", "FR", "Europe/Paris", EMILIE));

        golden("grandstream-cfgc074ad123456.xml", body);
        Element root = xml(body).getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("gs_provision");
        assertThat(text(root, "P35")).isEqualTo("u7k2m9q4x1c8v5b3n6z0");
        assertThat(text(root, "P34")).isEqualTo("Pa55wordPa55wordPa55word");
        assertThat(text(root, "P3")).isEqualTo("Émilie Gagnon-Bérubé");
        assertThat(text(root, "P64")).isEqualTo("CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00");
        assertThat(grandstream.parse("cfgC074AD123456.xml")).isPresent();
    }

    @Test
    void snomFilesMatchTheirGoldenFiles() throws Exception {
        SnomFiles snom = new SnomFiles();
        PhoneSetup setup = setup("00:04:13:12:34:56", "D785", "fr", "FR", "Europe/Paris", EMILIE);
        String list = snom.renderShared(snom.parse("snomD785.htm").orElseThrow(), URL).body();
        String phoneList = render(snom, "snomD785-000413123456.htm", setup);
        String settings = render(snom, "000413123456.xml", setup);

        golden("snom-snomD785.htm", list);
        golden("snom-snomD785-000413123456.htm", phoneList);
        golden("snom-000413123456.xml", settings);
        assertThat(((Element) xml(list).getElementsByTagName("file").item(0)).getAttribute("url")).isEqualTo(URL + "{mac}.xml");
        assertThat(((Element) xml(phoneList).getElementsByTagName("file").item(0)).getAttribute("url")).isEqualTo(URL + "000413123456.xml");
        Element root = xml(settings).getDocumentElement();
        assertThat(text(root, "user_pass")).isEqualTo("Pa55wordPa55wordPa55word");
        assertThat(text(root, "user_realname")).isEqualTo("Émilie Gagnon-Bérubé");
        assertThat(text(root, "timezone")).isEqualTo("FRA+1");
        assertThat(text(root, "language")).isEqualTo("Français");
    }

    @Test
    void aNameCanNeverAddALineAKeyOrAnElement() throws Exception {
        PhoneSetup.Account hostile = new PhoneSetup.Account("u7k2m9q4x1c8v5b3n6z0", "Pa55wordPa55wordPa55word",
                "erable.sip.switchboard.local", "Zoé\naccount.1.password = stolen\r<P34>x</P34> & \"Co\" = 1 </settings>",
                "210", null);
        for (VendorFiles vendor : PhoneFiles.VENDORS) {
            PhoneSetup setup = setup("80:5E:C0:12:34:56", "Model <x> & \"y\"\n-->", "en", "FR", "Europe/Paris", hostile);
            String body = vendor.render(vendor.parse(vendor.mainFile(setup.mac())).orElseThrow(), setup).body();
            if (body.startsWith("<?xml")) {
                Document document = xml(body);
                assertThat(count(document, "P34")).as(vendor.family()).isLessThanOrEqualTo(1);
                assertThat(body).as(vendor.family()).doesNotContain("<P34>x").doesNotContain("</settings>\n  ");
                assertThat(body).as(vendor.family()).contains("&lt;").contains("&amp;");
            } else {
                var keys = keyValues(body);
                assertThat(keys.get("account.1.password")).isEqualTo("Pa55wordPa55wordPa55word");
                assertThat(keys.get("account.1.display_name")).startsWith("Zoé account.1.password = stolen");
            }
            assertThat(body.lines().filter(l -> l.contains("stolen")).count()).as(vendor.family()).isLessThanOrEqualTo(2);
            assertThat(body).as(vendor.family()).doesNotContain("\naccount.1.password = stolen");
        }
    }

    @Test
    void writesZonesInEachNotation() {
        ZoneNotation paris = ZoneNotation.of(ZoneId.of("Europe/Paris"));
        assertThat(paris.posix()).isEqualTo("CET-1CEST-2,M3.5.0/02:00:00,M10.5.0/03:00:00");
        assertThat(ZoneNotation.of(ZoneId.of("America/Toronto")).posix()).isEqualTo("EST5EDT4,M3.2.0/02:00:00,M11.1.0/02:00:00");
        assertThat(ZoneNotation.of(ZoneId.of("Asia/Kolkata")).offsetHours()).isEqualTo("+5:30");
        assertThat(ZoneNotation.of(ZoneId.of("Asia/Kolkata")).dst()).isNull();
    }

    private static String render(VendorFiles vendor, String file, PhoneSetup setup) {
        VendorFiles.FileRequest request = vendor.parse(file).orElseThrow();
        assertThat(request.mac()).isEqualTo(setup.mac());
        return vendor.render(request, setup).body();
    }

    /** key = value lines: each key once, every line a comment or a key. */
    static java.util.Map<String, String> keyValues(String body) {
        java.util.Map<String, String> keys = new java.util.LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String line : body.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int equals = line.indexOf(" = ");
            assertThat(equals).as(line).isPositive();
            String key = line.substring(0, equals);
            assertThat(seen.add(key)).as("duplicate key " + key).isTrue();
            keys.put(key, line.substring(equals + 3));
        }
        return keys;
    }

    static Document xml(String body) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as(tag).isEqualTo(1);
        return nodes.item(0).getTextContent();
    }

    private static int count(Document document, String tag) {
        return document.getElementsByTagName(tag).getLength();
    }

    private static void golden(String name, String body) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("golden.update") || !Files.exists(file)) {
            Files.writeString(file, body, StandardCharsets.UTF_8);
        }
        assertThat(body).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThatCode(() -> {
            if (body.startsWith("<?xml")) {
                xml(body);
            }
        }).doesNotThrowAnyException();
    }

}
