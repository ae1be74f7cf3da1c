package com.switchboard.device.importing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Add and update": a row whose MAC is already the customer's changes that device's label or moves it
 * (under the device page's Move rules), counted as updated in the API, the results file and the audit
 * log; a file with any refused row changes nothing; the same file again is all unchanged.
 */
@SwitchboardTest
class ImportUpdateIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void addAndUpdateRelabelsAndMovesThenTheSameFileIsUnchanged() {
        ImportFixture fixture = ImportFixture.create(port);
        String desk = TestData.uniqueMac("805EC0");
        assertThat(fixture.importFile(ImportFixture.HEADER + "Montréal,Yealink T46U," + desk + ",Desk\n")
                .get("addedCount").asInt()).isOne();
        String fresh = TestData.uniqueMac("805EC0");
        String file = ImportFixture.HEADER
                + "Toronto,Yealink T46U," + desk.replace(":", "-") + ",Front desk\n"
                + "Montréal,Yealink T46U," + fresh + ",Lobby\n";

        JsonNode plain = fixture.importFile(file);
        assertThat(plain.get("status").asString()).as("without the option a moved MAC is refused").isEqualTo("REJECTED");
        assertThat(plain.get("errors").get(0).get("code").asString()).isEqualTo("import.mac.in-inventory");
        assertThat(plain.get("updatedCount").asInt()).isZero();

        JsonNode done = upload(fixture, file, "ADD_AND_UPDATE");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("addedCount").asInt()).isOne();
        assertThat(done.get("updatedCount").asInt()).isOne();
        assertThat(done.get("unchangedCount").asInt()).isZero();
        Map<String, Object> device = jdbc.sql("""
                        select s.name as site, d.label from device d join site s on s.id = d.site_id where d.mac = :mac
                        """).param("mac", desk.replace(":", "")).query().singleRow();
        assertThat(device).containsEntry("site", "Toronto").containsEntry("label", "Front desk");

        String results = fixture.admin.get(fixture.path("/device-imports/" + done.get("id").asLong() + "/results.csv")).text();
        assertThat(results.lines().toList()).anySatisfy(line -> assertThat(line).contains("Front desk").endsWith("updated (label or site changed)"))
                .anySatisfy(line -> assertThat(line).contains("Lobby").endsWith("added"));

        JsonNode audit = fixture.admin.get(fixture.path("/audit-events?objectType=device")).json().get("items");
        List<String> actions = java.util.stream.StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> e.get("actorEmail").asString("").equals(fixture.email))
                .map(e -> e.get("action").asString()).toList();
        assertThat(actions).contains("device.moved", "device.updated");
        JsonNode imports = fixture.admin.get(fixture.path("/audit-events?objectType=device-import")).json().get("items");
        assertThat(imports.get(0).get("summary").asString()).contains("1 device added").contains("1 device updated");

        JsonNode again = upload(fixture, file, "ADD_AND_UPDATE");
        assertThat(again.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(again.get("unchangedCount").asInt()).isEqualTo(2);
        assertThat(again.get("updatedCount").asInt()).isZero();
        assertThat(again.get("addedCount").asInt()).isZero();
    }

    @Test
    void anAssignedDeviceDoesNotMoveAndThenNothingChanges() {
        ImportFixture fixture = ImportFixture.create(port);
        String free = TestData.uniqueMac("805EC0");
        String taken = TestData.uniqueMac("805EC0");
        fixture.importFile(ImportFixture.HEADER + "Montréal,Yealink T46U," + free + ",Desk\nMontréal,Yealink T46U," + taken + ",Desk\n");
        long takenId = jdbc.sql("select id from device where mac = :mac").param("mac", taken.replace(":", "")).query(Long.class).single();
        TestData.assignToNewUser(jdbc, takenId);

        JsonNode refused = upload(fixture, ImportFixture.HEADER + "Toronto,Yealink T46U," + free + ",Moved\n"
                + "Toronto,Yealink T46U," + taken + ",Moved\n", "ADD_AND_UPDATE");
        assertThat(refused.get("status").asString()).isEqualTo("REJECTED");
        assertThat(refused.get("errors")).hasSize(1);
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("import.mac.move-assigned");
        assertThat(refused.get("errors").get(0).get("row").asInt()).isEqualTo(3);
        assertThat(jdbc.sql("select label from device where mac = :mac").param("mac", free.replace(":", ""))
                .query(String.class).single()).as("all or nothing").isEqualTo("Desk");
    }

    @Test
    void anExportedListWithAChangedLabelUploadsBackAsAnUpdate() {
        ImportFixture fixture = ImportFixture.create(port);
        String mac = TestData.uniqueMac("805EC0");
        fixture.importFile(ImportFixture.HEADER + "Montréal,Yealink T46U," + mac + ",Desk\n");
        String exported = fixture.admin.get(fixture.path("/devices.csv")).text();
        assertThat(exported).contains(",Desk,");

        JsonNode done = upload(fixture, exported.replace(",Desk,", ",Reception,"), "ADD_AND_UPDATE");
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("updatedCount").asInt()).isOne();
        assertThat(jdbc.sql("select label from device where mac = :mac").param("mac", mac.replace(":", ""))
                .query(String.class).single()).isEqualTo("Reception");
    }

    @Test
    void anUnknownModeIsAMalformedRequest() {
        ImportFixture fixture = ImportFixture.create(port);
        ApiClient.Response refused = send(fixture, ImportFixture.HEADER + ImportFixture.validRows(1), "REPLACE");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("mode");
    }

    private JsonNode upload(ImportFixture fixture, String csv, String mode) {
        ApiClient.Response accepted = send(fixture, csv, mode);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        return fixture.await(accepted.json().get("id").asLong());
    }

    /** The file and the mode as two parts of one multipart body, as curl -F file=@… -F mode=… sends them. */
    private static ApiClient.Response send(ImportFixture fixture, String csv, String mode) {
        String boundary = "----switchboard" + UUID.randomUUID().toString().replace("-", "");
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"mode\"\r\n\r\n" + mode + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"devices.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        return fixture.admin.sendRaw("POST", fixture.path("/device-imports"), "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8));
    }
}
