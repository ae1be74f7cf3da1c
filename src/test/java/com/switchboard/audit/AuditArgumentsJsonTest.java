package com.switchboard.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The bulk path writes the summary arguments as JSON by hand: a JSON reader must get back what was written. */
class AuditArgumentsJsonTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void quotesBackslashesAndControlCharactersComeBackAsWritten() {
        List<Object> args = List.of("Desk \"A\"", "C:\\phones", "tab\there", "line\nbreak", "\u0001", "«Érable» ☎", 42, 3.5, "");

        String written = AuditEventRepository.jsonArray(args, new StringBuilder());

        assertThat(json.readValue(written, List.class)).isEqualTo(args);
    }

    @Test
    void anEmptyListIsAnEmptyArray() {
        assertThat(AuditEventRepository.jsonArray(List.of(), new StringBuilder())).isEqualTo("[]");
    }
}
