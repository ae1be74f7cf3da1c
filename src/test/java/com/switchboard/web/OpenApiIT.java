package com.switchboard.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import com.switchboard.ApiClient;
import com.switchboard.SwitchboardTest;
import com.switchboard.TestData;
import com.switchboard.TestTenant;
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

    /** What a client generator needs, checked on the live document and against what the API really answers. */
    @Test
    void documentsTitleBearerSchemeReadableOperationIdsStatusesAndProblems() {
        JsonNode doc = ApiClient.anonymous(port).get("/v3/api-docs").json();

        assertThat(doc.at("/info/title").asText()).isEqualTo("Switchboard API");
        assertThat(doc.at("/info/version").asText()).isEqualTo("1");
        assertThat(doc.at("/components/securitySchemes/bearer/type").asText()).isEqualTo("http");
        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0").has("bearer")).isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1tokens/post/security/0").has("basic")).isTrue();

        java.util.List<String> ids = new java.util.ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op -> {
            if (op.getValue().has("operationId")) {
                ids.add(op.getValue().get("operationId").asText());
            }
        }));
        assertThat(ids).hasSizeGreaterThan(30).doesNotHaveDuplicates()
                .allSatisfy(id -> assertThat(id).matches("[a-z]+[A-Z][A-Za-z]*"))
                .contains("addDevice", "listDevices", "getDevice", "updateDevice", "deleteDevice", "assignDevice",
                        "unassignDevice", "addCustomer", "getCustomer", "listSiteDeviceModels", "downloadDevicesCsv");

        JsonNode devices = doc.at("/paths/~1api~1v1~1customers~1{customerId}~1devices");
        JsonNode device = doc.at("/paths/~1api~1v1~1customers~1{customerId}~1devices~1{deviceId}");
        assertThat(devices.at("/post/operationId").asText()).isEqualTo("addDevice");
        assertThat(devices.at("/post/responses").has("201")).isTrue();
        assertThat(devices.at("/post/responses").has("200")).isFalse();
        assertThat(devices.at("/post/responses/201/content/*~1*/schema/$ref").asText()
                + devices.at("/post/responses/201/content/application~1json/schema/$ref").asText()).contains("DeviceBody");
        assertThat(devices.at("/post/responses/422/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(devices.at("/post/responses").has("409")).isTrue();
        assertThat(device.at("/get/responses").has("404")).isTrue();
        assertThat(device.at("/delete/responses").has("204")).isTrue();
        assertThat(doc.at("/components/schemas/Problem/properties").has("code")).isTrue();

        // The statuses documented are the ones answered.
        TestTenant tenant = TestTenant.create(port, "CA");
        long site = tenant.site("Montréal", "CA", "America/Toronto");
        ApiClient.Response added = tenant.admin().post(tenant.path("/devices"), Map.of("siteId", site,
                "modelId", TestData.model(tenant.admin(), "Yealink T46U"), "macAddress", TestData.uniqueMac("805EC0")));
        assertThat(added.status()).isEqualTo(201);
        assertThat(tenant.admin().delete(tenant.path("/devices/" + added.json().get("id").asLong())).status()).isEqualTo(204);
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
