package com.switchboard;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each module writes only its own tables. Ownership is declared once, in {@code table-owners.properties},
 * for every table the migrations create; the SQL of every main class is read for the tables it writes
 * ({@code insert into}, {@code update}, {@code delete from}, {@code copy}, and the tables a job queue is
 * given), and a write to another module's table fails the build.
 */
class TableOwnershipTest {

    private static final Path MAIN = Path.of("src/main/java/com/switchboard");
    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    private static final Pattern CREATED = Pattern.compile(
            "(?i)\\bcreate\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?((?:\\w+\\.)?\\w+)");
    /** SQL that writes a table, in a string or text block. */
    private static final Pattern WRITE = Pattern.compile(
            "(?i)\\b(?:insert\\s+into|update|delete\\s+from|copy|truncate(?:\\s+table)?)\\s+((?:\\w+\\.)?\\w+)\\s*(?=\\(|\\bset\\b|\\bwhere\\b|\\bfrom\\b|\\bas\\b|\\bvalues\\b|\\bselect\\b|\\busing\\b|\\w+\\s+set\\b|\\n|\")");
    /** {@code CopyText.copyInto(template, "table (columns…)")}. */
    private static final Pattern COPY_INTO = Pattern.compile("copyInto\\([^,]+,\\s*\"((?:\\w+\\.)?\\w+)\\s*\\(");
    /** A job queue of the importing module handed its tables: {@code super(jdbc, template, "device_import")}. */
    private static final Pattern JOB_TABLES = Pattern.compile("super\\([^)]*\"(\\w+)\"\\)");

    @Test
    void everyTableTheMigrationsCreateHasOneOwner() throws IOException {
        Properties owners = owners();
        Set<String> created = createdTables();
        assertThat(owners.stringPropertyNames()).as("tables declared in table-owners.properties")
                .containsAll(created);
        assertThat(created).as("declared tables that no migration creates").containsAll(owners.stringPropertyNames());
    }

    @Test
    void noModuleWritesAnotherModulesTable() throws IOException {
        Properties owners = owners();
        List<String> writes = writes();
        assertThat(writes).as("the scan finds the writes it must find")
                .contains("device <- device/DeviceRepository.java", "audit_event <- audit/AuditEventRepository.java",
                        "device_import <- device/importing/ImportRepository.java");
        List<String> foreign = new ArrayList<>();
        for (String write : writes) {
            String table = write.substring(0, write.indexOf(" <- "));
            String module = write.substring(write.indexOf(" <- ") + 4).split("/")[0];
            String owner = owners.getProperty(table);
            if (owner != null && !owner.equals(module)) {
                foreign.add(write + " (owned by " + owner + ")");
            }
        }
        assertThat(foreign).as("writes to another module's table").isEmpty();
    }

    private static Properties owners() throws IOException {
        Properties owners = new Properties();
        try (InputStream in = TableOwnershipTest.class.getResourceAsStream("/table-owners.properties")) {
            owners.load(in);
        }
        return owners;
    }

    private static Set<String> createdTables() throws IOException {
        Set<String> tables = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                Matcher m = CREATED.matcher(Files.readString(file));
                while (m.find()) {
                    tables.add(m.group(1).toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    /** Every write found, as {@code table <- module/…/Class.java}. */
    private static List<String> writes() throws IOException {
        Set<String> tables = createdTables();
        List<String> writes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                String where = MAIN.relativize(file).toString().replace('\\', '/');
                for (Pattern pattern : List.of(WRITE, COPY_INTO)) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        String table = m.group(1).toLowerCase(Locale.ROOT);
                        if (tables.contains(table)) {
                            writes.add(table + " <- " + where);
                        }
                    }
                }
                Matcher jobs = JOB_TABLES.matcher(source);
                while (jobs.find()) {
                    for (String table : List.of(jobs.group(1), jobs.group(1) + "_file", jobs.group(1) + "_error")) {
                        writes.add(table + " <- " + where);
                    }
                }
            }
        }
        return writes;
    }
}
