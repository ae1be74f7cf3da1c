package com.switchboard.web;

import com.switchboard.rules.DomainException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * English and French are complete and every text a page or a client sees comes from the bundles:
 * same keys in both languages, no blank value, quotes written for MessageFormat, every key the
 * templates and the code use exists, and no template holds literal text. Reads the sources, no Spring.
 */
class I18nTest {

    private static final Path MESSAGES = Path.of("src/main/resources/messages");
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    private static final Path APPLICATION = Path.of("src/main/resources/application.properties");

    private static final Pattern LONE_QUOTE = Pattern.compile("(?<!')'(?!')");
    private static final Pattern LETTER = Pattern.compile("\\p{L}");

    /** {@code #{some.key}} or {@code #{some.key(${arg})}}: a literal key, not one computed with ${...}. */
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([A-Za-z][\\w-]*(?:\\.[\\w-]+)+)\\s*[}(]");
    /** {@code #{'device.status.' + ${...}}}: a key computed from a literal prefix. */
    private static final Pattern TEMPLATE_KEY_PREFIX = Pattern.compile("#\\{\\s*'([A-Za-z][\\w.-]*\\.)'\\s*\\+");
    /** Keys handed to the form fragments, which resolve them with #{${label}}. */
    private static final Pattern FRAGMENT_CALL = Pattern.compile("forms\\s*::\\s*\\w+\\(([^)]*)\\)");
    private static final Pattern LABEL_PREFIXES = Pattern.compile("labels='([^']*)'");
    private static final Pattern QUOTED_KEY = Pattern.compile("'([a-z][\\w-]*(?:\\.[\\w-]+)+)'");

    /** Where the code names a message key: problems, field errors, warnings, rules, toasts. */
    private static final List<Pattern> CODE_KEYS = List.of(
            Pattern.compile("new (?:NotFound|NotPermitted|Conflict|Refused|MalformedInput)\\(\\s*\"([^\"]+)\""),
            Pattern.compile("(?:NotFound|NotPermitted|Conflict|Refused|MalformedInput)\\.field\\(\\s*\"[^\"]+\",\\s*\"([^\"]+)\""),
            Pattern.compile("new FieldProblem\\(\\s*\"[^\"]+\",\\s*\"([^\"]+)\""),
            Pattern.compile("new Problems\\.FieldError\\(\\s*[^,]+,\\s*\"([^\"]+)\""),
            Pattern.compile("problems\\.(?:response|write)\\([^\"]*?HttpStatus\\.\\w+,\\s*\"([^\"]+)\""),
            Pattern.compile("new (?:DeviceView\\.)?Warning\\(\\s*\"([^\"]+)\""),
            Pattern.compile("getMessage\\(\\s*\"([^\"]+)\"\\s*,"),
            Pattern.compile("(?m)^\\s*[A-Z][A-Z_]*\\(\\s*\"([a-z][\\w-]*(?:\\.[\\w-]+)+)\"\\s*\\)"),
            Pattern.compile("->\\s*\"(validation\\.[\\w.-]+)\""),
            Pattern.compile("\\?\\s*\"(security\\.[\\w.-]+)\"\\s*:\\s*\"(security\\.[\\w.-]+)\""));
    private static final Pattern CODE_KEY_PREFIX = Pattern.compile("getMessage\\(\\s*\"([a-z][\\w.-]*\\.)\"\\s*\\+");
    private static final Pattern HTTP_STATUS = Pattern.compile("HttpStatus\\.([A-Z_]+)");

    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern SCRIPT_OR_STYLE = Pattern.compile("<(script|style)\\b[^>]*>.*?</\\1\\s*>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    /** A tag, with quoted attribute values that may hold {@code >} (as in {@code th:if="${a > b}"}). */
    private static final Pattern TAG = Pattern.compile("<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/>\"']+)(?:\\s*=\\s*(\"[^\"]*\"|'[^']*'|[^\\s>]+))?");
    private static final Pattern ENTITY = Pattern.compile("&(?:[a-zA-Z]+|#\\d+|#x[0-9a-fA-F]+);");
    /** Thymeleaf inlined expressions such as [[#{key}]] are computed, not literal. */
    private static final Pattern INLINED = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "aria-label", "alt");

