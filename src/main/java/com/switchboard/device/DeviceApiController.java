package com.switchboard.device;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/devices")
@Tag(name = "Devices")
class DeviceApiController {

    private final DeviceInventory inventory;
    private final CustomerScope scope;
    private final MessageSource messages;

    DeviceApiController(DeviceInventory inventory, CustomerScope scope, MessageSource messages) {
        this.inventory = inventory;
        this.scope = scope;
        this.messages = messages;
    }

    record WarningBody(String code, String message) {
    }

    record DeviceBody(long id, long siteId, String siteName, long modelId, String modelDisplayName, String macAddress,
                      String label, String status, Long assignedUserId, Instant createdAt, List<WarningBody> warnings) {
    }

    record AddRequest(Long siteId, Long modelId, String macAddress, String label) {
    }

    record PageBody(List<DeviceBody> items, int page, int size, long totalItems) {
    }

    @PostMapping
    ResponseEntity<DeviceBody> add(@PathVariable long customerId, @RequestBody AddRequest body, Locale locale) {
        CustomerId customer = scope.require(customerId);
        RequiredFields.check("siteId", body.siteId(), "modelId", body.modelId(), "macAddress", body.macAddress());
        DeviceView device = inventory.add(new AddDevice(customer, body.siteId(), body.modelId(), body.macAddress(), body.label()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/devices/" + device.id()))
                .body(body(device, locale));
    }

    @GetMapping
    PageBody list(@PathVariable long customerId,
                  @RequestParam(required = false) Long siteId, @RequestParam(required = false) Long modelId,
                  @RequestParam(required = false) String status, @RequestParam(required = false) Boolean assigned,
                  @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                  Locale locale) {
        CustomerId customer = scope.require(customerId);
        DeviceQuery query = DeviceQueries.of(siteId, modelId, status, assigned, q, sort, page, size);
        DeviceInventory.DevicePage result = inventory.search(customer, query);
        return new PageBody(result.items().stream().map(d -> body(d, locale)).toList(), result.page(), result.size(),
                result.totalItems());
    }

    @GetMapping("/{deviceId}")
    DeviceBody one(@PathVariable long customerId, @PathVariable long deviceId, Locale locale) {
        return body(inventory.get(scope.require(customerId), new DeviceId(deviceId)), locale);
    }

    @DeleteMapping("/{deviceId}")
    ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable long deviceId) {
        inventory.remove(scope.require(customerId), new DeviceId(deviceId));
        return ResponseEntity.noContent().build();
    }

    private DeviceBody body(DeviceView d, Locale locale) {
        return new DeviceBody(d.id().value(), d.siteId().value(), d.siteName(), d.modelId().value(), d.modelDisplayName(),
                d.macAddress().display(), d.label(), d.status(), d.assignedUserId(), d.createdAt(),
                d.warnings().stream().map(w -> new WarningBody(w.code(), messages.getMessage(w.code(), w.args(), locale))).toList());
    }
}
