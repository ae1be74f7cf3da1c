package com.switchboard.importing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Excel's "Unicode text": UTF-16 with a byte order mark, tab-separated. */
class CsvFileUtf16Test {

    private static final String TEXT = "Site\tModèle\tAdresse MAC\r\nMontréal\tYealink T54W\t80:5E:C0:12:34:56\r\n";

    @Test
    void readsLittleEndianUtf16WithItsByteOrderMark() throws Exception {
        assertThat(rows(withBom(new byte[]{(byte) 0xFF, (byte) 0xFE}, TEXT.getBytes(StandardCharsets.UTF_16LE))))
                .containsExactly(List.of("Site", "Modèle", "Adresse MAC"), List.of("Montréal", "Yealink T54W", "80:5E:C0:12:34:56"));
    }

    @Test
    void readsBigEndianUtf16WithItsByteOrderMark() throws Exception {
        assertThat(rows(withBom(new byte[]{(byte) 0xFE, (byte) 0xFF}, TEXT.getBytes(StandardCharsets.UTF_16BE))).get(1))
                .containsExactly("Montréal", "Yealink T54W", "80:5E:C0:12:34:56");
    }

    private static byte[] withBom(byte[] bom, byte[] text) {
        return ByteBuffer.allocate(bom.length + text.length).put(bom).put(text).array();
    }

    private static List<List<String>> rows(byte[] bytes) throws Exception {
        CsvFile file = CsvFile.of(bytes);
        assertThat(file.delimiter()).isEqualTo('\t');
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = file.records()) {
            reader.forEach(r -> rows.add(r.getFields()));
        }
        return rows;
    }
}