    @Test
    void everyBundleHasTheSameKeysInEnglishAndFrench() throws IOException {
        Map<String, String> problems = new TreeMap<>();
        for (String bundle : bundles()) {
            Set<String> english = load(MESSAGES.resolve(bundle + ".properties")).stringPropertyNames();
            Path frenchFile = MESSAGES.resolve(bundle + "_fr.properties");
            if (!Files.exists(frenchFile)) {
                problems.put(bundle, "no " + frenchFile.getFileName());
                continue;
            }
            Set<String> french = load(frenchFile).stringPropertyNames();
            Set<String> notInFrench = new TreeSet<>(english);
            notInFrench.removeAll(french);
            Set<String> notInEnglish = new TreeSet<>(french);
            notInEnglish.removeAll(english);
            if (!notInFrench.isEmpty() || !notInEnglish.isEmpty()) {
                problems.put(bundle, "missing in French: " + notInFrench + ", missing in English: " + notInEnglish);
            }
        }
        for (Path file : messageFiles()) {
            String name = file.getFileName().toString();
            if (name.endsWith("_fr.properties") && !Files.exists(MESSAGES.resolve(name.replace("_fr.properties", ".properties")))) {
                problems.put(name, "no English bundle");
            }
        }
        assertThat(problems).as("bundles whose languages differ").isEmpty();
    }

    @Test
    void everyBundleIsRegistered() throws IOException {
        String basenames = load(APPLICATION).getProperty("spring.messages.basename", "");
        Set<String> registered = new TreeSet<>(Arrays.stream(basenames.split(",")).map(String::strip).toList());

        assertThat(bundles()).allSatisfy(bundle -> assertThat(registered).contains("messages/" + bundle));
    }

