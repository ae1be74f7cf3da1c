package com.switchboard.security;

import java.net.http.HttpResponse;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.switchboard.ProblemAssert.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Who gets in, how: API tokens, HTTP Basic only to mint them, throttled guessing, and the pages' sign-in. */
@SwitchboardTest
class SecurityIT {

    private static final String PASSWORD = TestData.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anApiCallWithoutCredentialsOrWithABadTokenIsUnauthenticated() {
        ApiClient anonymous = ApiClient.anonymous(port);

        ApiClient.Response none = anonymous.get("/api/v1/me");
        assertProblem(none, 401, "security.unauthenticated");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertProblem(anonymous.get("/api/v1/customers"), 401, "security.unauthenticated");
        assertProblem(anonymous.get("/api/v1/device-models"), 401, "security.unauthenticated");

        ApiClient.Response bad = anonymous.send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer not-a-token"));
        assertProblem(bad, 401, "security.token.invalid");
        assertProblem(anonymous.inLanguage("fr").send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer x")),
                401, "security.token.invalid");
    }

    @Test
    void aTokenMintedWithBasicCarriesTheAdminsRoleAndCustomer() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminAccount(provider, customer);

        ApiClient.Response minted = ApiClient.anonymous(port).send("POST", "/api/v1/tokens",
                Map.of("name", "  deploy script  ", "expiresInDays", 7), Map.of("Authorization", ApiClient.basic(email, PASSWORD)));

        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        JsonNode token = minted.json();
        assertThat(token.get("name").asString()).isEqualTo("deploy script");
        assertThat(token.get("token").asString()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(token.get("expiresAt").asString()).isNotBlank();
        assertThat(minted.header("Location")).endsWith("/api/v1/tokens/" + token.get("id").asLong());
        assertThat(jdbc.sql("select token_hash from api_token where id = :id").param("id", token.get("id").asLong())
                .query(String.class).single()).isNotEqualTo(token.get("token").asString()).hasSize(64);

        ApiClient.Response me = ApiClient.withToken(port, token.get("token").asString()).get("/api/v1/me");
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("role").asString()).isEqualTo("CUSTOMER_ADMIN");
        assertThat(me.json().get("customerId").asLong()).isEqualTo(customer);

        JsonNode providerMe = provider.get("/api/v1/me").json();
        assertThat(providerMe.get("role").asString()).isEqualTo("PROVIDER_ADMIN");
        assertThat(providerMe.get("customerId").isNull()).isTrue();

