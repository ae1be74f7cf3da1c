package com.switchboard.device.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.audit.AuditEntry;
import com.switchboard.audit.AuditEvents;
import com.switchboard.tenancy.CustomerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of a row, each with its code, row number and column; all or nothing. */
@SwitchboardTest
class ImportValidationIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditEvents history;

    ImportFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = ImportFixture.create(port);
    }

    /** One error as (row, column, code). */
    record Problem(Integer row, String column, String code) {
    }

    static List<Problem> problems(JsonNode done) {
        List<Problem> problems = new ArrayList<>();
        for (JsonNode e : done.get("errors")) {
            problems.add(new Problem(e.get("row").isNull() ? null : e.get("row").asInt(),
                    e.get("column").isNull() ? null : e.get("column").asString(), e.get("code").asString()));
        }
        return problems;
    }

    JsonNode rejected(String rows) {
        JsonNode done = fixture.importFile(ImportFixture.HEADER + rows);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("REJECTED");
        assertThat(devices()).as("nothing added").isZero();
        return done;
    }

    long devices() {
        return jdbc.sql("select count(*) from device where customer_id = :c").param("c", fixture.customer).query(Long.class).single();
    }

    String mac() {
        return TestData.uniqueMac("805EC0");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfFields() {
        assertThat(problems(rejected("Montréal,Yealink T46U," + mac() + ",Desk,extra\n")))
                .containsExactly(new Problem(2, null, "import.row.field-count"));
    }

    @Test
    void rejectsEmptyRequiredFields() {
        assertThat(problems(rejected(" ,Yealink T46U," + mac() + ",\nMontréal,,"  + mac() + ",\nMontréal,Yealink T46U,,\n")))
                .containsExactly(new Problem(2, "Site", "import.row.required"), new Problem(3, "Device model", "import.row.required"),
                        new Problem(4, "MAC address", "import.row.required"));
    }

    @Test
    void rejectsEachKindOfBadMacWithItsOwnCode() {
        JsonNode done = rejected("""
                Montréal,Yealink T46U,80:5E:C0:00:00,
                Montréal,Yealink T46U,00:00:00:00:00:00,
                Montréal,Yealink T46U,FF:FF:FF:FF:FF:FF,
                Montréal,Yealink T46U,01:5E:C0:00:00:01,
                Montréal,Yealink T46U,02:5E:C0:00:00:01,
                """);
        assertThat(problems(done)).containsExactly(new Problem(2, "MAC address", "device.mac.invalid"),
                new Problem(3, "MAC address", "device.mac.zero"), new Problem(4, "MAC address", "device.mac.broadcast"),
                new Problem(5, "MAC address", "device.mac.multicast"), new Problem(6, "MAC address", "device.mac.local"));
        assertThat(done.get("errors").get(3).get("value").asString()).isEqualTo("01:5E:C0:00:00:01");
    }

    @Test
    void namesBothRowsOfAMacRepeatedInTheFile() {
        String mac = mac();
        JsonNode done = rejected("Montréal,Yealink T46U," + mac + ",\nToronto,Yealink T46U," + ImportFixture.validRows(1).split(",")[2]
                + ",\nToronto,Yealink T46U," + mac.toLowerCase().replace(":", "-") + ",\n");
        assertThat(problems(done)).containsExactly(new Problem(2, "MAC address", "import.mac.repeated"),
                new Problem(4, "MAC address", "import.mac.repeated"));
        assertThat(done.get("errors").get(0).get("message").asString()).isEqualTo("The MAC address " + mac + " is also on row 4 of the file.");
        assertThat(done.get("errors").get(1).get("message").asString()).isEqualTo("The MAC address " + mac + " is also on row 2 of the file.");
    }

    @Test
    void rejectsAnUnknownSiteAnUnknownModelAndAModelNotSoldAtTheSite() {
        JsonNode done = rejected("Paris,Yealink T46U," + mac() + ",\nMontréal,Yealink T99," + mac() + ",\nMontréal,Snom D717," + mac() + ",\n");
        assertThat(problems(done)).containsExactly(new Problem(2, "Site", "import.site.unknown"),
                new Problem(3, "Device model", "import.model.unknown"), new Problem(4, "Device model", "import.model.not-available"));
        assertThat(done.get("errors").get(2).get("message").asString())
                .isEqualTo("The model Snom D717 is not available at the site Montréal. See the supported-device list.");
    }

    @Test
    void rejectsALabelTooLong() {
        assertThat(problems(rejected("Montréal,Yealink T46U," + mac() + "," + "x".repeat(101) + "\n")))
                .containsExactly(new Problem(2, "Label", "import.label.too-long"));
    }

    @Test
    void rejectsAMacAlreadyInTheInventoryAtAnotherSiteOrAsAnotherModel() {
        String mac = mac();
        assertThat(fixture.importFile(ImportFixture.HEADER + "Montréal,Yealink T46U," + mac + ",\n").get("status").asString())
                .isEqualTo("COMPLETED");
        JsonNode done = fixture.importFile(ImportFixture.HEADER + "Toronto,Yealink T46U," + mac + ",\n" + ImportFixture.validRows(1));
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(problems(done)).containsExactly(new Problem(2, "MAC address", "import.mac.in-inventory"));
        assertThat(done.get("errors").get(0).get("message").asString()).contains("Montréal", "Yealink T46U");
        assertThat(devices()).isEqualTo(1);
    }

    @Test
    void aMacHeldByAnotherCustomerIsOnlySaidToBeRegistered() {
        ApiClient provider = fixture.provider;
        long other = TestData.customer(provider, "CA");
        ApiClient otherAdmin = TestData.customerAdmin(port, provider, other);
        String otherName = provider.get("/api/v1/customers/" + other).json().get("name").asString();
        long secretSite = TestData.site(otherAdmin, other, "Secret Lab", "CA", "America/Toronto");
        String mac = mac();
        assertThat(otherAdmin.post("/api/v1/customers/" + other + "/devices", Map.of("siteId", secretSite,
                "modelId", TestData.model(otherAdmin, "Yealink T46U"), "macAddress", mac, "label", "Hidden desk")).status()).isEqualTo(201);

        for (String language : List.of("en", "fr")) {
            ApiClient admin = fixture.admin.inLanguage(language);
            ApiClient.Response accepted = admin.upload(fixture.path("/device-imports"), "file", "d.csv", "text/csv",
                    (ImportFixture.HEADER + "Montréal,Yealink T46U," + mac + ",\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            JsonNode done = fixture.await(accepted.json().get("id").asLong());
            JsonNode error = admin.get(fixture.path("/device-imports/" + done.get("id").asLong())).json().get("errors").get(0);
            assertThat(error.get("code").asString()).isEqualTo("import.mac.registered");
            String message = error.get("message").asString();
            assertThat(message).isEqualTo(language.equals("en") ? "The MAC address " + mac + " is already registered."
                    : "L'adresse MAC " + mac + " est déjà enregistrée.");
            String results = admin.get(fixture.path("/device-imports/" + done.get("id").asLong() + "/results.csv")).text();
            assertThat(message + results).doesNotContain("Secret Lab", "Hidden desk", otherName);
        }
        assertThat(devices()).isZero();
    }

    @Test
    void reportsEveryErrorOfAMixedFileWithTheRowsTheSpreadsheetShows() {
        String repeated = mac();
        String file = ImportFixture.HEADER
                + "Montréal,Yealink T46U," + mac() + ",fine\n"                       // row 2
                + "\n"                                                               // row 3: blank
                + "Atlantis,Nokia 3310,not-a-mac," + "y".repeat(120) + "\n"          // row 4: four errors
                + "Toronto,Yealink T46U," + repeated + ",\"two\nlines\"\n"           // row 5 (spans two lines)
                + "Toronto,Snom D717," + mac() + ",\n"                               // row 6
                + "Toronto,Yealink T46U," + repeated + "\n"                          // row 7: short, then field count
                + "  montréal ,  YEALINK   t46u ," + repeated + ",\n";               // row 8: names forgiven, repeated MAC
        JsonNode done = fixture.importFile(file);
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(problems(done)).containsExactly(
                new Problem(4, "Site", "import.site.unknown"),
                new Problem(4, "Device model", "import.model.unknown"),
                new Problem(4, "MAC address", "device.mac.invalid"),
                new Problem(4, "Label", "import.label.too-long"),
                new Problem(5, "MAC address", "import.mac.repeated"),
                new Problem(6, "Device model", "import.model.not-available"),
                new Problem(7, null, "import.row.field-count"),
                new Problem(8, "MAC address", "import.mac.repeated"));
        assertThat(done.get("errorCount").asInt()).isEqualTo(8);
        assertThat(done.get("totalRows").asInt()).isEqualTo(6);
        assertThat(devices()).isZero();
    }

    @Test
    void importIsAllOrNothing() {
        StringBuilder file = new StringBuilder(ImportFixture.HEADER).append(ImportFixture.validRows(700))
                .append("Montréal,Yealink T46U,bad-mac,\n").append(ImportFixture.validRows(299));
        JsonNode done = fixture.importFile(file.toString());
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(done.get("totalRows").asInt()).isEqualTo(1000);
        assertThat(problems(done)).containsExactly(new Problem(702, "MAC address", "device.mac.invalid"));
        assertThat(devices()).isZero();
        assertThat(done.get("addedCount").asInt()).isZero();
    }

    @Test
    void uploadingASucceededFileAgainAddsNothingAndReportsEveryRowUnchanged() {
        String file = ImportFixture.HEADER + ImportFixture.validRows(50);
        JsonNode first = fixture.importFile(file);
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(first.get("addedCount").asInt()).isEqualTo(50);

        JsonNode again = fixture.importFile(file);
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.get("addedCount").asInt()).isZero();
        assertThat(again.get("unchangedCount").asInt()).isEqualTo(50);
        assertThat(devices()).isEqualTo(50);
        String results = fixture.admin.get(fixture.path("/device-imports/" + again.get("id").asLong() + "/results.csv")).text();
        List<String> lines = List.of(results.split("\r\n"));
        assertThat(lines).hasSize(51);
        assertThat(lines.subList(1, 51)).allMatch(line -> line.endsWith(",unchanged (already in your inventory)"));
        String firstResults = fixture.admin.get(fixture.path("/device-imports/" + first.get("id").asLong() + "/results.csv")).text();
        List<String> firstLines = List.of(firstResults.split("\r\n"));
        assertThat(firstLines.subList(1, firstLines.size())).hasSize(50).allMatch(line -> line.endsWith(",added"));
    }

    long deviceCreatedEvents() {
        return jdbc.sql("""
                select count(*) from audit_event a join device d on a.object_id = d.id::text
                where a.action = 'device.created' and a.object_type = 'device' and d.customer_id = :c and a.customer_id = :c
                """).param("c", fixture.customer).query(Long.class).single();
    }

    @Test
    void eachAddedDeviceHasItsOwnCreatedEventOnceAndARejectedImportHasNone() {
        JsonNode refused = rejected(ImportFixture.validRows(20) + "Montréal,Yealink T46U,bad-mac,\n");
        assertThat(refused.get("addedCount").asInt()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where customer_id = :c and action = 'device.created'")
                .param("c", fixture.customer).query(Long.class).single()).isZero();

        String mac = mac();
        String file = ImportFixture.HEADER + "Toronto,Yealink T46U," + mac + ",Reception\n" + ImportFixture.validRows(29);
        JsonNode first = fixture.importFile(file);
        assertThat(first.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(devices()).isEqualTo(30);
        assertThat(deviceCreatedEvents()).isEqualTo(30);
        assertThat(jdbc.sql("""
                select count(distinct a.object_id) from audit_event a
                where a.customer_id = :c and a.action = 'device.created' and a.actor_email = :email and a.actor_id is not null
                """).param("c", fixture.customer).param("email", fixture.email).query(Long.class).single()).isEqualTo(30);

        // What the device's history shows: who added it, when, and from which file.
        long id = jdbc.sql("select id from device where mac = :mac").param("mac", mac.replace(":", "").toUpperCase())
                .query(Long.class).single();
        JsonNode events = fixture.admin.get(fixture.path("/audit-events?objectType=device&size=500")).json();
        List<JsonNode> own = new ArrayList<>();
        events.get("items").forEach(e -> {
            if (e.get("objectId").asString().equals(Long.toString(id))) {
                own.add(e);
            }
        });
        assertThat(own).hasSize(1);
        assertThat(own.get(0).get("action").asString()).isEqualTo("device.created");
        assertThat(own.get(0).get("actorEmail").asString()).isEqualTo(fixture.email);
        assertThat(own.get(0).get("summary").asString())
                .isEqualTo(mac + " Yealink T46U at Toronto, from the file devices.csv");
        JsonNode french = fixture.admin.inLanguage("fr").get(fixture.path("/audit-events?objectType=device&size=500")).json();
        List<String> frenchSummaries = new ArrayList<>();
        french.get("items").forEach(e -> {
            if (e.get("objectId").asString().equals(Long.toString(id))) {
                frenchSummaries.add(e.get("actionLabel").asString() + " | " + e.get("summary").asString());
            }
        });
        assertThat(frenchSummaries).containsExactly("Appareil ajouté | " + mac + " Yealink T46U à Toronto, depuis le fichier devices.csv");
        assertThat(own.get(0).get("createdAt").isNull()).isFalse();
        assertThat(history.history(new CustomerId(fixture.customer), "device", Long.toString(id), 10))
                .extracting(AuditEntry::action).containsExactly("device.created");

        JsonNode again = fixture.importFile(file);
        assertThat(again.get("unchangedCount").asInt()).isEqualTo(30);
        assertThat(deviceCreatedEvents()).as("nothing added again, no event again").isEqualTo(30);
    }

    @Test
    void refusesAFileOverTheRowLimitBeforeCheckingAnyRow() {
        StringBuilder file = new StringBuilder(ImportFixture.HEADER);
        for (int i = 0; i <= 100_000; i++) {
            file.append("Montréal,Yealink T46U,bad,\n");
        }
        JsonNode done = fixture.importFile(file.toString());
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(problems(done)).containsExactly(new Problem(null, null, "import.file.too-many-rows"));
        assertThat(done.get("errors").get(0).get("message").asString()).isEqualTo("The file has more than 100000 rows. Split it into several files.");
    }
}
