import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The device-list benchmark's two halves, run by scripts/device-list-benchmark.sh with the
 * PostgreSQL driver on the class path (single-file source launch):
 *
 * <pre>
 * java -cp postgresql.jar DeviceListBenchmark.java load    JDBC_URL CUSTOMERS DEVICES_PER_CUSTOMER
 * java -cp postgresql.jar DeviceListBenchmark.java measure REQUESTS NAME JDBC_URL BASE_URL EMAIL PASSWORD [NAME JDBC_URL …]
 * </pre>
 *
 * "load" writes customers, two sites each and their devices with COPY (indexes and foreign-key
 * triggers of the device table off during the copy, then rebuilt, then VACUUM ANALYZE). Users and
 * assignments are not loaded: that table comes with the users module. "measure" calls the HTTP API
 * of each application in turn, sequentially, each request on a customer drawn at random, after a
 * warm-up, and prints p50/p95/p99 per application and, for two, the ratio of the second to the first.
 */
public class DeviceListBenchmark {

    private static final String[] SCENARIOS = {"list", "site", "mac", "label", "device", "pick"};

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
            case "measure" -> measure(args);
            default -> throw new IllegalArgumentException(args[0]);
        }
    }

    /**
     * The embedded database asks for a password. The scripts never put it on a command line: they give
     * the path of the file the portal keeps it in ({@code &passwordFile=} in the URL), or PGPASSWORD.
     */
    static Connection connect(String jdbcUrl) throws java.sql.SQLException {
        java.util.Properties properties = new java.util.Properties();
        String url = jdbcUrl;
        int at = url.indexOf("&passwordFile=");
        if (at >= 0) {
            try {
                properties.setProperty("password", java.nio.file.Files.readString(java.nio.file.Path.of(url.substring(at + 14))).strip());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            url = url.substring(0, at);
        } else if (System.getenv("PGPASSWORD") != null) {
            properties.setProperty("password", System.getenv("PGPASSWORD"));
        }
        return DriverManager.getConnection(url, properties);
    }

    // ---------------------------------------------------------------- load

    static void load(String jdbcUrl, int customers, int perCustomer) throws Exception {
        long started = System.nanoTime();
        try (Connection db = connect(jdbcUrl)) {
            CopyManager copy = db.unwrap(PGConnection.class).getCopyAPI();
            long modelId = single(db, "select m.id from device_model m join manufacturer f on f.id = m.manufacturer_id"
                    + " where f.name = 'Yealink' and m.model = 'T46U'");
            long firstCustomer = single(db, "select coalesce(max(id), 0) + 1 from customer");

            StringBuilder rows = new StringBuilder();
            for (int c = 0; c < customers; c++) {
                rows.append("Benchmark customer ").append(firstCustomer + c).append("\tCA\ten\n");
            }
            copy.copyIn("copy customer (name, country, language) from stdin", new StringReader(rows.toString()));
            rows.setLength(0);
            for (long c = firstCustomer; c < firstCustomer + customers; c++) {
                rows.append(c).append("\tMontréal\tCA\tQC\tAmerica/Toronto\n");
                rows.append(c).append("\tToronto\tCA\tON\tAmerica/Toronto\n");
            }
            copy.copyIn("copy site (customer_id, name, country, region, time_zone) from stdin", new StringReader(rows.toString()));
            Map<Long, long[]> sites = new LinkedHashMap<>();
            try (Statement st = db.createStatement();
                 ResultSet rs = st.executeQuery("select customer_id, array_agg(id order by id) from site where customer_id >= "
                         + firstCustomer + " group by customer_id")) {
                while (rs.next()) {
                    Long[] ids = (Long[]) rs.getArray(2).getArray();
                    sites.put(rs.getLong(1), Arrays.stream(ids).mapToLong(Long::longValue).toArray());
                }
            }

            List<String> indexes = new ArrayList<>();
            try (Statement st = db.createStatement()) {
                try (ResultSet rs = st.executeQuery("select indexname, indexdef from pg_indexes where tablename = 'device'"
                        + " and indexname <> 'device_pkey'")) {
                    while (rs.next()) {
                        indexes.add(rs.getString(2));
                    }
                }
                for (String def : indexes) {
                    st.execute("drop index " + def.replaceFirst("(?i)^create (unique )?index (\\S+) .*$", "$2"));
                }
                st.execute("alter table device disable trigger all");
            }
            long macBase = single(db, "select count(*) from device");
            Random random = new Random(42);
            long now = System.currentTimeMillis() / 1000;
            String[] labels = {"Reception", "Room", "Desk", "Office", "Lobby", "Warehouse", "Lab", "Kitchen"};
            // One customer per chunk: the device table then holds each customer's rows mixed with the
            // platform's, as years of adds would, instead of one contiguous block.
            long serial = macBase;
            Reader source = new DeviceRows(sites, perCustomer, modelId, random, now, labels, serial);
            long copied = copy.copyIn("copy device (customer_id, site_id, model_id, mac, label, status, created_at) from stdin", source);
            try (Statement st = db.createStatement()) {
                st.execute("alter table device enable trigger all");
                for (String def : indexes) {
                    st.execute(def);
                }
                st.execute("vacuum analyze device");
                st.execute("vacuum analyze site");
                st.execute("vacuum analyze customer");
            }
            System.out.printf(Locale.ROOT, "Loaded %,d customers, %,d sites, %,d devices in %.1f s%n",
                    customers, customers * 2, copied, (System.nanoTime() - started) / 1e9);
        }
    }

    /** Generates the device rows on the fly so that a million of them never sit in memory. */
    static final class DeviceRows extends Reader {
        private final long[] customerIds;
        private final Map<Long, long[]> sites;
        private final int perCustomer;
        private final long modelId;
        private final Random random;
        private final long now;
        private final String[] labels;
        private long serial;
        private int round;
        private int customerIndex;
        private final StringBuilder buffer = new StringBuilder();
        private int position;

        DeviceRows(Map<Long, long[]> sites, int perCustomer, long modelId, Random random, long now, String[] labels, long serial) {
            this.sites = sites;
            this.customerIds = sites.keySet().stream().mapToLong(Long::longValue).toArray();
            this.perCustomer = perCustomer;
            this.modelId = modelId;
            this.random = random;
            this.now = now;
            this.labels = labels;
            this.serial = serial;
        }

        private boolean fill() {
            if (round >= perCustomer) {
                return false;
            }
            buffer.setLength(0);
            position = 0;
            // 100 devices of each customer per round, customers in turn.
            int batch = Math.min(100, perCustomer - round);
            long customer = customerIds[customerIndex];
            long[] customerSites = sites.get(customer);
            for (int i = 0; i < batch; i++) {
                // An odd multiplier scatters the serials over the 24 bits without collisions.
                long low = (serial++ * 2654435761L) & 0xFFFFFFL;
                String mac = String.format("805EC0%06X", low);
                buffer.append(customer).append('\t').append(customerSites[random.nextInt(customerSites.length)]).append('\t')
                        .append(modelId).append('\t').append(mac).append('\t');
                if (random.nextInt(10) == 0) {
                    buffer.append("\\N");
                } else {
                    buffer.append(labels[random.nextInt(labels.length)]).append(' ').append(random.nextInt(1000));
                }
                buffer.append("\tUNASSIGNED\t")
                        .append(java.time.Instant.ofEpochSecond(now - random.nextInt(3 * 365 * 86400))).append('\n');
            }
            customerIndex++;
            if (customerIndex == customerIds.length) {
                customerIndex = 0;
                round += batch;
            }
            return true;
        }

        @Override
        public int read(char[] out, int offset, int length) {
            if (position >= buffer.length() && !fill()) {
                return -1;
            }
            int n = Math.min(length, buffer.length() - position);
            buffer.getChars(position, position + n, out, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }

    static long single(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---------------------------------------------------------------- measure

    record Sample(long customerId, long siteId, long deviceId, String mac) {
    }

    /** One running application and what to ask it. */
    record Target(String name, String base, String token, List<Sample> samples) {
    }

    /**
     * Both applications are measured in the same loop, one request to each in turn, so that both
     * sizes meet the same machine: a build or a browser starting elsewhere slows both alike, and
     * the ratio stays a ratio of data sizes.
     */
    static void measure(String[] args) throws Exception {
        int requests = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Target> targets = new ArrayList<>();
        for (int i = 2; i + 4 < args.length; i += 5) {
            targets.add(new Target(args[i], args[i + 2], token(http, args[i + 2], args[i + 3], args[i + 4]), samples(args[i + 1])));
        }
        Random random = new Random(7);
        // Warm-up: every scenario on every target, so the JIT and the caches settle first.
        for (int round = 0; round < 2; round++) {
            for (String scenario : SCENARIOS) {
                for (int i = 0; i < Math.max(200, requests / 2); i++) {
                    for (Target t : targets) {
                        call(http, t.base(), t.token(), path(scenario, t.samples().get(random.nextInt(t.samples().size()))));
                    }
                }
            }
        }
        Map<String, Map<String, double[]>> results = new LinkedHashMap<>();
        for (String scenario : SCENARIOS) {
            Map<String, double[]> millis = new LinkedHashMap<>();
            targets.forEach(t -> millis.put(t.name(), new double[requests]));
            for (int i = 0; i < requests; i++) {
                for (Target t : targets) {
                    String path = path(scenario, t.samples().get(random.nextInt(t.samples().size())));
                    long t0 = System.nanoTime();
                    call(http, t.base(), t.token(), path);
                    millis.get(t.name())[i] = (System.nanoTime() - t0) / 1e6;
                }
            }
            for (Target t : targets) {
                double[] m = millis.get(t.name());
                Arrays.sort(m);
                results.computeIfAbsent(t.name(), k -> new LinkedHashMap<>())
                        .put(scenario, new double[]{pct(m, 50), pct(m, 95), pct(m, 99)});
            }
        }
        for (Target t : targets) {
            System.out.printf(Locale.ROOT, "%n%s: %,d requests per scenario, sequential, after warm-up%n", t.name(), requests);
            System.out.printf(Locale.ROOT, "%-8s %8s %8s %8s%n", "scenario", "p50 ms", "p95 ms", "p99 ms");
            results.get(t.name()).forEach((scenario, p) ->
                    System.out.printf(Locale.ROOT, "%-8s %8.1f %8.1f %8.1f%n", scenario, p[0], p[1], p[2]));
        }
        if (targets.size() == 2) {
            Map<String, double[]> small = results.get(targets.get(0).name());
            Map<String, double[]> large = results.get(targets.get(1).name());
            System.out.printf(Locale.ROOT, "%n%s against %s%n", targets.get(1).name(), targets.get(0).name());
            System.out.printf(Locale.ROOT, "%-8s %10s %10s %10s %10s %8s%n", "scenario", "p50 ratio", "p95 small", "p95 large",
                    "p95 ratio", "verdict");
            boolean ok = true;
            for (String scenario : SCENARIOS) {
                double[] s = small.get(scenario);
                double[] l = large.get(scenario);
                boolean pass = l[1] <= 30 && l[1] / s[1] <= 1.5;
                ok &= pass;
                System.out.printf(Locale.ROOT, "%-8s %10.2f %10.1f %10.1f %10.2f %8s%n", scenario, l[0] / s[0], s[1], l[1],
                        l[1] / s[1], pass ? "ok" : "MISSED");
            }
            System.out.println(ok ? "All targets met (p95 <= 30 ms, p95 ratio <= 1.5)." : "Some targets missed.");
        }
    }

    /** One device of each customer, with its site and MAC, to build the requests from. */
    static List<Sample> samples(String jdbcUrl) throws SQLException {
        List<Sample> samples = new ArrayList<>();
        try (Connection db = connect(jdbcUrl); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("""
                     select distinct on (customer_id) customer_id, site_id, id, mac
                     from device order by customer_id, id
                     """)) {
            while (rs.next()) {
                samples.add(new Sample(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)));
            }
        }
        return samples;
    }

    static String path(String scenario, Sample s) {
        String devices = "/api/v1/customers/" + s.customerId() + "/devices";
        return switch (scenario) {
            case "list" -> devices + "?size=50";
            case "site" -> devices + "?size=50&siteId=" + s.siteId();
            // Four digits from the middle, typed as on a sticker: "C0:1A"
            case "mac" -> devices + "?size=50&q=" + s.mac().substring(4, 6) + "%3A" + s.mac().substring(6, 8);
            case "label" -> devices + "?size=50&sort=label";
            case "device" -> devices + "/" + s.deviceId();
            // What a pick-list asks for as one types (assignment.Picks): the first 20 free devices of a
            // site matching part of a MAC, in MAC order.
            case "pick" -> devices + "?size=20&assigned=false&sort=mac&siteId=" + s.siteId() + "&q="
                    + s.mac().substring(6, 8) + "%3A" + s.mac().substring(8, 10);
            default -> throw new IllegalArgumentException(scenario);
        };
    }

    static double pct(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String token(HttpClient http, String base, String email, String password) throws IOException, InterruptedException {
        HttpResponse<String> minted = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + password)
                        .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"benchmark\",\"expiresInDays\":1}")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(minted.body());
        if (minted.statusCode() != 201 || !m.find()) {
            throw new IllegalStateException("No token: " + minted.statusCode() + " " + minted.body());
        }
        return m.group(1);
    }

    static void call(HttpClient http, String base, String token, String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }

}
