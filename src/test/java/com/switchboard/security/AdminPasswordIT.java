package com.switchboard.security;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.switchboard.ApiClient;
import com.switchboard.PageSession;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestTenant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin changes their own password; a provider admin resets a customer admin's; a lost password
 * is reset from the server's command line. Each is audited, and the old password stops working.
 */
@SwitchboardTest
class AdminPasswordIT {

    private static final String OLD = "old-password-123";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordRecovery recovery;

    @Test
    void aSignedInAdminChangesTheirOwnPassword() {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = admin(tenant);
        PageSession pages = PageSession.signIn(port, email, OLD);
        assertThat(pages.get("/").body()).contains("href=\"/account/password\"");

        HttpResponse<String> wrong = pages.post("/account/password",
                Map.of("currentPassword", "not-it-at-all", "newPassword", "new-password-456", "confirmPassword", "new-password-456"));
        assertThat(wrong.statusCode()).isEqualTo(422);
        assertThat(wrong.body()).contains("This is not your current password.").doesNotContain("new-password-456");
        HttpResponse<String> mismatch = pages.post("/account/password",
                Map.of("currentPassword", OLD, "newPassword", "new-password-456", "confirmPassword", "new-password-789"));
        assertThat(mismatch.statusCode()).isEqualTo(422);
        assertThat(mismatch.body()).contains("The two new passwords differ.");

        HttpResponse<String> changed = pages.post("/account/password",
                Map.of("currentPassword", OLD, "newPassword", "new-password-456", "confirmPassword", "new-password-456"));
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.uri().getPath()).isEqualTo("/");
        assertThat(mint(email, OLD)).isEqualTo(401);
        assertThat(mint(email, "new-password-456")).isEqualTo(201);
        assertThat(audited(email, "admin.password.changed")).isEqualTo(email);
    }

    @Test
    void aProviderAdminResetsACustomerAdminsPasswordAndACustomerAdminCannot() {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = admin(tenant);
        long adminId = jdbc.sql("select id from admin_account where email = :e").param("e", email).query(Long.class).single();
        PageSession provider = PageSession.signIn(port, ApiClient.PROVIDER_EMAIL, ApiClient.PROVIDER_PASSWORD);
        provider.post("/switch-customer", Map.of("customerId", Long.toString(tenant.customerId()), "back", "/admins"));

        assertThat(provider.get("/admins").body()).contains("id=\"reset-password-" + adminId + "\"");
        HttpResponse<String> reset = provider.post("/admins/" + adminId + "/password", Map.of());
        assertThat(reset.statusCode()).isEqualTo(200);
        String password = reset.body().replaceAll("(?s).*id=\"new-password\">([^<]+)<.*", "$1");
        assertThat(password).hasSize(20);
        assertThat(mint(email, OLD)).isEqualTo(401);
        assertThat(mint(email, password)).isEqualTo(201);
        assertThat(audited(email, "admin.password.reset")).isEqualTo(ApiClient.PROVIDER_EMAIL);

        PageSession customerAdmin = tenant.pages(port);
        assertThat(customerAdmin.get("/admins").body()).doesNotContain("id=\"reset-password-");
        assertThat(customerAdmin.post("/admins/" + adminId + "/password", Map.of()).statusCode()).isEqualTo(403);
        assertThat(mint(email, password)).isEqualTo(201);
    }

    @Test
    void theServerResetsALostPasswordOnceAndAuditsIt() {
        TestTenant tenant = TestTenant.create(port, "CA");
        String email = admin(tenant);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = recovery.reset(email.toUpperCase(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(status).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        String password = printed.replaceAll("(?s).*\\n[ ]+(\\S{20})\\n.*", "$1");
        assertThat(password).hasSize(20);
        assertThat(mint(email, OLD)).isEqualTo(401);
        assertThat(mint(email, password)).isEqualTo(201);
        assertThat(audited(email, "admin.password.reset")).isEqualTo("system");
        var reset = java.util.stream.StreamSupport.stream(tenant.provider().inLanguage("fr")
                        .get(tenant.path("/audit-events?objectType=admin")).json().get("items").spliterator(), false)
                .filter(e -> e.get("action").asString().equals("admin.password.reset")).findFirst().orElseThrow();
        assertThat(reset.get("actorEmail").isNull()).as("no email for the server itself: " + reset).isTrue();
        assertThat(reset.get("actorLabel").asString()).isEqualTo("Système (le serveur)");
        assertThat(jdbc.sql("select count(*) from audit_event where summary_args::text like :p").param("p", "%" + password + "%")
                .query(Long.class).single()).isZero();

        assertThat(recovery.reset("nobody@example.test", new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("No administrator has the email \"nobody@example.test\"");
    }

    private String admin(TestTenant tenant) {
        String email = "password-" + UUID.randomUUID() + "@example.test";
        assertThat(tenant.provider().post(tenant.path("/admins"), Map.of("email", email, "name", "Claude Admin", "password", OLD))
                .status()).isEqualTo(201);
        return email;
    }

    private int mint(String email, String password) {
        return ApiClient.anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "check"),
                Map.of("Authorization", ApiClient.basic(email, password))).status();
    }

    /** Who did that to the account, from the audit log. */
    private String audited(String email, String action) {
        return jdbc.sql("select actor_email from audit_event where action = :a and summary_args ->> 0 = :e")
                .param("a", action).param("e", email).query(String.class).single();
    }
}
