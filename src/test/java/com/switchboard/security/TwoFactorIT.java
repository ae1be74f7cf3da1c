package com.switchboard.security;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two-factor sign-in of admins: turning it on from the account page, signing in with a code or a
 * recovery code (each accepted once), a customer whose provider requires it, wrong codes throttled,
 * and API tokens unaffected.
 */
@SwitchboardTest
class TwoFactorIT {

    private static final String PASSWORD = "two-factor-pass-123";
    private static final Pattern SECRET = Pattern.compile("id=\"secret\">([A-Z2-7]+)<");
    private static final Pattern RECOVERY = Pattern.compile("<li>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</li>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminTurnsItOnThenSignsInWithACodeOrARecoveryCodeEachOnce() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = admin(tenant);
        String token = mintedToken(email);
        PageSession pages = PageSession.signIn(port, email, PASSWORD);
        assertThat(pages.get("/").body()).contains("href=\"/account/two-factor\"");
        assertThat(pages.get("/account/two-factor").body()).contains("Two-factor sign-in is off.");

        HttpResponse<String> enrol = pages.post("/account/two-factor", Map.of());
        assertThat(enrol.statusCode()).isEqualTo(200);
        assertThat(enrol.body()).contains("src=\"data:image/png;base64,").contains("otpauth://totp/");
        String secret = secret(enrol.body());
        long now = step();
        HttpResponse<String> wrong = pages.post("/account/two-factor/confirm", Map.of("code", wrongCode(secret, now)));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("This code is not right").contains(secret);

        HttpResponse<String> confirmed = pages.post("/account/two-factor/confirm", Map.of("code", code(secret, now)));
        assertThat(confirmed.statusCode()).isEqualTo(200);
        List<String> recovery = recoveryCodes(confirmed.body());
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
        assertThat(pages.get("/account/two-factor").body()).contains("Two-factor sign-in is on.").contains("10 recovery codes left.")
                .doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'admin.two-factor.enabled' and summary_args ->> 0 = :e")
                .param("e", email).query(Long.class).single()).isEqualTo(1);
        // Stored encrypted, and the recovery codes as digests only.
        byte[] stored = jdbc.sql("select secret_enc from admin_two_factor t join admin_account a on a.id = t.admin_id where a.email = :e")
                .param("e", email).query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(secret);
        assertThat(jdbc.sql("select count(*) from admin_recovery_code where code_hash = :c").param("c", recovery.get(0))
                .query(Long.class).single()).isZero();

        // The password alone no longer signs in: the code step is asked, and nothing else is reachable.
        PageClient browser = new PageClient(port);
        assertThat(passwordStep(browser, email)).isEqualTo("/login/code");
        assertThat(browser.get("/devices").statusCode()).isEqualTo(302);
        assertThat(browser.get("/login/code").body()).contains("Enter your code");
        assertThat(codeStep(browser, wrongCode(secret, now + 1)).statusCode()).isEqualTo(422);
        // The code used to turn it on cannot be used again; the next one can, once.
        assertThat(codeStep(browser, code(secret, now)).statusCode()).isEqualTo(422);
        HttpResponse<String> signedIn = codeStep(browser, code(secret, now + 1));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
        assertThat(browser.get("/devices").statusCode()).isEqualTo(200);

        PageClient replay = new PageClient(port);
        assertThat(passwordStep(replay, email)).isEqualTo("/login/code");
        assertThat(codeStep(replay, code(secret, now + 1)).statusCode()).isEqualTo(422);
        assertThat(codeStep(replay, recovery.get(3).toUpperCase().replace("-", " ")).statusCode()).isEqualTo(302);
        assertThat(replay.get("/devices").statusCode()).isEqualTo(200);
        PageClient again = new PageClient(port);
        passwordStep(again, email);
        assertThat(codeStep(again, recovery.get(3)).statusCode()).isEqualTo(422);
        assertThat(pages.get("/account/two-factor").body()).contains("9 recovery codes left.");

        // A token minted before keeps working; a new one needs the pages, not the password alone.
        assertThat(ApiClient.anonymous(port).send("GET", "/api/v1/me", null, Map.of("Authorization", "Bearer " + token)).status())
                .isEqualTo(200);
        ApiClient.Response basic = mint(email);
        assertThat(basic.status()).isEqualTo(403);
        assertThat(basic.json().get("code").asString()).isEqualTo("two-factor.token.pages-only");

