package com.switchboard.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Behind a TLS proxy, and the smaller hardening: headers, cacheable assets, no anonymous sessions, tokens, CSV. */
@SwitchboardTest
class BehindProxyIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void overHttpsFromTheProxyCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> https = get("/login", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.9"));
        assertThat(https.statusCode()).isEqualTo(200);
        assertThat(https.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(v -> assertThat(v).contains("max-age="));
        assertThat(https.headers().allValues("Set-Cookie")).isNotEmpty().allSatisfy(c -> assertThat(c).contains("Secure"));

        HttpResponse<String> http = get("/login", Map.of());
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(http.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
    }

    @Test
    void pagesAndApiSendReferrerAndPermissionsPoliciesAndAssetsAreCacheable() throws Exception {
        HttpResponse<String> login = get("/login", Map.of());
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(login.headers().firstValue("Permissions-Policy")).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        ApiClient.Response api = ApiClient.anonymous(port).get("/api/v1/me");
        assertThat(api.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");

        HttpResponse<String> css = get("/css/switchboard.css", Map.of());
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("max-age=86400"));
    }

    @Test
    void anonymousVisitorsCreateNoSessionRow() throws Exception {
        long before = sessions();

        assertThat(get("/login", Map.of()).statusCode()).isEqualTo(200);
        assertThat(get("/devices", Map.of("Accept", "text/html")).statusCode()).isEqualTo(302);
        assertThat(get("/login?error", Map.of()).statusCode()).isEqualTo(200);

        assertThat(sessions()).isEqualTo(before);
    }

    @Test
    void aTokenCannotMintATokenThatOutlivesIt() {
        ApiClient provider = ApiClient.provider(port);
        ApiClient.Response shortLived = provider.post("/api/v1/tokens", Map.of("name", "one day", "expiresInDays", 1));
        assertThat(shortLived.status()).isEqualTo(201);
        Instant limit = Instant.parse(shortLived.json().get("expiresAt").asString());

        ApiClient.Response minted = ApiClient.withToken(port, shortLived.json().get("token").asString())
                .post("/api/v1/tokens", Map.of("name", "a year", "expiresInDays", 365));

        assertThat(minted.status()).isEqualTo(201);
        assertThat(Instant.parse(minted.json().get("expiresAt").asString())).isBeforeOrEqualTo(limit);
    }

    @Test
    void csvDownloadsNeutraliseFormulas() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        TestData.site(provider, customer, "=HYPERLINK(\"http://evil.example\")", "CA", "America/Toronto");

        ApiClient.Response sites = provider.get("/api/v1/customers/" + customer + "/sites.csv");

        assertThat(sites.status()).isEqualTo(200);
        String csv = new String(sites.body(), StandardCharsets.UTF_8);
        assertThat(csv).contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain("\n=HYPERLINK");
    }

    private long sessions() {
        return jdbc.sql("select count(*) from spring_session").query(Long.class).single();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
