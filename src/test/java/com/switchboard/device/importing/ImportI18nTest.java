package com.switchboard.device.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The import speaks English and French alike, and its templates hold no text of their own. */
class ImportI18nTest {

    private static final Pattern TEXT_NODE = Pattern.compile(">([^<>]*)<");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{'?([a-zA-Z0-9.\\-]+)");

    static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ImportI18nTest.class.getResourceAsStream("/messages/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void englishAndFrenchHaveTheSameKeys() throws IOException {
        assertThat(bundle("importing_fr").stringPropertyNames()).isEqualTo(bundle("importing").stringPropertyNames());
    }

    @Test
    void everyMessageIsAValidMessageFormatWithDoubledQuotes() throws IOException {
        for (String name : List.of("importing", "importing_fr")) {
            Properties messages = bundle(name);
            for (String key : messages.stringPropertyNames()) {
                String text = messages.getProperty(key);
                new MessageFormat(text, Locale.ROOT);
                assertThat(text.replace("''", "")).as(name + ": " + key).doesNotContain("'");
            }
        }
    }

    @Test
    void templatesHaveNoLiteralTextAndKnowEveryKeyTheyUse() throws IOException {
        Properties english = bundle("importing");
        List<Path> templates;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/importing"))) {
            templates = files.toList();
        }
        assertThat(templates).isNotEmpty();
        List<String> problems = new ArrayList<>();
        for (Path template : templates) {
            String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
            Matcher text = TEXT_NODE.matcher(html);
            while (text.find()) {
                if (!text.group(1).isBlank()) {
                    problems.add(template.getFileName() + ": literal text \"" + text.group(1).strip() + "\"");
                }
            }
            Matcher key = MESSAGE_KEY.matcher(html);
            while (key.find()) {
                String code = key.group(1);
                if (code.startsWith("import.") && !code.endsWith(".") && !english.containsKey(code)) {
                    problems.add(template.getFileName() + ": unknown key " + code);
                }
            }
        }
        assertThat(problems).isEmpty();
    }
}
