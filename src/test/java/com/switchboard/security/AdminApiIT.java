package com.switchboard.security;

import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.PageClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static com.switchboard.ProblemAssert.assertProblem;
import static com.switchboard.ProblemAssert.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A customer's administrator accounts, managed by a provider admin or by an admin of that customer. */
@SwitchboardTest
class AdminApiIT {

    private static final String PASSWORD = TestData.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    ApiClient provider;
    long customer;
    String admins;

    @BeforeEach
    void setUp() {
        provider = ApiClient.provider(port);
        customer = TestData.customer(provider, "CA");
        admins = "/api/v1/customers/" + customer + "/admins";
    }

    @Test
    void aProviderAdminAddsACustomerAdminWhoCanSignIn() {
        String email = TestData.adminEmail();

        ApiClient.Response created = provider.post(admins, Map.of("email", "  " + email + " ", "name", "Anne Tremblay",
                "password", PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode admin = created.json();
        assertThat(created.header("Location")).endsWith(admins + "/" + admin.get("id").asLong());
        assertThat(admin.get("email").asString()).isEqualTo(email);
        assertThat(admin.get("name").asString()).isEqualTo("Anne Tremblay");
        assertThat(admin.get("role").asString()).isEqualTo("CUSTOMER_ADMIN");
        assertThat(admin.get("customerId").asLong()).isEqualTo(customer);
        assertThat(created.text()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");
        String hash = jdbc.sql("select password_hash from admin_account where id = :id").param("id", admin.get("id").asLong())
                .query(String.class).single();
        assertThat(hash).doesNotContain(PASSWORD).matches("\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}.+");

        JsonNode me = ApiClient.signIn(port, email.toUpperCase(), PASSWORD).get("/api/v1/me").json();
        assertThat(me.get("customerId").asLong()).isEqualTo(customer);
        assertThat(provider.get(admins).json()).extracting(a -> a.get("email").asString()).containsExactly(email);
    }

    @Test
    void aCustomerAdminAddsAnotherAdminOfItsOwnCustomer() {
        ApiClient first = TestData.customerAdmin(port, provider, customer);
        String email = TestData.adminEmail();

        ApiClient.Response created = first.post(admins, Map.of("email", email, "name", "Second", "password", PASSWORD));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("customerId").asLong()).isEqualTo(customer);
        assertThat(created.json().get("role").asString()).isEqualTo("CUSTOMER_ADMIN");
        assertThat(ApiClient.signIn(port, email, PASSWORD).get("/api/v1/me").json().get("role").asString())
                .isEqualTo("CUSTOMER_ADMIN");
        assertThat(first.get(admins).json()).hasSize(2);
    }

    @Test
    void refusesAnEmailTakenWhateverItsCase() {
        String email = TestData.adminEmail();
        assertThat(provider.post(admins, Map.of("email", email, "name", "One", "password", PASSWORD)).status()).isEqualTo(201);
        long other = TestData.customer(provider, "FR");

        ApiClient.Response refused = provider.post("/api/v1/customers/" + other + "/admins",
                Map.of("email", email.toUpperCase(), "name", "Two", "password", PASSWORD));

        assertProblem(refused, 409, "admin.email.taken");
        assertThat(errors(refused)).containsExactly("email:admin.email.taken");
        assertThat(jdbc.sql("select count(*) from admin_account where lower(email) = lower(:e)").param("e", email)
                .query(Long.class).single()).isOne();
    }

    @Test
    void refusesAShortPasswordAndOtherBadValues() {
        ApiClient.Response refused = provider.post(admins, Map.of("email", TestData.adminEmail(), "name", "Short",
                "password", "short-pw-11"));

        assertProblem(refused, 422, "request.invalid");
        assertThat(errors(refused)).containsExactly("password:admin.password.too-short");
        assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("12");

        ApiClient.Response missing = provider.post(admins, Map.of("email", "someone@example.test"));
        assertProblem(missing, 400, "request.invalid");
        assertThat(errors(missing)).containsExactlyInAnyOrder("name:validation.required", "password:validation.required");

        ApiClient.Response empty = provider.post(admins, Map.of("email", "not an email", "name", "", "password", ""));
        assertProblem(empty, 422, "request.invalid");
        assertThat(errors(empty)).containsExactlyInAnyOrder("email:validation.email", "name:validation.required",
                "password:admin.password.too-short");
        assertThat(provider.get(admins).json()).isEmpty();
    }

    @Test
    void aCustomerAdminCannotManageAnotherCustomersAdmins() {
        ApiClient mine = TestData.customerAdmin(port, provider, customer);
        long theirs = TestData.customer(provider, "CA");
        ApiClient.Response theirAdmin = provider.post("/api/v1/customers/" + theirs + "/admins",
                Map.of("email", TestData.adminEmail(), "name", "Theirs", "password", PASSWORD));
        long theirAdminId = theirAdmin.json().get("id").asLong();

        assertProblem(mine.post("/api/v1/customers/" + theirs + "/admins",
                Map.of("email", TestData.adminEmail(), "name", "Intruder", "password", PASSWORD)), 404, "customer.not-found");
        assertProblem(mine.get("/api/v1/customers/" + theirs + "/admins"), 404, "customer.not-found");
        assertProblem(mine.delete("/api/v1/customers/" + theirs + "/admins/" + theirAdminId), 404, "customer.not-found");
        assertProblem(mine.delete(admins + "/" + theirAdminId), 404, "admin.not-found");
        // Nor reach a provider admin through its own customer's path.
        long providerId = provider.get("/api/v1/me").json().get("adminId").asLong();
        assertProblem(mine.delete(admins + "/" + providerId), 404, "admin.not-found");

        assertThat(jdbc.sql("select count(*) from admin_account where customer_id = :c").param("c", theirs)
                .query(Long.class).single()).isOne();
    }

    @Test
    void deletesAnAdminWhoThenCanNoLongerSignInButNotOneself() throws Exception {
        ApiClient first = TestData.customerAdmin(port, provider, customer);
        long firstId = first.get("/api/v1/me").json().get("adminId").asLong();
        String email = TestData.adminEmail();
        long secondId = first.post(admins, Map.of("email", email, "name", "Second", "password", PASSWORD)).json()
                .get("id").asLong();
        ApiClient second = ApiClient.signIn(port, email, PASSWORD);
        PageClient secondInBrowser = new PageClient(port).signIn(email, PASSWORD);
        assertThat(secondInBrowser.get("/devices").statusCode()).isEqualTo(200);
        // The second admin's work stays when the account goes.
        long site = TestData.site(second, customer, "Montréal", "CA", "America/Toronto");
        TestData.device(second, customer, site, TestData.model(second, "Yealink T46U"), TestData.uniqueMac("805EC0"));

        assertProblem(first.delete(admins + "/" + firstId), 409, "admin.delete.self");
        assertThat(first.delete(admins + "/" + secondId).status()).isEqualTo(204);

        assertProblem(second.get("/api/v1/me"), 401, "security.token.invalid");
        assertThat(secondInBrowser.get("/devices").statusCode()).as("the deleted admin's page session").isEqualTo(302);
        assertThatThrownBy(() -> ApiClient.signIn(port, email, PASSWORD)).hasMessageContaining("401");
        assertProblem(first.delete(admins + "/" + secondId), 404, "admin.not-found");
        assertThat(first.get(admins).json()).extracting(a -> a.get("id").asLong()).containsExactly(firstId);
        assertThat(first.get("/api/v1/customers/" + customer + "/devices").json().get("totalItems").asLong()).isOne();
    }
}
