package com.switchboard.fuzz;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.importing.CsvFile;
import com.switchboard.importing.FileProblem;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Generated hostile input against the API's JSON bodies, its query parameters, its uploads and the
 * CSV reader: any 500, any answer that is not a problem detail, any unexpected exception fails.
 * Short by default; {@code -Dswitchboard.fuzz.seconds=600} runs it for ten minutes (README).
 * The seed is printed, and {@code -Dswitchboard.fuzz.seed=…} replays a run.
 */
@SwitchboardTest
class ApiFuzzIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.util.regex.Pattern BROKEN_ESCAPE = java.util.regex.Pattern.compile("%(?![0-9A-Fa-f]{2})");
    private static final Set<Integer> REFUSALS = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 422, 429);
    private static final String[] FIELDS = {"name", "country", "region", "timeZone", "language", "address", "siteId", "modelId",
            "macAddress", "label", "firstName", "lastName", "email", "extension", "e164", "userId", "numberId", "deviceId",
            "expiresInDays", "password", "user", "newDevice", "manufacturer", "model", "displayName", "kind", "lineKeys",
            "provisioningFamily", "countries", "active"};
    private static final String[] PARAMETERS = {"q", "page", "size", "sort", "siteId", "modelId", "status", "assigned",
            "provisioningStatus", "unknown"};
    private static final String[] NASTY = {"", " ", "\u0000", "\u001F", "\r\n", "%00", "'; drop table device; --", "<script>x</script>",
            "../../etc/passwd", "\uD800", "\uFFFF", "😀", "é", "=1+1", "-1", "0", "9223372036854775808", "1e309", "NaN",
            "null", "true", "[]", "{}", "AA:BB:CC:DD:EE:FF", "80:5E:C0:12:34:56", "+15145550100", "CA", "FR", "fr",
            "America/Toronto", "Europe/Paris", "x".repeat(300), "x".repeat(5000)};

    @LocalServerPort
    int port;

    @Test
    void generatedHostileInputNeverGivesA500() throws Exception {
        long seed = Long.getLong("switchboard.fuzz.seed", System.nanoTime());
        Duration budget = Duration.ofSeconds(Long.getLong("switchboard.fuzz.seconds", 20));
        System.out.println("ApiFuzzIT seed " + seed + ", " + budget.toSeconds() + " s");
        Random random = new Random(seed);

        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        ApiClient admin = TestData.customerAdmin(port, provider, customer);
        long site = TestData.site(admin, customer, "Fuzz site", "CA", "America/Toronto");
        String base = "/api/v1/customers/" + customer;
        List<String> bodies = List.of(base + "/sites", base + "/sites/" + site, base + "/devices", base + "/users",
                base + "/numbers", base + "/user-setups", base + "/admins", "/api/v1/tokens", "/api/v1/customers",
                "/api/v1/device-models", base + "/devices/1/assignment", base + "/numbers/1/assignment");
        List<String> lists = List.of(base + "/devices", base + "/users", base + "/numbers", base + "/sites",
                base + "/audit-events", base + "/device-imports", base + "/devices.csv", "/api/v1/device-models",
                base + "/provisioning/fetches");

        long deadline = System.nanoTime() + budget.toNanos();
        int calls = 0;
        while (System.nanoTime() < deadline) {
            ApiClient caller = random.nextInt(4) == 0 ? provider : admin;
            int kind = random.nextInt(10);
            String call;
            ApiClient.Response answer;
            if (kind < 5) {
                String path = bodies.get(random.nextInt(bodies.size()));
                String method = path.endsWith("/assignment") ? "PUT" : path.matches(".*/\\d+$") ? "PATCH" : "POST";
                byte[] body = body(random);
                call = method + " " + path + " " + preview(body);
                answer = caller.sendRaw(method, path, random.nextInt(20) == 0 ? "text/plain" : "application/json", body);
            } else if (kind < 9) {
                String path = lists.get(random.nextInt(lists.size())) + "?" + query(random);
                call = "GET " + path;
                // Broken percent escapes go over a raw socket: the JDK's HTTP client refuses to send them.
                answer = BROKEN_ESCAPE.matcher(path).find() ? raw(path, caller.token()) : caller.get(path);
            } else {
                byte[] csv = csv(random);
                call = "upload " + preview(csv);
                answer = caller.upload(base + "/device-imports", "file", value(random) + ".csv", "text/csv", csv);
                readCsv(csv);
            }
            calls++;
            check(call, answer);
        }
        for (int i = 0; i < 2000; i++) {
            readCsv(csv(random));
        }
        System.out.println("ApiFuzzIT: " + calls + " calls, no 500");
        assertThat(calls).isPositive();
    }

    private static void check(String call, ApiClient.Response answer) {
        int status = answer.status();
        if (status >= 500 || !(status < 300 || REFUSALS.contains(status))) {
            fail("%s answered %d: %s", call, status, new String(answer.body(), 0, Math.min(answer.body().length, 500), StandardCharsets.UTF_8));
        }
        if (status >= 400) {
            assertThat(answer.header("Content-Type")).as(call).startsWith("application/problem+json");
            assertThat(answer.body().length).as("%s answered %d bytes", call, answer.body().length).isLessThan(64 * 1024);
        }
    }

    private ApiClient.Response raw(String path, String token) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(answer.substring(9, 12));
            int bodyAt = answer.indexOf("\r\n\r\n");
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String line : answer.substring(0, bodyAt).split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.put(line.substring(0, colon).toLowerCase(java.util.Locale.ROOT), List.of(line.substring(colon + 1).trim()));
                }
            }
            return new ApiClient.Response(status, headers, answer.substring(bodyAt + 4).getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    /** The CSV reader takes any bytes: a file-level problem or records, never another exception. */
    private static void readCsv(byte[] bytes) {
        try {
            CsvFile file = CsvFile.of(bytes);
            try (CsvReader<CsvRecord> reader = file.records()) {
                reader.forEach(CsvRecord::getFields);
            }
        } catch (FileProblem.Rejected | CsvParseException expected) {
            // Refused as a whole, as the importer reports it.
        } catch (Exception e) {
            throw new AssertionError("CSV reader failed on " + preview(bytes), e);
        }
    }

    private static byte[] body(Random random) {
        int shape = random.nextInt(10);
        if (shape == 0) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            return garbage;
        }
        Object value = shape == 1 ? value(random) : object(random, 0);
        byte[] json = JSON.writeValueAsBytes(value);
        if (shape == 2 && json.length > 1) {
            return java.util.Arrays.copyOf(json, random.nextInt(json.length));
        }
        return json;
    }

    private static Map<String, Object> object(Random random, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        int n = random.nextInt(8);
        for (int i = 0; i < n; i++) {
            String key = random.nextInt(10) == 0 ? value(random) : FIELDS[random.nextInt(FIELDS.length)];
            object.put(key, anything(random, depth));
        }
        return object;
    }

    private static Object anything(Random random, int depth) {
        return switch (random.nextInt(depth > 2 ? 6 : 8)) {
            case 0, 1, 2 -> value(random);
            case 3 -> random.nextInt(3) == 0 ? random.nextLong() : (long) random.nextInt(1000) - 10;
            case 4 -> random.nextBoolean();
            case 5 -> null;
            case 6 -> object(random, depth + 1);
            default -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    list.add(anything(random, depth + 1));
                }
                yield list;
            }
        };
    }

    private static String value(Random random) {
        if (random.nextBoolean()) {
            return NASTY[random.nextInt(NASTY.length)];
        }
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(random.nextInt(10) == 0 ? 400 : 30); i > 0; i--) {
            text.append((char) (random.nextInt(5) == 0 ? random.nextInt(0x20) : random.nextInt(3) == 0 ? random.nextInt(0xFFFF) : 0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    private static String query(Random random) {
        StringBuilder query = new StringBuilder();
        for (int i = random.nextInt(4); i >= 0; i--) {
            String name = random.nextInt(8) == 0 ? value(random) : PARAMETERS[random.nextInt(PARAMETERS.length)];
            query.append(query.isEmpty() ? "" : "&").append(encode(random, name)).append('=').append(encode(random, value(random)));
        }
        return query.toString();
    }

    /** Mostly proper percent-encoding, sometimes broken escapes as a hostile client sends them. */
    private static String encode(Random random, String text) {
        if (random.nextInt(15) == 0) {
            return "%" + (random.nextBoolean() ? "zz" : "") + text.replaceAll("[^A-Za-z0-9]", "");
        }
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static byte[] csv(Random random) {
        int shape = random.nextInt(4);
        if (shape == 0) {
            byte[] garbage = new byte[random.nextInt(300)];
            random.nextBytes(garbage);
            return garbage;
        }
        StringBuilder text = new StringBuilder(random.nextBoolean() ? "site,model,mac address,label\r\n" : "");
        char delimiter = ",;\t|".charAt(random.nextInt(4));
        for (int row = random.nextInt(6); row > 0; row--) {
            for (int cell = random.nextInt(6); cell > 0; cell--) {
                String value = value(random);
                text.append(random.nextInt(4) == 0 ? "\"" + value + (random.nextInt(5) == 0 ? "" : "\"") : value).append(delimiter);
            }
            text.append(random.nextBoolean() ? "\r\n" : "\n");
        }
        return switch (shape) {
            case 1 -> text.toString().getBytes(StandardCharsets.UTF_8);
            case 2 -> text.toString().getBytes(CsvFile.WINDOWS_1252);
            default -> {
                byte[] utf16 = text.toString().getBytes(StandardCharsets.UTF_16LE);
                byte[] withBom = new byte[utf16.length + 2];
                withBom[0] = (byte) 0xFF;
                withBom[1] = (byte) 0xFE;
                System.arraycopy(utf16, 0, withBom, 2, utf16.length);
                yield withBom;
            }
        };
    }

    private static String preview(byte[] bytes) {
        String text = new String(bytes, 0, Math.min(bytes.length, 300), StandardCharsets.UTF_8);
        return text.replaceAll("[\\p{Cntrl}]", "?");
    }
}