    @Test
    void everyMessageIsFilledAndWrittenForMessageFormat() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Path file : messageFiles()) {
            Properties messages = load(file);
            for (String key : new TreeSet<>(messages.stringPropertyNames())) {
                String value = messages.getProperty(key);
                String where = file.getFileName() + " " + key;
                if (value.isBlank()) {
                    problems.add(where + ": blank");
                } else if (LONE_QUOTE.matcher(value).find()) {
                    problems.add(where + ": a lone ' (write '' so MessageFormat keeps it): " + value);
                } else {
                    try {
                        new MessageFormat(value, Locale.ROOT);
                    } catch (IllegalArgumentException e) {
                        problems.add(where + ": not a valid MessageFormat pattern (" + e.getMessage() + "): " + value);
                    }
                }
            }
        }
        assertThat(problems).as("messages to fix").isEmpty();
    }

    @Test
    void everyKeyTheTemplatesUseExists() throws IOException {
        Set<String> keys = englishKeys();
        List<String> missing = new ArrayList<>();
        for (Path template : templates()) {
            String html = Files.readString(template);
            String name = TEMPLATES.relativize(template).toString();
            forEach(TEMPLATE_KEY, html, key -> {
                if (!keys.contains(key)) {
                    missing.add(name + ": #{" + key + "}");
                }
            });
            forEach(TEMPLATE_KEY_PREFIX, html, prefix -> {
                if (keys.stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(name + ": no key starts with " + prefix);
                }
            });
            // labels='user.field,device.field' names where the error summary finds field labels: prefixes, not keys.
            forEach(LABEL_PREFIXES, html, prefixes -> {
                for (String prefix : prefixes.split(",")) {
                    if (keys.stream().noneMatch(k -> k.startsWith(prefix.strip() + "."))) {
                        missing.add(name + ": no label starts with " + prefix);
                    }
                }
            });
            forEach(FRAGMENT_CALL, html.replaceAll(LABEL_PREFIXES.pattern(), ""), arguments -> forEach(QUOTED_KEY, arguments, key -> {
                if (!keys.contains(key)) {
                    missing.add(name + ": '" + key + "' given to a form fragment");
                }
            }));
        }
        assertThat(missing).as("message keys used by templates but in no bundle").isEmpty();
    }

    @Test
    void everyKeyTheCodeUsesExists() throws IOException {
        Set<String> keys = englishKeys();
        Set<String> missing = new TreeSet<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(JAVA)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).toList();
        }
        int found = 0;
        for (Path source : sources) {
            String java = Files.readString(source);
            String name = source.getFileName().toString();
            for (Pattern pattern : CODE_KEYS) {
                Matcher matcher = pattern.matcher(java);
                while (matcher.find()) {
                    for (int group = 1; group <= matcher.groupCount(); group++) {
                        found++;
                        if (!keys.contains(matcher.group(group))) {
                            missing.add(name + ": " + matcher.group(group));
                        }
                    }
                }
            }
            forEach(CODE_KEY_PREFIX, java, prefix -> {
                if (keys.stream().noneMatch(k -> k.startsWith(prefix))) {
                    missing.add(name + ": no key starts with " + prefix);
                }
            });
            forEach(HTTP_STATUS, java, status -> {
                String title = "problem.title." + HttpStatus.valueOf(status).value();
                if (name.matches("(ApiExceptionAdvice|SecurityConfiguration|Problems)\\.java") && !keys.contains(title)) {
                    missing.add(name + ": " + title);
                }
            });
        }
        assertThat(found).as("keys found in the code (the patterns still match it)").isGreaterThan(50);
        assertThat(missing).as("message keys used by the code but in no bundle").isEmpty();
    }

    @Test
    void templatesHoldNoLiteralText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            literals.addAll(literalTextIn(TEMPLATES.relativize(template).toString(), Files.readString(template)));
        }
        assertThat(literals).as("literal text in templates: use th:text=\"#{...}\" or a th: attribute").isEmpty();
    }

    @Test
    void theLiteralTextCheckFindsWhatItMust() {
        String html = """
                <!DOCTYPE html>
                <html xmlns:th="http://www.thymeleaf.org">
                <!-- A comment may say anything. -->
                <head><title th:text="#{app.name}"></title><style>body { color: red; }</style></head>
                <body>
                  <p th:if="${a > b}" th:text="#{x.y}"></p>
                  <p>Hello</p>
                  <input th:placeholder="#{x.y}" placeholder="Search" aria-label="&times;" th:attr="title=#{x.y}">
                  <img alt="A phone" src="/x.png"><span>&nbsp;·&nbsp;[[#{x.y}]]</span>
                  <script>const text = "not checked";</script>
                </body>
                </html>
                """;

        assertThat(literalTextIn("planted.html", html)).containsExactly(
                "planted.html: text \"Hello\"", "planted.html: placeholder=\"Search\"", "planted.html: alt=\"A phone\"");
    }

    static List<String> literalTextIn(String name, String html) {
        List<String> literals = new ArrayList<>();
        String markup = SCRIPT_OR_STYLE.matcher(COMMENT.matcher(html).replaceAll(" ")).replaceAll(" ");
        Matcher tags = TAG.matcher(markup);
        int textStart = 0;
        while (tags.find()) {
            checkText(name, markup.substring(textStart, tags.start()), literals);
            checkAttributes(name, tags.group(), literals);
            textStart = tags.end();
        }
        checkText(name, markup.substring(textStart), literals);
        return literals;
    }

    private static void checkText(String name, String text, List<String> literals) {
        String literal = INLINED.matcher(ENTITY.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
        if (LETTER.matcher(literal).find()) {
            literals.add(name + ": text \"" + literal.replaceAll("\\s+", " ") + "\"");
        }
    }

    private static void checkAttributes(String name, String tag, List<String> literals) {
        if (tag.startsWith("<!") || tag.startsWith("</")) {
            return;
        }
        Matcher attributes = ATTRIBUTE.matcher(tag.substring(1, tag.length() - 1).replaceFirst("^\\S+", ""));
        while (attributes.find()) {
            String attribute = attributes.group(1).toLowerCase(Locale.ROOT);
            String value = attributes.group(2) == null ? "" : attributes.group(2).replaceAll("^[\"']|[\"']$", "");
            if (TEXT_ATTRIBUTES.contains(attribute) && LETTER.matcher(ENTITY.matcher(value).replaceAll(" ")).find()) {
                literals.add(name + ": " + attribute + "=\"" + value + "\"");
            }
        }
    }

    private static void forEach(Pattern pattern, String text, java.util.function.Consumer<String> action) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            action.accept(matcher.group(1));
        }
    }

    private static Set<String> englishKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (String bundle : bundles()) {
            keys.addAll(load(MESSAGES.resolve(bundle + ".properties")).stringPropertyNames());
        }
        return keys;
    }

    /** The bundles' base names: web, device... */
    private static List<String> bundles() throws IOException {
        List<String> bundles = messageFiles().stream().map(f -> f.getFileName().toString())
                .filter(f -> !f.matches(".*_[a-z]{2}(_[A-Z]{2})?\\.properties")).map(f -> f.replace(".properties", ""))
                .sorted().toList();
        assertThat(bundles).as("message bundles under " + MESSAGES).isNotEmpty();
        return bundles;
    }

    private static List<Path> messageFiles() throws IOException {
        try (Stream<Path> files = Files.list(MESSAGES)) {
            return files.filter(f -> f.toString().endsWith(".properties")).sorted().toList();
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            List<Path> templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
            assertThat(templates).as("templates under " + TEMPLATES).isNotEmpty();
            return templates;
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
