package com.switchboard.device.importing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportHeader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading what spreadsheets write: no Spring, no database. */
class ImportReaderTest {

    /** A device row as read: the row number the spreadsheet shows, then site, model, MAC, label. */
    record Row(int number, String site, String model, String mac, String label) {
    }

    /** The rows as the import job reads them: {@link DeviceFile}, the production reader, not a copy of it. */
    static List<Row> read(byte[] bytes) throws IOException {
        DeviceFile file = new DeviceFile(CsvFile.of(bytes));
        ImportHeader.Count<Column> count = file.count(Integer.MAX_VALUE);
        ImportHeader<Column> header = count.header();
        List<Row> rows = new ArrayList<>();
        file.forEachRow(count, (number, record) -> rows.add(new Row(number, header.field(record, Column.SITE),
                header.field(record, Column.MODEL), header.field(record, Column.MAC), header.field(record, Column.LABEL))));
        assertThat(rows).hasSize(count.rows());
        return rows;
    }

    @Test
    void refusesAFileOverTheRowLimitBeforeCheckingAnyRow() {
        byte[] file = bytes("Site,Device model,MAC address\nParis,Yealink T46U,805EC0000001\nParis,Yealink T46U,805EC0000002\n"
                + "Paris,Yealink T46U,805EC0000003\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new DeviceFile(CsvFile.of(file)).count(2)).isInstanceOfSatisfying(FileProblem.Rejected.class,
                e -> assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.file.too-many-rows"));
    }

    static byte[] bytes(String text, Charset charset) {
        return text.getBytes(charset);
    }

    @Test
    void readsCommaSeparatedFiles() throws IOException {
        List<Row> rows = read(bytes("Site,Device model,MAC address,Label\nParis,Yealink T46U,80:5E:C0:00:00:01,Reception\n",
                StandardCharsets.UTF_8));
        assertThat(rows).containsExactly(new Row(2, "Paris", "Yealink T46U", "80:5E:C0:00:00:01", "Reception"));
        assertThat(CsvFile.of(bytes("Site,Device model,MAC address\n", StandardCharsets.UTF_8)).delimiter()).isEqualTo(',');
    }

    @Test
    void readsSemicolonSeparatedFiles() throws IOException {
        byte[] file = bytes("Site;Device model;MAC address;Label\nParis;Yealink T46U;80:5E:C0:00:00:01;Salle 1, 2e étage\n",
                StandardCharsets.UTF_8);
        assertThat(CsvFile.of(file).delimiter()).isEqualTo(';');
        assertThat(read(file)).containsExactly(new Row(2, "Paris", "Yealink T46U", "80:5E:C0:00:00:01", "Salle 1, 2e étage"));
    }

    @Test
    void readsTabSeparatedFiles() throws IOException {
        byte[] file = bytes("Site\tDevice model\tMAC address\tLabel\nParis\tYealink T46U\t805EC0000001\t\n", StandardCharsets.UTF_8);
        assertThat(CsvFile.of(file).delimiter()).isEqualTo('\t');
        assertThat(read(file)).containsExactly(new Row(2, "Paris", "Yealink T46U", "805EC0000001", ""));
    }

    @Test
    void skipsTheUtf8ByteOrderMark() throws IOException {
        byte[] text = bytes("Site,Device model,MAC address\nMontréal,Yealink T46U,80:5E:C0:00:00:01\n", StandardCharsets.UTF_8);
        byte[] file = new byte[text.length + 3];
        file[0] = (byte) 0xEF;
        file[1] = (byte) 0xBB;
        file[2] = (byte) 0xBF;
        System.arraycopy(text, 0, file, 3, text.length);
        assertThat(CsvFile.of(file).charset()).isEqualTo(StandardCharsets.UTF_8);
        assertThat(read(file)).containsExactly(new Row(2, "Montréal", "Yealink T46U", "80:5E:C0:00:00:01", ""));
    }

    @Test
    void readsWindows1252WhenTheBytesAreNotUtf8() throws IOException {
        byte[] file = bytes("Site;Modèle d'appareil;Adresse MAC;Libellé\r\nMontréal;Yealink T46U;80:5E:C0:00:00:01;Réception\r\n",
                CsvFile.WINDOWS_1252);
        assertThat(CsvFile.of(file).charset()).isEqualTo(CsvFile.WINDOWS_1252);
        assertThat(read(file)).containsExactly(new Row(2, "Montréal", "Yealink T46U", "80:5E:C0:00:00:01", "Réception"));
    }

    @Test
    void readsCrlfLineEnds() throws IOException {
        byte[] file = bytes("Site,Device model,MAC address\r\nParis,Yealink T46U,805EC0000001\r\nParis,Yealink T46U,805EC0000002\r\n",
                StandardCharsets.UTF_8);
        assertThat(read(file)).extracting(Row::mac).containsExactly("805EC0000001", "805EC0000002");
        assertThat(read(file)).extracting(Row::site).containsOnly("Paris");
    }

    @Test
    void readsQuotedFieldsWithSeparatorsQuotesAndLineBreaks() throws IOException {
        byte[] file = bytes("""
                Site,Device model,MAC address,Label
                "Paris, rue de Rivoli",Yealink T46U,805EC0000001,"Room ""A""
                second floor"
                Paris,Yealink T46U,805EC0000002,plain
                """, StandardCharsets.UTF_8);
        List<Row> rows = read(file);
        assertThat(rows.get(0)).isEqualTo(new Row(2, "Paris, rue de Rivoli", "Yealink T46U", "805EC0000001", "Room \"A\"\nsecond floor"));
        // The spreadsheet shows the record with a line break as one row: the next one is row 3.
        assertThat(rows.get(1).number()).isEqualTo(3);
    }

    @Test
    void countsBlankLinesAsSpreadsheetRowsButSkipsThem() throws IOException {
        byte[] file = bytes("Site,Device model,MAC address\n\nParis,Yealink T46U,805EC0000001\n,,\nParis,Yealink T46U,805EC0000002\n\n",
                StandardCharsets.UTF_8);
        assertThat(read(file)).extracting(Row::number).containsExactly(3, 5);
    }

    @Test
    void acceptsFrenchHeadersInAnotherOrderAndAnyCase() throws IOException {
        byte[] file = bytes("ADRESSE MAC;libelle;  Modèle d’appareil ;SITE\n805EC0000001;Accueil;Yealink T46U;Montréal\n",
                StandardCharsets.UTF_8);
        assertThat(read(file)).containsExactly(new Row(2, "Montréal", "Yealink T46U", "805EC0000001", "Accueil"));
    }

    @Test
    void namesEveryUnknownColumn() {
        byte[] file = bytes("Site,Device model,MAC address,Colour,Owner\nParis,Yealink T46U,805EC0000001,red,Ann\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(FileProblem.Rejected.class, e -> {
            assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.header.unknown");
            assertThat(e.problems().get(0).args()).containsExactly("Colour, Owner");
        });
    }

