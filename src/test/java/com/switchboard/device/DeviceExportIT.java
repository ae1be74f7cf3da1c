package com.switchboard.device;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export: columns, language, formula neutralisation, BOM, filters and scope. */
@SwitchboardTest
class DeviceExportIT {

    @LocalServerPort
    int port;

    ApiClient admin;
    long customer;
    long montreal;
    long toronto;
    String formulaMac;
    String plainMac;

    @BeforeEach
    void inventory() {
        ApiClient provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admin = TestData.customerAdmin(port, provider, customer);
        montreal = TestData.site(admin, customer, "Montréal", "CA", "America/Toronto");
        toronto = TestData.site(admin, customer, "Toronto", "CA", "America/Toronto");
        long model = TestData.model(admin, "Yealink T46U");
        formulaMac = TestData.uniqueMac("805EC0");
        plainMac = TestData.uniqueMac("805EC0");
        add(montreal, model, formulaMac, "=1+1");
        add(toronto, model, plainMac, "Salle \"B\"; étage 2, est");
        add(toronto, model, TestData.uniqueMac("805EC0"), "@SUM(A1)");

        long other = TestData.customer(provider, "CA");
        ApiClient otherAdmin = TestData.customerAdmin(port, provider, other);
        long otherSite = TestData.site(otherAdmin, other, "Montréal", "CA", "America/Toronto");
        otherAdmin.post("/api/v1/customers/" + other + "/devices", Map.of("siteId", otherSite, "modelId", model,
                "macAddress", TestData.uniqueMac("805EC0"), "label", "=1+1"));
    }

    private void add(long site, long model, String mac, String label) {
        assertThat(admin.post("/api/v1/customers/" + customer + "/devices",
                Map.of("siteId", site, "modelId", model, "macAddress", mac, "label", label)).status()).isEqualTo(201);
    }

    private ApiClient.Response export(ApiClient client, String query) {
        return client.get("/api/v1/customers/" + customer + "/devices.csv" + query);
    }

    private static List<CsvRecord> rows(ApiClient.Response answer, char separator) {
        String text = new String(answer.body(), StandardCharsets.UTF_8).substring(1);
        return CsvReader.builder().fieldSeparator(separator).ofCsvRecord(text).stream().toList();
    }

    @Test
    void exportsInEnglishWithTheImportTemplatesColumnsFirst() {
        ApiClient.Response answer = export(admin, "?sort=mac");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        assertThat(answer.header("Content-Disposition")).contains("attachment").contains("devices.csv");
        assertThat(Arrays.copyOf(answer.body(), 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = answer.text();
        assertThat(text).startsWith("\uFEFFSite,Device model,MAC address,Label,Status,User,Added on\r\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");

        List<CsvRecord> rows = rows(answer, ',');
        assertThat(rows).hasSize(4);
        CsvRecord first = rows.stream().filter(r -> r.getField(2).equals(formulaMac)).findFirst().orElseThrow();
        assertThat(first.getField(0)).startsWith("Montréal");
        assertThat(first.getField(1)).isEqualTo("Yealink T46U");
        assertThat(first.getField(3)).isEqualTo("'=1+1");
        assertThat(first.getField(4)).isEqualTo("Unassigned");
        assertThat(first.getField(5)).isEmpty();
        assertThat(first.getField(6)).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
        assertThat(rows).anySatisfy(r -> assertThat(r.getField(3)).isEqualTo("'@SUM(A1)"));
        // Quotes, separators and accents survive a round trip through a CSV reader.
        assertThat(rows).anySatisfy(r -> assertThat(r.getField(3)).isEqualTo("Salle \"B\"; étage 2, est"));
    }

    @Test
    void exportsInFrenchForAFrenchReader() {
        ApiClient.Response answer = export(admin.inLanguage("fr"), "");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.text()).startsWith("\uFEFFSite;Modèle d'appareil;Adresse MAC;Libellé;État;Utilisateur;Ajouté le\r\n");
        assertThat(answer.header("Content-Disposition")).contains("appareils.csv");
        List<CsvRecord> rows = rows(answer, ';');
        assertThat(rows.get(1).getField(4)).isEqualTo("Non attribué");
        assertThat(rows).anySatisfy(r -> assertThat(r.getField(3)).isEqualTo("'=1+1"));
        assertThat(rows).anySatisfy(r -> assertThat(r.getField(3)).isEqualTo("Salle \"B\"; étage 2, est"));
    }

    @Test
    void exportsTheFilteredListOnly() {
        List<CsvRecord> toronto = rows(export(admin, "?siteId=" + this.toronto), ',');
        assertThat(toronto).hasSize(3);
        assertThat(toronto.subList(1, 3)).allSatisfy(r -> assertThat(r.getField(0)).startsWith("Toronto"));
        String digits = plainMac.replace(":", "");
        List<CsvRecord> one = rows(export(admin, "?q=" + digits.substring(0, 4) + "." + digits.substring(4, 8) + "." + digits.substring(8)), ',');
        assertThat(one).hasSize(2);
        assertThat(one.get(1).getField(2)).isEqualTo(plainMac);
    }

    @Test
    void anotherCustomersExportIsNotFound() {
        ApiClient stranger = TestData.customerAdmin(port, ApiClient.provider(port), TestData.customer(ApiClient.provider(port), "CA"));
        ApiClient.Response answer = export(stranger, "");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.text()).doesNotContain(formulaMac);
        assertThat(export(admin, "?size=1").status()).isEqualTo(200);
        assertThat(export(admin, "?sort=nonsense").status()).isEqualTo(400);
    }
}
