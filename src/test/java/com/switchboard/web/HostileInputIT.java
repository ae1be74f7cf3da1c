package com.switchboard.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.switchboard.ProblemAssert.assertProblem;
import static com.switchboard.ProblemAssert.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input is refused with a 400 or 413, never a 500, and never echoed back unbounded. */
@SwitchboardTest
class HostileInputIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void aNulInAJsonTextIsAFieldErrorNotA500() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");

        ApiClient.Response site = provider.post("/api/v1/customers/" + customer + "/sites",
                Map.of("name", "Evil\u0000site", "country", "CA", "timeZone", "America/Toronto"));

        assertProblem(site, 400, "request.unreadable");
        assertThat(errors(site)).containsExactly("name:request.field.type");
        assertThat(site.text()).doesNotContain("Evil");
    }

    @Test
    void aControlCharacterInAQueryParameterOrASignInIsRefused() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");

        assertProblem(provider.get("/api/v1/customers/" + customer + "/devices?q=ab%00cd"), 400, "request.control-character");
        assertProblem(provider.get("/api/v1/customers/" + customer + "/devices?q=%1F"), 400, "request.control-character");
        // A parameter name with a character Unicode does not assign (U+0378), which Spring Security's firewall refuses.
        assertProblem(provider.get("/api/v1/customers/" + customer + "/devices?%CD%B8=1"), 400, "request.rejected");

        HttpResponse<String> signIn = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=a%00%40b.c&password=x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(400);
    }

    @Test
    void anOverLongQueryStringIsRefusedWithoutBeingEchoed() {
        ApiClient provider = ApiClient.provider(port);
        String q = "x".repeat(6000);

        ApiClient.Response answer = provider.get("/api/v1/device-models?q=" + q);

        assertProblem(answer, 400, "request.too-long");
        assertThat(answer.body().length).isLessThan(2000);
    }

    @Test
    void aJsonBodyOverTheLimitIs413BeforeItIsRead() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        byte[] body = ("{\"name\":\"" + "x".repeat(2 * 1024 * 1024) + "\",\"country\":\"CA\",\"timeZone\":\"America/Toronto\"}")
                .getBytes(StandardCharsets.UTF_8);

        ApiClient.Response withLength = provider.sendRaw("POST", "/api/v1/customers/" + customer + "/sites", "application/json", body);
        assertProblem(withLength, 413, "request.body-too-large");

        // Without a Content-Length (chunked), the body is cut off as soon as it passes the limit.
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/customers/" + customer + "/sites"))
                .header("Authorization", "Bearer " + provider.token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("request.body-too-large");
    }

    @Test
    void theLanguageSwitchGoesBackOnlyToAPathOfThePortal() throws Exception {
        assertThat(location("/language?lang=fr&back=/devices?q=a")).isEqualTo("/devices?q=a");
        assertThat(location("/language?lang=fr&back=/devices%0D%0ASet-Cookie:%20x=y")).isEqualTo("/");
        assertThat(location("/language?lang=fr&back=//evil.example/")).isEqualTo("/");
        assertThat(location("/language?lang=fr&back=https://evil.example/")).isEqualTo("/");
    }

    @Test
    void redirectsAreNotBuiltFromTheHostHeader() throws Exception {
        String answer = raw("GET /devices HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\nConnection: close\r\n\r\n", 64 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 302");
        assertThat(answer).containsPattern("(?i)\r\nLocation: /login\r\n").doesNotContain("evil.example");
    }

    @Test
    void aHugeHeaderIsRefusedWithoutBeingEchoed() throws Exception {
        String huge = "X-Junk: " + "a".repeat(5 * 1024 * 1024) + "\r\n";

        String answer = raw("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\n" + huge + "Connection: close\r\n\r\n", 64 * 1024);

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer.length()).isLessThan(16 * 1024);
    }

    private String location(String path) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(302);
        return answer.headers().firstValue("Location").orElseThrow();
    }

    /** A request as raw bytes, for what an HTTP client library refuses to send; at most {@code max} bytes of the answer. */
    private String raw(String request, int max) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer and close before reading all of a huge request.
            }
            InputStream in = socket.getInputStream();
            byte[] answer = in.readNBytes(max + 1);
            return new String(answer, StandardCharsets.ISO_8859_1);
        }
    }
}
