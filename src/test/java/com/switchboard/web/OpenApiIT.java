package com.switchboard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document and Swagger UI are served, without sign-in, and describe the API of API.md. */
@SwitchboardTest
class OpenApiIT {

    @LocalServerPort
    int port;

    @Test
    void servesTheOpenApiDocument() {
        ApiClient.Response docs = ApiClient.anonymous(port).get("/v3/api-docs");

        assertThat(docs.status()).as(docs.toString()).isEqualTo(200);
        assertThat(docs.header("Content-Type")).contains("json");
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.has("/api/v1/customers/{customerId}/devices")).isTrue();
        assertThat(paths.get("/api/v1/customers/{customerId}/devices").has("post")).isTrue();
        assertThat(paths.get("/api/v1/customers/{customerId}/devices").has("get")).isTrue();
        assertThat(paths.has("/api/v1/customers/{customerId}/devices/{deviceId}")).isTrue();
        assertThat(paths.has("/api/v1/tokens")).isTrue();
        assertThat(paths.has("/api/v1/me")).isTrue();
        assertThat(paths.has("/api/v1/device-models")).isTrue();
        assertThat(paths.has("/api/v1/customers/{customerId}/sites/{siteId}/device-models")).isTrue();
        assertThat(paths.has("/api/v1/customers/{customerId}/admins")).isTrue();
    }

    @Test
    void servesSwaggerUi() throws Exception {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        HttpResponse<String> ui = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/swagger-ui.html"))
                .header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(ui.body()).containsIgnoringCase("swagger");
    }
}
