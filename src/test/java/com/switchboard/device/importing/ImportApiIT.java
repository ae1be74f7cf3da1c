package com.switchboard.device.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.importing.CsvFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@SwitchboardTest
class ImportApiIT {

    private static final String BOM = "\uFEFF";

    @LocalServerPort
    int port;

    ImportFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ImportFixture.create(port);
    }

    @Test
    void uploadAnswers202WithLocationThenCompletes() {
        String mac = TestData.uniqueMac("805EC0");
        ApiClient.Response accepted = fixture.upload("phones.csv",
                (ImportFixture.HEADER + "Montréal,Yealink T46U," + mac + ",Reception\n" + ImportFixture.validRows(2))
                        .getBytes(StandardCharsets.UTF_8));

        assertThat(accepted.status()).isEqualTo(202);
        long id = accepted.json().get("id").asLong();
        assertThat(accepted.header("Location")).isEqualTo(fixture.path("/device-imports/" + id));
        assertThat(accepted.json().get("fileName").asString()).isEqualTo("phones.csv");

        JsonNode done = fixture.await(id);
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.get("totalRows").asInt()).isEqualTo(3);
        assertThat(done.get("addedCount").asInt()).isEqualTo(3);
        assertThat(done.get("errorCount").asInt()).isZero();
        assertThat(done.get("finishedAt").isNull()).isFalse();
        JsonNode devices = fixture.admin.get(fixture.path("/devices?q=" + mac)).json();
        assertThat(devices.get("totalItems").asInt()).isEqualTo(1);
        assertThat(devices.get("items").get(0).get("label").asString()).isEqualTo("Reception");

        JsonNode history = fixture.admin.get(fixture.path("/device-imports")).json();
        assertThat(history.get("items").get(0).get("id").asLong()).isEqualTo(id);
    }

    @Test
    void rejectedImportListsItsErrorsAndItsResultsFile() {
        String good = TestData.uniqueMac("805EC0");
        JsonNode done = fixture.importFile(ImportFixture.HEADER
                + "Montréal,Yealink T46U," + good + ",\n"
                + "Montréal,Yealink T46U,not-a-mac,Desk\n");

        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(done.get("errorCount").asInt()).isEqualTo(1);
        JsonNode error = done.get("errors").get(0);
        assertThat(error.get("row").asInt()).isEqualTo(3);
        assertThat(error.get("column").asString()).isEqualTo("MAC address");
        assertThat(error.get("value").asString()).isEqualTo("not-a-mac");
        assertThat(error.get("code").asString()).isEqualTo("device.mac.invalid");
        assertThat(error.get("message").asString()).startsWith("Not a MAC address");

        ApiClient.Response results = fixture.admin.get(fixture.path("/device-imports/" + done.get("id").asLong() + "/results.csv"));
        assertThat(results.status()).isEqualTo(200);
        assertThat(results.header("Content-Type")).startsWith("text/csv");
        String[] lines = results.text().split("\r\n");
        assertThat(lines[0]).isEqualTo(BOM + "Site,Device model,MAC address,Label,Result");
        assertThat(lines[1]).startsWith("Montréal,Yealink T46U," + good + ",,no error in this row");
        assertThat(lines[2]).startsWith("Montréal,Yealink T46U,not-a-mac,Desk,\"MAC address: Not a MAC address");

        ApiClient.Response french = fixture.admin.inLanguage("fr")
                .get(fixture.path("/device-imports/" + done.get("id").asLong() + "/results.csv"));
        assertThat(french.text().split("\r\n")[0]).endsWith(",Résultat");
        assertThat(french.text()).contains("Ce n'est pas une adresse MAC");
    }

    @Test
    void templateHasItsHeaderInTheCallersLanguage() {
        ApiClient.Response english = fixture.admin.get(fixture.path("/device-imports/template.csv"));
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.header("Content-Type")).isEqualTo("text/csv;charset=UTF-8");
        assertThat(english.body()).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(english.text()).isEqualTo(BOM + "Site,Device model,MAC address,Label\r\n");

        ApiClient.Response french = fixture.admin.inLanguage("fr").get(fixture.path("/device-imports/template.csv"));
        assertThat(french.text()).isEqualTo(BOM + "Site;Modèle d'appareil;Adresse MAC;Libellé\r\n");
    }

    @Test
    void aFilledInFrenchTemplateImports() {
        String template = fixture.admin.inLanguage("fr").get(fixture.path("/device-imports/template.csv")).text();
        String mac = TestData.uniqueMac("805EC0");
        JsonNode done = fixture.importFile(template + "toronto;yealink t46u;" + mac + ";Accueil\r\n");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("addedCount").asInt()).isEqualTo(1);
    }

    /** The export's extra columns (status, user, date added) are recognised and ignored: its rows are unchanged. */
    @Test
    void anExportedDeviceListUploadsBackAsItIsInEnglishAndFrench() {
        JsonNode first = fixture.importFile(ImportFixture.HEADER + ImportFixture.validRows(2));
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("COMPLETED");
        for (String language : new String[]{"en", "fr"}) {
            String exported = fixture.admin.inLanguage(language).get(fixture.path("/devices.csv")).text();
            assertThat(exported).contains(language.equals("fr") ? "Ajouté le" : "Added on");

            JsonNode again = fixture.importFile(exported);

            assertThat(again.get("status").asString()).as(language + " " + again).isEqualTo("COMPLETED");
            assertThat(again.get("unchangedCount").asInt()).isEqualTo(2);
            assertThat(again.get("addedCount").asInt()).isZero();
        }
    }

    @Test
    void aFrenchExcelFileInWindows1252WithSemicolonsImports() {
        String mac = TestData.uniqueMac("805EC0");
        byte[] file = ("Adresse MAC;Site;Modèle d'appareil;Libellé\r\n" + mac + ";Montréal;Yealink T46U;Réception\r\n")
                .getBytes(CsvFile.WINDOWS_1252);
        JsonNode done = fixture.importFile(file);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        JsonNode device = fixture.admin.get(fixture.path("/devices?q=" + mac)).json().get("items").get(0);
        assertThat(device.get("siteName").asString()).isEqualTo("Montréal");
        assertThat(device.get("label").asString()).isEqualTo("Réception");
    }

    @Test
    void errorsComePagedAndTheImportIsInTheOpenApiDocument() {
        StringBuilder file = new StringBuilder(ImportFixture.HEADER);
        for (int i = 0; i < 250; i++) {
            file.append("Montréal,Yealink T46U,bad-").append(i).append(",\n");
        }
        long id = fixture.importFile(file.toString()).get("id").asLong();
        JsonNode third = fixture.admin.get(fixture.path("/device-imports/" + id + "?errorsPage=2&errorsSize=100")).json();
        assertThat(third.get("errorCount").asInt()).isEqualTo(250);
        assertThat(third.get("errors")).hasSize(50);
        assertThat(third.get("errors").get(0).get("row").asInt()).isEqualTo(202);
        assertThat(fixture.admin.get(fixture.path("/device-imports/" + id + "?errorsSize=0")).status()).isEqualTo(400);

        String openApi = fixture.admin.get("/v3/api-docs").text();
        assertThat(openApi).contains("/api/v1/customers/{customerId}/device-imports",
                "/api/v1/customers/{customerId}/device-imports/{importId}/results.csv",
                "/api/v1/customers/{customerId}/supported-devices.csv", "/api/v1/customers/{customerId}/sites.csv");
    }

    @Test
    void supportedDevicesListTheModelsOfEachSite() {
        ApiClient.Response csv = fixture.admin.get(fixture.path("/supported-devices.csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.text()).startsWith(BOM + "Site,Device model,Manufacturer,Country\r\n");
        assertThat(csv.text()).contains("Montréal,Yealink T46U,Yealink,CA\r\n", "Toronto,Cisco 6821,Cisco,CA\r\n");
        // Sold in Europe only, and end-of-sale models are never offered.
        assertThat(csv.text()).doesNotContain("Snom D717", "Yealink T46S");
    }

    @Test
    void siteListNamesEverySite() {
        ApiClient.Response csv = fixture.admin.inLanguage("fr").get(fixture.path("/sites.csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).startsWith(BOM + "Site;Pays;Région;Fuseau horaire;Adresse\r\n");
        assertThat(csv.text()).contains("Montréal;CA;;America/Toronto;\r\n", "Toronto;CA;;America/Toronto;\r\n");
    }

    @Test
    void refusesAFileOverTheSizeLimitWith413() {
        byte[] big = new byte[20 * 1024 * 1024 + 1];
        Arrays.fill(big, (byte) 'a');
        ApiClient.Response refused = fixture.upload("big.csv", big);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("import.file.too-large");
        assertThat(refused.json().get("detail").asString()).contains("20 MB");
    }

    @Test
    void refusesAFileOverTheMultipartLimitWith413Too() {
        ApiClient.Response refused = fixture.upload("huge.csv", new byte[27 * 1024 * 1024]);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("import.file.too-large");
    }

    @Test
    void refusesAWorkbookAndBinaryFilesWith415() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(xlsx)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write("<workbook/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        ApiClient.Response workbook = fixture.upload("devices.csv", xlsx.toByteArray());
        assertThat(workbook.status()).isEqualTo(415);
        assertThat(workbook.code()).isEqualTo("import.file.workbook");

        ApiClient.Response binary = fixture.upload("devices.csv", new byte[]{0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00});
        assertThat(binary.status()).isEqualTo(415);
        assertThat(binary.code()).isEqualTo("import.file.not-csv");

        ApiClient.Response notMultipart = fixture.admin.sendRaw("POST", fixture.path("/device-imports"), "text/csv",
                ImportFixture.HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(notMultipart.status()).isEqualTo(415);
    }

    @Test
    void refusesEmptyAndHeaderlessFilesWith400() {
        ApiClient.Response empty = fixture.upload("devices.csv", new byte[0]);
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.code()).isEqualTo("import.file.empty");

        ApiClient.Response headerOnly = fixture.upload("devices.csv", ImportFixture.HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(headerOnly.status()).isEqualTo(400);
        assertThat(headerOnly.code()).isEqualTo("import.file.no-rows");

        ApiClient.Response incomplete = fixture.admin.inLanguage("fr").upload(fixture.path("/device-imports"), "file",
                "devices.csv", "text/csv", "Site;Libellé;Couleur\nMontréal;Accueil;rouge\n".getBytes(StandardCharsets.UTF_8));
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.code()).isEqualTo("import.header.unknown");
        assertThat(incomplete.json().get("errors")).extracting(e -> e.get("message").asString()).containsExactly(
                "Colonnes inconnues : Couleur. Supprimez-les, ou partez du modèle CSV.",
                "La colonne « Modèle d'appareil » manque dans la ligne d'en-tête.",
                "La colonne « Adresse MAC » manque dans la ligne d'en-tête.");

        ApiClient.Response noFile = fixture.admin.upload(fixture.path("/device-imports"), "other", "x.csv", "text/csv",
                ImportFixture.HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(noFile.status()).isEqualTo(400);
    }

    @Test
    void anotherCustomersImportIsNotFound() {
        JsonNode done = fixture.importFile(ImportFixture.HEADER + ImportFixture.validRows(1));
        ImportFixture other = ImportFixture.create(port);
        long id = done.get("id").asLong();
        assertThat(other.admin.get(other.path("/device-imports/" + id)).status()).isEqualTo(404);
        assertThat(other.admin.get(fixture.path("/device-imports/" + id)).status()).isEqualTo(404);
        assertThat(other.admin.get(fixture.path("/device-imports/" + id + "/results.csv")).status()).isEqualTo(404);
        assertThat(other.admin.get(fixture.path("/sites.csv")).status()).isEqualTo(404);
    }
}
