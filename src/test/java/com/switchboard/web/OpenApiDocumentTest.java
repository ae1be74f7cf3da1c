package com.switchboard.web;

import io.swagger.v3.oas.models.PathItem.HttpMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The operationIds a client generator turns into method names, from the method and the path alone. */
class OpenApiDocumentTest {

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/customers/{customerId}/devices, addDevice",
            "GET, /api/v1/customers/{customerId}/devices, listDevices",
            "GET, /api/v1/customers/{customerId}/devices/{deviceId}, getDevice",
            "PATCH, /api/v1/customers/{customerId}/devices/{deviceId}, updateDevice",
            "DELETE, /api/v1/customers/{customerId}/devices/{deviceId}, deleteDevice",
            "PUT, /api/v1/customers/{customerId}/devices/{deviceId}/assignment, assignDevice",
            "DELETE, /api/v1/customers/{customerId}/numbers/{numberId}/assignment, unassignNumber",
            "POST, /api/v1/customers/{customerId}/devices/{deviceId}/restart, restartDevice",
            "GET, /api/v1/customers/{customerId}/devices.csv, downloadDevicesCsv",
            "GET, /api/v1/customers/{customerId}/device-imports/{importId}/results.csv, downloadDeviceImportResultsCsv",
            "POST, /api/v1/customers/{customerId}/device-imports, addDeviceImport",
            "GET, /api/v1/customers/{customerId}/sites/{siteId}/device-models, listSiteDeviceModels",
            "GET, /api/v1/device-models, listDeviceModels",
            "POST, /api/v1/customers, addCustomer",
            "GET, /api/v1/customers/{customerId}, getCustomer",
            "POST, /api/v1/customers/{customerId}/user-setups, addUserSetup",
            "POST, /api/v1/tokens, addToken",
            "GET, /api/v1/me, getMe",
            "POST, /api/v1/customers/{customerId}/provisioning/key, createProvisioningKey",
    })
    void namesEachOperationFromItsMethodAndPath(HttpMethod method, String path, String operationId) {
        assertThat(OpenApiDocument.operationId(method, path)).isEqualTo(operationId);
    }
}
