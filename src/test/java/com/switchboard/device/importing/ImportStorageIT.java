package com.switchboard.device.importing;

import java.nio.charset.StandardCharsets;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.importing.ImportRetention;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.switchboard.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Uploaded files are deleted after the retention period, and a customer's stored files have a quota. */
@SwitchboardTest
class ImportStorageIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ImportRetention retention;

    @Test
    void aFileIsDeletedAfterTheRetentionPeriodAndItsOutcomeRemains() {
        ImportFixture fixture = ImportFixture.create(port);
        JsonNode done = fixture.importFile(ImportFixture.HEADER + ImportFixture.validRows(3));
        assertThat(done.get("status").asString()).isEqualTo("COMPLETED");
        long id = done.get("id").asLong();
        ApiClient.Response before = fixture.admin.get(fixture.path("/device-imports/" + id + "/results.csv"));
        assertThat(new String(before.body(), StandardCharsets.UTF_8)).contains("MAC");

        jdbc.sql("update device_import set finished_at = now() - interval '31 days' where id = :id").param("id", id).update();
        retention.purge();

        assertThat(jdbc.sql("select count(*) from device_import_file where import_id = :id").param("id", id).query(Long.class).single())
                .isZero();
        JsonNode after = fixture.admin.get(fixture.path("/device-imports/" + id)).json();
        assertThat(after.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(after.get("addedCount").asInt()).isEqualTo(3);
        ApiClient.Response results = fixture.admin.get(fixture.path("/device-imports/" + id + "/results.csv"));
        assertThat(results.status()).isEqualTo(200);
        assertThat(new String(results.body(), StandardCharsets.UTF_8)).contains("deleted after its retention period");
    }

    @Test
    void aCustomerOverItsStorageQuotaIsRefusedUntilFilesExpire() {
        ImportFixture fixture = ImportFixture.create(port);
        JsonNode done = fixture.importFile(ImportFixture.HEADER + ImportFixture.validRows(2));
        // As if this customer had uploaded 199.99 MB of files recently.
        jdbc.sql("update device_import set file_size = 209715000 where id = :id").param("id", done.get("id").asLong()).update();

        ApiClient.Response refused = fixture.upload("more.csv", (ImportFixture.HEADER + ImportFixture.validRows(200))
                .getBytes(StandardCharsets.UTF_8));

        assertProblem(refused, 422, "import.storage.full");
        assertThat(refused.json().get("detail").asString()).contains("200 MB");
    }

    @Test
    void theQuotaCountsTheFilesOfEveryKindOfImportTogether() {
        ImportFixture fixture = ImportFixture.create(port);
        // A user import of this customer keeps 150 MB of files, and one of its device imports 60 MB: 210 MB over 200.
        jdbc.sql("""
                insert into user_import (customer_id, file_name, file_size, status, finished_at) values (:c, 'big.csv', 157286400, 'COMPLETED', now())
                returning id
                """).param("c", fixture.customer).query(Long.class).optional()
                .ifPresent(id -> jdbc.sql("insert into user_import_file (import_id, content) values (:id, '\\x00')").param("id", id).update());
        ApiClient.Response accepted = fixture.upload("small.csv", (ImportFixture.HEADER + ImportFixture.validRows(2)).getBytes(StandardCharsets.UTF_8));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        jdbc.sql("update device_import set file_size = 62914560 where id = :id").param("id", accepted.json().get("id").asLong()).update();

        ApiClient.Response devices = fixture.upload("more.csv", (ImportFixture.HEADER + ImportFixture.validRows(2)).getBytes(StandardCharsets.UTF_8));
        assertProblem(devices, 422, "import.storage.full");
        ApiClient.Response users = fixture.admin.upload(fixture.path("/user-imports"), "file", "users.csv", "text/csv",
                ("First name,Last name,Email,Site,Extension,Language,Phone number,Phone MAC address,Phone model,Phone label\n"
                        + "Ana,Lopez,ana.lopez@example.test,Toronto,201,,,,,\n").getBytes(StandardCharsets.UTF_8));
        assertProblem(users, 422, "import.storage.full");
        assertThat(users.json().get("detail").asString()).contains("200 MB");

        // Another customer is not held back by this one's files.
        ImportFixture other = ImportFixture.create(port);
        assertThat(other.upload("devices.csv", (ImportFixture.HEADER + ImportFixture.validRows(2)).getBytes(StandardCharsets.UTF_8))
                .status()).isEqualTo(202);
    }
}
