package com.switchboard.assignment.importing;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.importing.ImportSettings;
import com.switchboard.tenancy.CustomerId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.switchboard.assignment.importing.UserImportFixture.HEADER;
import static com.switchboard.assignment.importing.UserImportFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/** A user import end to end through the API: what it creates, every rule, all or nothing, again, across customers. */
@SwitchboardTest
class UserImportIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserImportRepository repository;

    @Autowired
    UserImporter importer;

    @Autowired
    ImportSettings settings;

    UserImportFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = UserImportFixture.create(port);
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
        JsonNode done = fixture.importFile(HEADER + rows);
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("REJECTED");
        assertNothingSetUp();
        return done;
    }

    void assertNothingSetUp() {
        assertThat(count("select count(*) from app_user where customer_id = :c")).as("users").isZero();
        assertThat(count("select count(*) from phone_number where customer_id = :c and assigned_user_id is not null"))
                .as("numbers assigned").isZero();
        assertThat(count("select count(*) from device where customer_id = :c and assigned_user_id is not null"))
                .as("devices assigned").isZero();
    }

    long count(String sql) {
        return jdbc.sql(sql).param("c", fixture.customer).query(Long.class).single();
    }

    /** A MAC as the database keeps it: 12 hexadecimal digits. */
    static String stored(String mac) {
        return mac.replace(":", "");
    }

    static String display(String mac) {
        return mac;
    }

    @Test
    void setsUpPeopleWithTheirNumbersAndPhonesAsTheWizardDoes() {
        List<String> numbers = fixture.numbers(fixture.montreal, 2);
        String free = fixture.phone(fixture.montreal);
        String fresh = TestData.uniqueMac("805EC0");
        // Numbers in the forms people type, MACs in two forms, one phone added by its model.
        String national = "(514) " + numbers.get(0).substring(5, 8) + "-" + numbers.get(0).substring(8);
        JsonNode done = fixture.importFile(HEADER
                + row("Anne", "Martin", "anne.martin@example.com", "Montréal", "201", "", national, display(free).toLowerCase(), "", "")
                + row("Luc", "Roy", "LUC.ROY@example.com", " montréal ", "202", "en", numbers.get(1), stored(fresh), "Yealink T54W", "Desk 12")
                + row("Zoé", "Tremblay", "zoe@example.com", "Toronto", "203", "fr", "", "", "", ""));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.get("addedCount").asInt()).isEqualTo(3);
        assertThat(done.get("unchangedCount").asInt()).isZero();

        assertThat(jdbc.sql("""
                        select u.first_name || ' ' || u.extension || ' ' || u.language || ' ' || s.name
                        from app_user u join site s on s.id = u.site_id where u.customer_id = :c order by u.extension
                        """).param("c", fixture.customer).query(String.class).list())
                .containsExactly("Anne 201 en Montréal", "Luc 202 en Montréal", "Zoé 203 fr Toronto");
        assertThat(jdbc.sql("""
                        select n.e164 from phone_number n join app_user u on u.id = n.assigned_user_id
                        where n.customer_id = :c order by u.extension
                        """).param("c", fixture.customer).query(String.class).list()).containsExactlyElementsOf(numbers);
        assertThat(jdbc.sql("""
                        select d.mac || ' ' || d.status || ' ' || u.extension || ' ' || coalesce(d.label, '-')
                        from device d join app_user u on u.id = d.assigned_user_id where d.customer_id = :c order by u.extension
                        """).param("c", fixture.customer).query(String.class).list())
                .containsExactly(stored(free) + " ASSIGNED 201 -", stored(fresh) + " ASSIGNED 202 Desk 12");
        // The wizard's audit events, one per person, number and phone (written kind by kind), then one for the file.
        List<String> actions = jdbc.sql("select action from audit_event where customer_id = :c and action not in ('site.created', 'number.created') order by id")
                .param("c", fixture.customer).query(String.class).list();
        assertThat(actions.subList(actions.size() - 9, actions.size() - 1)).containsExactlyInAnyOrder(
                "user.created", "number.assigned", "device.assigned",
                "user.created", "number.assigned", "device.created", "device.assigned",
                "user.created");
        assertThat(actions.get(actions.size() - 1)).isEqualTo("user-import.completed");
        // Each phone given has its SIP line, for its user, with its password sealed (12-byte nonce, 24 characters, 16-byte tag).
        assertThat(jdbc.sql("""
                        select u.extension || ' ' || length(l.password_enc) || ' ' || length(l.ha1)
                        from line l join device d on d.id = l.device_id and d.assigned_user_id = l.user_id
                        join app_user u on u.id = l.user_id where l.customer_id = :c order by u.extension
                        """).param("c", fixture.customer).query(String.class).list())
                .containsExactly("201 52 32", "202 52 32");
        // The dashboard shows the import once: every row's event is tied to it, the import's own event is not.
        assertThat(jdbc.sql("select action from audit_event where customer_id = :c and import_id is null order by id desc limit 1")
                .param("c", fixture.customer).query(String.class).single()).isEqualTo("user-import.completed");
        assertThat(jdbc.sql("select count(*) from audit_event where customer_id = :c and import_id = :i")
                .param("c", fixture.customer).param("i", done.get("id").asLong()).query(Long.class).single()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void aFileUploadedAgainChangesNothing() {
        List<String> numbers = fixture.numbers(fixture.montreal, 1);
        String free = fixture.phone(fixture.montreal);
        String fresh = TestData.uniqueMac("805EC0");
        String file = HEADER
                + row("Anne", "Martin", "anne@example.com", "Montréal", "301", "", numbers.get(0), free, "", "")
                + row("Luc", "Roy", "luc@example.com", "Montréal", "302", "", "", fresh, "Yealink T54W", "");
        assertThat(fixture.importFile(file).get("status").asString()).isEqualTo("COMPLETED");
        long events = count("select count(*) from audit_event where customer_id = :c");

        JsonNode again = fixture.importFile(file);
        assertThat(again.get("status").asString()).as(again.toString()).isEqualTo("COMPLETED");
        assertThat(again.get("addedCount").asInt()).isZero();
        assertThat(again.get("unchangedCount").asInt()).isEqualTo(2);
        assertThat(count("select count(*) from app_user where customer_id = :c")).isEqualTo(2);
        assertThat(count("select count(*) from device where customer_id = :c")).isEqualTo(2);
        // Only the event of the file itself.
        assertThat(count("select count(*) from audit_event where customer_id = :c")).isEqualTo(events + 1);
        String results = fixture.admin.get(fixture.path("/user-imports/" + again.get("id").asLong() + "/results.csv")).text();
        assertThat(results).contains("unchanged (already set up)").doesNotContain(",set up");
    }

    @Test
    void reportsEveryBrokenRuleOfEachRowWithItsColumn() {
        fixture.numbers(fixture.toronto, 1);
        JsonNode done = rejected(
                row("", "Martin", "not-an-email", "Montréal", "1", "de", "", "", "", "")
                        + row("Luc", "Roy", "luc@example.com", "Nowhere", "402", "", "", "", "", "")
                        + row("Eve", "Roy", "eve@example.com", "Montréal", "403", "", "12", "01:00:5E:00:00:01", "", "")
                        + row("Max", "Roy", "max@example.com", "Montréal", "404", "", "", "", "Yealink T54W", "")
                        + row("Ida", "Roy", "ida@example.com", "Montréal", "405", "", "", TestData.uniqueMac("805EC0"), "No Such Phone", "")
                        + row("Ivo", "Roy", "ivo@example.com", "Montréal", "406", "", "", TestData.uniqueMac("805EC0"), "", "")
                        + row("Ana", "Roy", "ana@example.com", "Montréal", "407", "", "+33 1 99 00 12 34", "", "", "")
                        + "Too,few,fields\n");
        assertThat(problems(done)).containsExactlyInAnyOrder(
                new Problem(2, "First name", "validation.required"),
                new Problem(2, "Email", "validation.email"),
                new Problem(2, "Extension", "user.extension.invalid"),
                new Problem(2, "Language", "validation.language"),
                new Problem(3, "Site", "import.site.unknown"),
                new Problem(4, "Phone number", "number.invalid"),
                new Problem(4, "Phone MAC address", "device.mac.multicast"),
                new Problem(5, "Phone MAC address", "user-import.mac.required"),
                new Problem(6, "Phone model", "import.model.unknown"),
                new Problem(7, "Phone MAC address", "user-import.mac.not-in-inventory"),
                new Problem(8, "Phone number", "number.wrong-country"),
                new Problem(9, null, "import.row.field-count"));
    }

    @Test
    void refusesWhatExistingDataHolds() {
        List<String> numbers = fixture.numbers(fixture.toronto, 2);
        String torontoPhone = fixture.phone(fixture.toronto);
        String otherModel = fixture.phone(fixture.montreal);
        assertThat(fixture.importFile(HEADER + row("Old", "Timer", "old@example.com", "Toronto", "500", "", numbers.get(1), "", "", ""))
                .get("status").asString()).isEqualTo("COMPLETED");
        long before = count("select count(*) from app_user where customer_id = :c");
        JsonNode done = fixture.importFile(HEADER
                + row("Old", "Timer", "OLD@example.com", "Montréal", "501", "", "", "", "", "")
                + row("New", "Comer", "new@example.com", "Montréal", "500", "", "", "", "", "")
                + row("Ann", "Other", "ann@example.com", "Montréal", "502", "", numbers.get(0), torontoPhone, "", "")
                + row("Bob", "Other", "bob@example.com", "Toronto", "503", "", numbers.get(1), "", "", "")
                + row("Cyd", "Other", "cyd@example.com", "Montréal", "504", "", "", otherModel, "Yealink T54W", ""));
        assertThat(done.get("status").asString()).isEqualTo("REJECTED");
        assertThat(problems(done)).containsExactlyInAnyOrder(
                new Problem(2, "Email", "user.email.taken"),
                new Problem(3, "Extension", "user.extension.taken"),
                new Problem(4, "Phone number", "assignment.site-mismatch"),
                new Problem(4, "Phone MAC address", "assignment.site-mismatch"),
                new Problem(5, "Phone number", "number.assigned"),
                new Problem(6, "Phone model", "user-import.mac.other-model"));
        assertThat(count("select count(*) from app_user where customer_id = :c")).isEqualTo(before);
    }

    @Test
    void refusesTheSameEmailExtensionNumberOrPhoneOnTwoRows() {
        List<String> numbers = fixture.numbers(fixture.montreal, 1);
        String mac = fixture.phone(fixture.montreal);
        JsonNode done = rejected(
                row("Ann", "A", "same@example.com", "Montréal", "601", "", numbers.get(0), mac, "", "")
                        + row("Bob", "B", "SAME@example.com", "Montréal", "601", "", numbers.get(0).substring(2), display(mac), "", ""));
        assertThat(problems(done)).containsExactlyInAnyOrder(
                new Problem(2, "Email", "user-import.email.repeated"), new Problem(3, "Email", "user-import.email.repeated"),
                new Problem(2, "Extension", "user-import.extension.repeated"),
                new Problem(3, "Extension", "user-import.extension.repeated"),
                new Problem(2, "Phone number", "user-import.number.repeated"),
                new Problem(3, "Phone number", "user-import.number.repeated"),
                new Problem(2, "Phone MAC address", "import.mac.repeated"),
                new Problem(3, "Phone MAC address", "import.mac.repeated"));
        assertThat(done.get("errors").get(0).get("message").asString()).contains("row 3");
    }

    @Test
    void anotherCustomersNumberAndPhoneLeakNothing() {
        UserImportFixture other = UserImportFixture.create(port);
        String theirs = other.numbers(other.montreal, 1).get(0);
        String theirPhone = other.phone(other.montreal);
        String nobodys = "+1514" + (Long.parseLong(theirs.substring(5)) + 500_000);
        JsonNode done = rejected(
                row("Ann", "A", "ann@example.com", "Montréal", "701", "", theirs, theirPhone, "", "")
                        + row("Bob", "B", "bob@example.com", "Montréal", "702", "", nobodys, "", "", ""));
        assertThat(problems(done)).containsExactlyInAnyOrder(
                new Problem(2, "Phone number", "user-import.number.unknown"),
                new Problem(2, "Phone MAC address", "import.mac.registered"),
                new Problem(3, "Phone number", "user-import.number.unknown"));
        // Someone else's number reads exactly as a number nobody has.
        String theirsMessage = done.get("errors").get(0).get("message").asString();
        String nobodysMessage = done.get("errors").get(2).get("message").asString();
        assertThat(theirsMessage.replace(theirs, "N")).isEqualTo(nobodysMessage.replace(nobodys, "N"));
        assertThat(done.toString()).doesNotContain(other.email).doesNotContain("Import Admin");
        // And the other customer's things are untouched.
        assertThat(jdbc.sql("select assigned_user_id from phone_number where e164 = :e").param("e", theirs)
                .query(Long.class).optional()).isEmpty();
    }

    @Test
    void oneBadRowInAThousandCreatesNothing() {
        List<String> numbers = fixture.numbers(fixture.montreal, 1000);
        StringBuilder file = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            String mac = i == 617 ? "not-a-mac" : TestData.uniqueMac("805EC0");
            file.append(row("First" + i, "Last" + i, "p" + i + "@example.com", "Montréal", Integer.toString(10_000 + i), "",
                    numbers.get(i), mac, "Yealink T54W", ""));
        }
        JsonNode done = rejected(file.toString());
        assertThat(problems(done)).containsExactly(new Problem(619, "Phone MAC address", "device.mac.invalid"));
        assertThat(count("select count(*) from device where customer_id = :c")).as("no device added").isZero();
    }

    @Test
    void twoOverlappingUploadsAtOnceSetUpOneFileWhole() throws Exception {
        List<String> numbers = fixture.numbers(fixture.montreal, 40);
        StringBuilder first = new StringBuilder(HEADER);
        StringBuilder second = new StringBuilder(HEADER);
        for (int i = 0; i < 20; i++) {
            first.append(row("A" + i, "One", "a" + i + "@example.com", "Montréal", Integer.toString(800 + i), "",
                    numbers.get(i), TestData.uniqueMac("805EC0"), "Yealink T54W", ""));
            // The second file wants the first file's last ten numbers, and ten of its own.
            second.append(row("B" + i, "Two", "b" + i + "@example.com", "Montréal", Integer.toString(900 + i), "",
                    numbers.get(10 + i), TestData.uniqueMac("805EC0"), "Yealink T54W", ""));
        }
        ApiClient other = fixture.secondAdmin(port);
        CompletableFuture<ApiClient.Response> a = CompletableFuture.supplyAsync(
                () -> fixture.upload(fixture.admin, first.toString().getBytes(StandardCharsets.UTF_8)));
        CompletableFuture<ApiClient.Response> b = CompletableFuture.supplyAsync(
                () -> fixture.upload(other, second.toString().getBytes(StandardCharsets.UTF_8)));
        JsonNode doneA = fixture.await(fixture.admin, a.get().json().get("id").asLong());
        JsonNode doneB = fixture.await(other, b.get().json().get("id").asLong());

        List<String> statuses = List.of(doneA.get("status").asString(), doneB.get("status").asString());
        assertThat(statuses).containsExactlyInAnyOrder("COMPLETED", "REJECTED");
        JsonNode loser = statuses.get(0).equals("REJECTED") ? doneA : doneB;
        String winner = statuses.get(0).equals("COMPLETED") ? "One" : "Two";
        assertThat(problems(loser)).hasSize(10).allSatisfy(p -> assertThat(p.code()).isEqualTo("number.assigned"));
        // Exactly the winner's twenty people, numbers and phones: no half of the other file.
        assertThat(jdbc.sql("select distinct last_name from app_user where customer_id = :c").param("c", fixture.customer)
                .query(String.class).list()).containsExactly(winner);
        assertThat(count("select count(*) from app_user where customer_id = :c")).isEqualTo(20);
        assertThat(count("select count(*) from phone_number where customer_id = :c and assigned_user_id is not null")).isEqualTo(20);
        assertThat(count("select count(*) from device where customer_id = :c")).isEqualTo(20);
    }

    @Test
    void twoWorkersSettingUpOverlappingFilesSideBySideKeepOneWhole() throws Exception {
        List<String> numbers = fixture.numbers(fixture.montreal, 30);
        StringBuilder first = new StringBuilder(HEADER);
        StringBuilder second = new StringBuilder(HEADER);
        for (int i = 0; i < 20; i++) {
            first.append(row("A" + i, "One", "a" + i + "@example.com", "Montréal", Integer.toString(850 + i), "",
                    numbers.get(i), "", "", ""));
            second.append(row("B" + i, "Two", "b" + i + "@example.com", "Montréal", Integer.toString(950 + i), "",
                    numbers.get(10 + i), "", "", ""));
        }
        CustomerId customer = new CustomerId(fixture.customer);
        // Queued directly, then run by two more workers, as in two instances, beside the application's own.
        long a = repository.insert(customer, "one.csv", first.toString().getBytes(StandardCharsets.UTF_8), null);
        long b = repository.insert(customer, "two.csv", second.toString().getBytes(StandardCharsets.UTF_8), null);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                UserImportWorker worker = new UserImportWorker(repository, importer, settings);
                runs.add(pool.submit(() -> {
                    while (worker.runOne()) {
                        Thread.onSpinWait();
                    }
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        JsonNode doneA = fixture.await(fixture.admin, a);
        JsonNode doneB = fixture.await(fixture.admin, b);
        assertThat(List.of(doneA.get("status").asString(), doneB.get("status").asString()))
                .containsExactlyInAnyOrder("COMPLETED", "REJECTED");
        String winner = doneA.get("status").asString().equals("COMPLETED") ? "One" : "Two";
        assertThat(jdbc.sql("select distinct last_name from app_user where customer_id = :c").param("c", fixture.customer)
                .query(String.class).list()).containsExactly(winner);
        assertThat(count("select count(*) from phone_number where customer_id = :c and assigned_user_id is not null")).isEqualTo(20);
    }

    @Test
    void readsAFrenchExcelFile() {
        List<String> numbers = fixture.numbers(fixture.montreal, 1);
        String mac = fixture.phone(fixture.montreal);
        // French headers in another order, ';', Windows-1252, CRLF, as French Excel saves "CSV (séparateur : point-virgule)".
        String file = "Adresse MAC du téléphone;Courriel;Prénom;Nom;Poste;Site;Numéro de téléphone;Langue\r\n"
                + display(mac) + ";helene@example.com;Hélène;Bélanger;810;Montréal;" + numbers.get(0).substring(2) + ";\r\n";
        JsonNode done = fixture.importFile(file.getBytes(Charset.forName("windows-1252")));
        assertThat(done.get("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(jdbc.sql("select first_name || ' ' || last_name from app_user where customer_id = :c")
                .param("c", fixture.customer).query(String.class).single()).isEqualTo("Hélène Bélanger");

        // The same in UTF-8 with a byte order mark.
        byte[] text = ("Prénom;Nom;Courriel;Site;Poste\r\nÉlise;Côté;elise@example.com;Toronto;811\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[text.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bom, 3, text.length);
        assertThat(fixture.importFile(bom).get("status").asString()).isEqualTo("COMPLETED");
        assertThat(count("select count(*) from app_user where customer_id = :c and first_name = 'Élise'")).isEqualTo(1);
    }

    @Test
    void theApiGivesTheTemplateTheFreeListAndRefusesWhatIsNoImport() {
        ApiClient french = fixture.admin.inLanguage("fr");
        ApiClient.Response template = french.get(fixture.path("/user-imports/template.csv"));
        assertThat(template.status()).isEqualTo(200);
        assertThat(template.header("Content-Type")).startsWith("text/csv");
        assertThat(template.text()).startsWith("\uFEFFPrénom;Nom;Courriel;Site;Poste;Langue;Numéro de téléphone;"
                + "Adresse MAC du téléphone;Modèle du téléphone;Libellé du téléphone");

        String number = fixture.numbers(fixture.montreal, 1).get(0);
        String mac = fixture.phone(fixture.montreal);
        String free = fixture.admin.get(fixture.path("/user-imports/free.csv")).text();
        assertThat(free).contains("Montréal,Phone number,(514) " + number.substring(5, 8) + "-" + number.substring(8))
                .contains("Montréal,Phone," + display(mac) + ",Yealink T46U");

        ApiClient.Response headerless = fixture.upload(fixture.admin, "a,b,c\n".getBytes(StandardCharsets.UTF_8));
        assertThat(headerless.status()).isEqualTo(400);
        assertThat(headerless.code()).isEqualTo("user-import.header.missing");
        ApiClient.Response noRows = fixture.upload(fixture.admin, HEADER.getBytes(StandardCharsets.UTF_8));
        assertThat(noRows.status()).isEqualTo(400);
        assertThat(noRows.code()).isEqualTo("user-import.file.no-rows");

        UserImportFixture other = UserImportFixture.create(port);
        JsonNode theirs = other.importFile(HEADER + row("A", "B", "a@example.com", "Montréal", "20", "", "", "", "", ""));
        assertThat(fixture.admin.get(fixture.path("/user-imports/" + theirs.get("id").asLong())).status()).isEqualTo(404);
        assertThat(fixture.admin.get(other.path("/user-imports/" + theirs.get("id").asLong())).status()).isIn(403, 404);
    }

    @Test
    void theResultsFileListsEachRowsProblemsInTheReadersLanguage() {
        JsonNode done = rejected(row("Ann", "A", "ann@example.com", "Nowhere", "901", "", "", "", "", "")
                + row("Bob", "B", "bob@example.com", "Montréal", "902", "", "", "", "", ""));
        String results = fixture.admin.inLanguage("fr")
                .get(fixture.path("/user-imports/" + done.get("id").asLong() + "/results.csv")).text();
        assertThat(results.lines().toList()).hasSize(3);
        assertThat(results.lines().toList().get(1)).contains("Nowhere").contains("Site: ");
        assertThat(results.lines().toList().get(2)).contains("aucune erreur");
    }

    @Test
    void refusesAFileFarOverTheLimitBeforeReadingIt() {
        ApiClient.Response refused = fixture.upload(fixture.admin, new byte[27 * 1024 * 1024]);
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.code()).isEqualTo("import.file.too-large");
    }

    @Test
    void theOpenApiDocumentDescribesTheUserImports() {
        JsonNode paths = fixture.admin.get("/v3/api-docs").json().get("paths");
        String base = "/api/v1/customers/{customerId}/user-imports";
        assertThat(paths.get(base).get("post").get("responses").has("202")).isTrue();
        assertThat(paths.has(base + "/{importId}")).isTrue();
        assertThat(paths.has(base + "/{importId}/results.csv")).isTrue();
        assertThat(paths.has(base + "/template.csv")).isTrue();
        assertThat(paths.has(base + "/free.csv")).isTrue();
    }
}
