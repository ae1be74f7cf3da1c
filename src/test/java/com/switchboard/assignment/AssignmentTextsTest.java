package com.switchboard.assignment;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bundles and templates of users, numbers, assignment and the Dashboard: English and French
 * have the same keys, every quote is doubled for MessageFormat, and templates hold no literal text.
 */
class AssignmentTextsTest {

    private static final Pattern TEXT_NODE = Pattern.compile(">([^<]*)<");
    private static final Pattern LITERAL_ATTRIBUTE = Pattern.compile("(?<![:\\w-])(placeholder|title|aria-label|alt)=\"");

    @ParameterizedTest
    @ValueSource(strings = {"user", "number", "assignment", "dashboard"})
    void englishAndFrenchHaveTheSameKeysAndDoubledQuotes(String bundle) throws IOException {
        Properties english = load("messages/" + bundle + ".properties");
        Properties french = load("messages/" + bundle + "_fr.properties");

        assertThat(french.stringPropertyNames()).isEqualTo(english.stringPropertyNames());
        for (Properties messages : List.of(english, french)) {
            messages.forEach((key, value) -> assertThat(value.toString().replace("''", ""))
                    .as("single quote in %s", key).doesNotContain("'"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "number", "assignment", "dashboard"})
    void templatesHoldNoLiteralText(String folder) throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates", folder))) {
            for (Path file : files.toList()) {
                String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
                // Attribute values may hold '>' (th:if="${a > b}"): only the text between tags counts.
                Matcher text = TEXT_NODE.matcher(html.replaceAll("\"[^\"]*\"", "\"\""));
                while (text.find()) {
                    if (!text.group(1).isBlank()) {
                        literals.add(file.getFileName() + ": " + text.group(1).strip());
                    }
                }
                Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
                while (attribute.find()) {
                    literals.add(file.getFileName() + ": " + attribute.group());
                }
            }
        }
        assertThat(literals).isEmpty();
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AssignmentTextsTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }
}