    @Test
    void namesMissingColumns() {
        byte[] file = bytes("Site,Label\nParis,Reception\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                assertThat(e.problems()).extracting(p -> p.args()[0])
                        .containsExactly("msg:import.column.model", "msg:import.column.mac"));
    }

    @Test
    void refusesAFileWithoutHeader() {
        byte[] file = bytes("Paris,Yealink T46U,805EC0000001\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> read(file)).isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.header.missing"));
    }

    @Test
    void refusesAnXlsxWorkbookRenamedToCsv() throws IOException {
        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(xlsx)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        assertThatThrownBy(() -> CsvFile.of(xlsx.toByteArray())).isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.file.workbook"));
    }

    @Test
    void refusesBinaryFiles() {
        byte[] binary = {0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, (byte) 0xFF, 0x00, 0x10};
        assertThatThrownBy(() -> CsvFile.of(binary)).isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.file.not-csv"));
    }

    @Test
    void refusesAnEmptyFile() {
        for (byte[] empty : List.of(new byte[0], bytes("\r\n\n  \n", StandardCharsets.UTF_8), new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            assertThatThrownBy(() -> CsvFile.of(empty)).isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                    assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.file.empty"));
        }
    }

    @Test
    void aHeaderOnlyFileHasNoRows() throws IOException {
        assertThatThrownBy(() -> read(bytes("Site,Device model,MAC address,Label\r\n", StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                        assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.file.no-rows"));
        assertThatThrownBy(() -> DeviceImports.check(bytes("Site,Device model,MAC address,Label\r\n", StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(FileProblem.Rejected.class, e ->
                        assertThat(e.problems()).extracting(FileProblem::code).containsExactly("import.file.no-rows"));
    }
}
