package com.switchboard.provisioning;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.switchboard.device.DeviceId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Provisioning")
class ProvisioningApiController {

    private final Provisioning provisioning;
    private final Lines lines;
    private final CustomerScope scope;

    ProvisioningApiController(Provisioning provisioning, Lines lines, CustomerScope scope) {
        this.provisioning = provisioning;
        this.lines = lines;
        this.scope = scope;
    }

    record UrlsBody(String baseUrl, Map<String, String> urls, Instant keyCreatedAt) {
    }

    record FetchBody(Instant at, String address, String userAgent, String macAddress, String file, int status, Long deviceId,
                     String modelGuess) {
    }

    @GetMapping("/provisioning")
    @Operation(summary = "The URL to give each vendor's phones (it contains the customer's key)")
    UrlsBody urls(@PathVariable long customerId) {
        return body(provisioning.urls(scope.require(customerId)));
    }

    @PostMapping("/provisioning/key")
    @Operation(summary = "Rotate the provisioning key: phones given the old URLs get 404 until they are given the new ones")
    UrlsBody rotate(@PathVariable long customerId) {
        return body(provisioning.rotateKey(scope.require(customerId)));
    }

    @GetMapping("/provisioning/fetches")
    @Operation(summary = "The latest fetches, newest first; unknown=true: only phones not in the inventory")
    List<FetchBody> fetches(@PathVariable long customerId, @RequestParam(defaultValue = "false") boolean unknown) {
        return provisioning.fetches(scope.require(customerId), unknown).stream()
                .map(f -> new FetchBody(f.at(), f.address(), f.userAgent(), f.macAddress() == null ? null : f.macAddress().display(),
                        f.file(), f.status(), f.deviceId(), f.modelGuess()))
                .toList();
    }

    @GetMapping(value = "/devices/{deviceId}/configuration", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The device's main file as the phone gets it, the password replaced by ********")
    ResponseEntity<String> configuration(@PathVariable long customerId, @PathVariable long deviceId) {
        CustomerId customer = scope.require(customerId);
        return provisioning.configuration(customer, new DeviceId(deviceId))
                .map(text -> ResponseEntity.ok().contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8)).body(text))
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @PostMapping("/devices/{deviceId}/line/password")
    @Operation(summary = "Issue a new line password (never shown); 409 provisioning.line.none when the device has no line")
    ResponseEntity<Void> resetPassword(@PathVariable long customerId, @PathVariable long deviceId) {
        CustomerId customer = scope.require(customerId);
        lines.resetPassword(customer, new DeviceId(deviceId));
        return ResponseEntity.noContent().build();
    }

    private static UrlsBody body(Provisioning.Urls urls) {
        return new UrlsBody(urls.baseUrl(), urls.urls(), urls.keyCreatedAt());
    }
}