        // Turning it off takes a current code.
        assertThat(pages.post("/account/two-factor/off", Map.of("code", "000000")).statusCode()).isEqualTo(422);
        HttpResponse<String> off = pages.post("/account/two-factor/off", Map.of("code", recovery.get(5)));
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).contains("Two-factor sign-in is off.");
        assertThat(passwordStep(new PageClient(port), email)).isEqualTo("/");
    }

    @Test
    void aProviderRequiresItForACustomerAndItsAdminsEnrolAtTheirNextSignIn() throws Exception {
        TestTenant tenant = TestTenant.create(port, "FR");
        String email = admin(tenant);
        long adminId = jdbc.sql("select id from admin_account where email = :e").param("e", email).query(Long.class).single();
        PageSession customerAdmin = tenant.pages(port);
        assertThat(customerAdmin.get("/admins").body()).contains("Optional:").doesNotContain("id=\"require-two-factor\"");
        assertThat(customerAdmin.post("/admins/two-factor", Map.of("required", "true")).statusCode()).isEqualTo(403);

        PageSession provider = PageSession.signIn(port, ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
        provider.post("/switch-customer", Map.of("customerId", Long.toString(tenant.customerId()), "back", "/admins"));
        HttpResponse<String> required = provider.post("/admins/two-factor", Map.of("required", "true"));
        assertThat(required.statusCode()).isEqualTo(200);
        assertThat(required.body()).contains("Required:");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'customer.two-factor.required' and customer_id = :c")
                .param("c", tenant.customerId()).query(Long.class).single()).isEqualTo(1);

        PageClient browser = new PageClient(port);
        assertThat(passwordStep(browser, email)).isEqualTo("/login/enrol");
        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        HttpResponse<String> enrol = browser.get("/login/enrol");
        assertThat(enrol.statusCode()).isEqualTo(200);
        assertThat(enrol.body()).contains("Your service provider requires two-factor sign-in");
        String secret = secret(enrol.body());
        HttpResponse<String> wrong = browser.postForm("/login/enrol", form(enrol.body(), wrongCode(secret, step())));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(secret(wrong.body())).isEqualTo(secret);
        HttpResponse<String> done = browser.postForm("/login/enrol", form(wrong.body(), code(secret, step())));
        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(recoveryCodes(done.body())).hasSize(10);
        assertThat(browser.get("/devices").statusCode()).isEqualTo(200);

        HttpResponse<String> settings = browser.get("/account/two-factor");
        assertThat(settings.body()).contains("requires two-factor sign-in").doesNotContain("id=\"turn-off\"");
        assertThat(browser.postForm("/account/two-factor/off", form(settings.body(), code(secret, step() + 1))).statusCode())
                .isEqualTo(422);

        // The provider sees it on, and resets it for an admin who lost their phone: they enrol again.
        assertThat(provider.get("/admins").body()).contains("id=\"two-factor-on-" + adminId + "\"");
        assertThat(provider.post("/admins/" + adminId + "/two-factor/reset", Map.of()).body())
                .doesNotContain("id=\"two-factor-on-" + adminId + "\"");
        assertThat(passwordStep(new PageClient(port), email)).isEqualTo("/login/enrol");

        assertThat(provider.post("/admins/two-factor", Map.of("required", "false")).body()).contains("Optional:");
        assertThat(passwordStep(new PageClient(port), email)).isEqualTo("/");
    }

    @Test
    void theApiTellsAndSetsWhetherACustomersAdminsMustUseASecondFactor() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = admin(tenant);
        long adminId = jdbc.sql("select id from admin_account where email = :e").param("e", email).query(Long.class).single();
        PageSession pages = PageSession.signIn(port, email, PASSWORD);
        String secret = secret(pages.post("/account/two-factor", Map.of()).body());
        assertThat(pages.post("/account/two-factor/confirm", Map.of("code", code(secret, step()))).statusCode()).isEqualTo(200);

        ApiClient.Response policy = tenant.admin().get(tenant.path("/two-factor"));
        assertThat(policy.status()).isEqualTo(200);
        assertThat(policy.json().get("required").asBoolean()).isFalse();
        assertThat(policy.json().get("enrolledAdminIds").get(0).asLong()).isEqualTo(adminId);
        ApiClient.Response byCustomerAdmin = tenant.admin().put(tenant.path("/two-factor"), Map.of("required", true));
        assertThat(byCustomerAdmin.status()).isEqualTo(403);
        assertThat(tenant.provider().put(tenant.path("/two-factor"), Map.of()).status()).as("a missing field").isEqualTo(400);

        ApiClient.Response required = tenant.provider().put(tenant.path("/two-factor"), Map.of("required", true));
        assertThat(required.status()).isEqualTo(200);
        assertThat(required.json().get("required").asBoolean()).isTrue();
        assertThat(tenant.provider().delete(tenant.path("/admins/" + adminId + "/two-factor")).status()).isEqualTo(204);
        assertThat(tenant.provider().get(tenant.path("/two-factor")).json().get("enrolledAdminIds")).isEmpty();
        assertThat(passwordStep(new PageClient(port), email)).isEqualTo("/login/enrol");
        assertThat(ApiClient.provider(port).delete("/api/v1/customers/" + tenant.customerId() + "/admins/999999999/two-factor")
                .status()).isEqualTo(404);
    }

    @Test
    void wrongCodesAreThrottledLikeWrongPasswords() throws Exception {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = admin(tenant);
        PageSession pages = PageSession.signIn(port, email, PASSWORD);
        String secret = secret(pages.post("/account/two-factor", Map.of()).body());
        assertThat(pages.post("/account/two-factor/confirm", Map.of("code", code(secret, step()))).statusCode()).isEqualTo(200);

        PageClient guesser = new PageClient(port);
        passwordStep(guesser, email);
        for (int i = 0; i < 5; i++) {
            assertThat(codeStep(guesser, wrongCode(secret, step() + 1)).statusCode()).isEqualTo(422);
        }
        HttpResponse<String> held = codeStep(guesser, code(secret, step() + 1));
        assertThat(held.statusCode()).isEqualTo(429);
        assertThat(held.headers().firstValue("Retry-After")).isPresent();
        assertThat(held.body()).contains("Too many wrong codes");
    }

    private String admin(TestTenant tenant) {
        String email = "two-factor-" + UUID.randomUUID() + "@example.test";
        assertThat(tenant.provider().post(tenant.path("/admins"), Map.of("email", email, "name", "Camille Admin", "password", PASSWORD))
                .status()).isEqualTo(201);
        return email;
    }

    private ApiClient.Response mint(String email) {
        return ApiClient.anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "script"),
                Map.of("Authorization", ApiClient.basic(email, PASSWORD)));
    }

    private String mintedToken(String email) {
        ApiClient.Response minted = mint(email);
        assertThat(minted.status()).isEqualTo(201);
        return minted.json().get("token").asString();
    }

    /** Posts the sign-in form; answers where it leads (the path of the redirect). */
    private static String passwordStep(PageClient browser, String email) throws Exception {
        HttpResponse<String> login = browser.get("/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("email", email);
        form.put("password", PASSWORD);
        form.put("_csrf", PageClient.csrf(login.body()));
        HttpResponse<String> answer = browser.postForm("/login", form);
        assertThat(answer.statusCode()).isEqualTo(302);
        return java.net.URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath();
    }

    private static HttpResponse<String> codeStep(PageClient browser, String code) throws Exception {
        return browser.postForm("/login/code", form(browser.get("/login/code").body(), code));
    }

    private static Map<String, String> form(String page, String code) {
        return Map.of("code", code, "_csrf", PageClient.csrf(page));
    }

    private static String secret(String page) {
        Matcher matcher = SECRET.matcher(page);
        assertThat(matcher.find()).as("the secret is shown").isTrue();
        return matcher.group(1);
    }

    private static List<String> recoveryCodes(String page) {
        List<String> codes = new ArrayList<>();
        Matcher matcher = RECOVERY.matcher(page);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    static long step() {
        return Instant.now().getEpochSecond() / 30;
    }

    /** The code an authenticator app shows at that 30-second step (RFC 6238: HMAC-SHA1, 6 digits). */
    static String code(String secret, long step) {
        try {
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A code that is none of the three the portal accepts around that step. */
    private static String wrongCode(String secret, long step) {
        List<String> right = List.of(code(secret, step - 1), code(secret, step), code(secret, step + 1), code(secret, step + 2));
        for (int n = 0; ; n++) {
            String candidate = String.format("%06d", (n * 7919) % 1_000_000);
            if (!right.contains(candidate)) {
                return candidate;
            }
        }
    }
}