        ApiClient.Response tooLong = ApiClient.anonymous(port).send("POST", "/api/v1/tokens",
                Map.of("name", "forever", "expiresInDays", 10_000), Map.of("Authorization", ApiClient.basic(email, PASSWORD)));
        assertProblem(tooLong, 422, "token.expiry.range");
    }

    @Test
    void tokensAreListedAndARevokedTokenNoLongerWorks() {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "FR"));
        JsonNode first = mint(email);
        JsonNode second = mint(email);
        ApiClient firstClient = ApiClient.withToken(port, first.get("token").asString());
        ApiClient secondClient = ApiClient.withToken(port, second.get("token").asString());

        ApiClient.Response listed = firstClient.get("/api/v1/tokens");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).extracting(t -> t.get("id").asLong())
                .containsExactlyInAnyOrder(first.get("id").asLong(), second.get("id").asLong());
        assertThat(listed.text()).doesNotContain(first.get("token").asString(), second.get("token").asString());

        assertThat(firstClient.delete("/api/v1/tokens/" + second.get("id").asLong()).status()).isEqualTo(204);

        assertProblem(secondClient.get("/api/v1/me"), 401, "security.token.invalid");
        assertThat(firstClient.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(firstClient.get("/api/v1/tokens").json()).hasSize(1);
        assertProblem(firstClient.delete("/api/v1/tokens/" + second.get("id").asLong()), 404, "token.not-found");
        // Another admin's token cannot be revoked either.
        assertProblem(provider.delete("/api/v1/tokens/" + first.get("id").asLong()), 404, "token.not-found");
        assertThat(firstClient.get("/api/v1/me").status()).isEqualTo(200);
    }

    @Test
    void basicAuthenticationOnlyMintsTokens() {
        ApiClient provider = ApiClient.provider(port);
        long customer = TestData.customer(provider, "CA");
        String email = TestData.customerAdminAccount(provider, customer);
        Map<String, String> basic = Map.of("Authorization", ApiClient.basic(email, PASSWORD));
        ApiClient anonymous = ApiClient.anonymous(port);

        assertProblem(anonymous.send("GET", "/api/v1/me", null, basic), 401, "security.unauthenticated");
        assertProblem(anonymous.send("GET", "/api/v1/customers/" + customer + "/devices", null, basic), 401,
                "security.unauthenticated");
        assertProblem(anonymous.send("POST", "/api/v1/customers/" + customer + "/sites",
                Map.of("name", "Via Basic", "country", "CA", "timeZone", "America/Toronto"), basic), 401, "security.unauthenticated");
        assertThat(jdbc.sql("select count(*) from site where customer_id = :c").param("c", customer).query(Long.class).single())
                .isZero();

        assertProblem(anonymous.send("POST", "/api/v1/tokens", Map.of("name", "x"),
                Map.of("Authorization", ApiClient.basic(email, "wrong-password-1"))), 401, "security.unauthenticated");
    }

    @Test
    void afterFiveWrongPasswordsEvenTheRightOneMustWait() {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "CA"));
        ApiClient anonymous = ApiClient.anonymous(port);
        fiveWrongPasswords(email, Map.of());

        ApiClient.Response right = anonymous.send("POST", "/api/v1/tokens", Map.of("name", "right"),
                Map.of("Authorization", ApiClient.basic(email.toUpperCase(), PASSWORD)));

        assertProblem(right, 429, "security.throttled");
        assertThat(Long.parseLong(right.header("Retry-After"))).isPositive();
        assertThat(jdbc.sql("select count(*) from api_token t join admin_account a on a.id = t.admin_id where a.email = :e")
                .param("e", email).query(Long.class).single()).isZero();
    }

    @Test
    void theRightPasswordFromAnAddressThatHasNotFailedIsNeverHeldBack() {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "CA"));
        ApiClient anonymous = ApiClient.anonymous(port);
        fiveWrongPasswords(email, Map.of("X-Forwarded-For", "198.51.100.7"));

        ApiClient.Response guesserRight = anonymous.send("POST", "/api/v1/tokens", Map.of("name", "right"),
                Map.of("Authorization", ApiClient.basic(email, PASSWORD), "X-Forwarded-For", "198.51.100.7"));
        assertProblem(guesserRight, 429, "security.throttled");

        ApiClient.Response owner = anonymous.send("POST", "/api/v1/tokens", Map.of("name", "from the office"),
                Map.of("Authorization", ApiClient.basic(email, PASSWORD), "X-Forwarded-For", "203.0.113.20"));
        assertThat(owner.status()).as(owner.toString()).isEqualTo(201);
    }

    private void fiveWrongPasswords(String email, Map<String, String> from) {
        for (int i = 0; i < 5; i++) {
            Map<String, String> headers = new java.util.HashMap<>(from);
            headers.put("Authorization", ApiClient.basic(email, "guess-number-" + i));
            ApiClient.Response wrong = ApiClient.anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "guess"), headers);
            assertThat(wrong.status()).as("attempt %d: %s", i + 1, wrong).isEqualTo(401);
        }
    }

    @Test
    void anOverLongEmailIsAWrongSignInAndIsStillCounted() {
        String email = "a".repeat(400) + "@example.com";
        ApiClient.Response wrong = ApiClient.anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "guess"),
                Map.of("Authorization", ApiClient.basic(email, "whatever-it-is"), "X-Forwarded-For", "198.51.100.99"));

        assertProblem(wrong, 401, "security.unauthenticated");
        assertThat(jdbc.sql("select failures from login_throttle where key like 'account:#%|198.51.100.99'")
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void healthAnswersWithoutSignInAndSaysNoMore() throws Exception {
        HttpResponse<String> health = browser().get("/actuator/health");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components", "db");
        assertThat(browser().get("/actuator/prometheus").statusCode()).isNotEqualTo(200);
    }

    @Test
    void pagesSendAnonymousVisitorsToTheSignInPage() throws Exception {
        HttpResponse<String> devices = browser().get("/devices");

        assertThat(devices.statusCode()).isEqualTo(302);
        assertThat(devices.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void aSignInWithoutTheCsrfTokenIsRefused() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "CA"));
        PageClient browser = browser();
        browser.get("/login");

        HttpResponse<String> refused = browser.postForm("/login", Map.of("email", email, "password", PASSWORD));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(browser.get("/devices").statusCode()).isEqualTo(302);
    }

    @Test
    void signingInGivesANewSessionAndTheOldOneStaysAnonymous() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "CA"));
        PageClient browser = browser();
        HttpResponse<String> login = browser.get("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(browser.session()).as("no session for an anonymous visitor").isNull();
        // An attacker who planted a session id of their choosing before the sign-in.
        String before = java.util.Base64.getEncoder().encodeToString(java.util.UUID.randomUUID().toString().getBytes());
        browser.withCookie("SESSION", before);

        HttpResponse<String> signedIn = browser.postForm("/login",
                Map.of("email", email, "password", PASSWORD, "_csrf", csrf(login.body())));

        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error", "throttled");
        assertThat(browser.get("/devices").statusCode()).isEqualTo(200);

        // Whoever knew the session id from before the sign-in is still a stranger.
        HttpResponse<String> fixated = browser().withCookie("SESSION", before).get("/devices");
        assertThat(fixated.statusCode()).isEqualTo(302);
        assertThat(fixated.headers().firstValue("Location").orElseThrow()).endsWith("/login");
    }

    @Test
    void aWrongPasswordOnTheFormShowsTheErrorAndTheRightOneWorks() throws Exception {
        ApiClient provider = ApiClient.provider(port);
        String email = TestData.customerAdminAccount(provider, TestData.customer(provider, "CA"));
        PageClient browser = browser();

        HttpResponse<String> login = browser.get("/login");
        HttpResponse<String> wrong = browser.postForm("/login",
                Map.of("email", email, "password", "not-the-password", "_csrf", csrf(login.body())));
        assertThat(wrong.statusCode()).isEqualTo(302);
        assertThat(wrong.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");

        login = browser.get("/login");
        HttpResponse<String> right = browser.postForm("/login",
                Map.of("email", email, "password", PASSWORD, "_csrf", csrf(login.body())));
        assertThat(right.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
    }

    private JsonNode mint(String email) {
        ApiClient.Response minted = ApiClient.anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "script"),
                Map.of("Authorization", ApiClient.basic(email, PASSWORD)));
        assertThat(minted.status()).as(minted.toString()).isEqualTo(201);
        return minted.json();
    }

    private PageClient browser() {
        return new PageClient(port);
    }

    private static String csrf(String page) {
        return PageClient.csrf(page);
    }
}
