package com.switchboard.device;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.switchboard.catalog.DeviceModelId;
import com.switchboard.rules.MalformedInput;
import com.switchboard.site.SiteId;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/devices")
@Tag(name = "Devices")
class DeviceApiController {

    private final DeviceInventory inventory;
    private final CustomerScope scope;
    private final MessageSource messages;
    private final DeviceExtensions extensions;

    DeviceApiController(DeviceInventory inventory, CustomerScope scope, MessageSource messages, DeviceExtensions extensions) {
        this.inventory = inventory;
        this.scope = scope;
        this.messages = messages;
        this.extensions = extensions;
    }

    record WarningBody(String code, String message) {
    }

    record DeviceBody(long id, long siteId, String siteName, long modelId, String modelDisplayName, String macAddress,
                      String label, DeviceStatus status, Long assignedUserId, String assignedUserName, Instant createdAt,
                      List<WarningBody> warnings,
                      @Schema(hidden = true) @JsonAnyGetter Map<String, Object> extensions) {
    }

    record AddRequest(Long siteId, Long modelId, String macAddress, String label) {
    }

    record PageBody(List<DeviceBody> items, int page, int size, long totalItems,
                    @Schema(description = "True when there are more than totalItems matches: counting stops at 10,000")
                    boolean totalCapped) {
    }

    @Schema(description = "Only the fields sent change. label: null or blank clears it. siteId: moves the device "
            + "(only to a site where its model is sold, and only while it is not assigned).")
    record ChangeRequest(String label, Long siteId) {
    }

    @PostMapping
    ResponseEntity<DeviceBody> add(@PathVariable long customerId, @RequestBody AddRequest body, Locale locale) {
        CustomerId customer = scope.require(customerId);
        RequiredFields.check("siteId", body.siteId(), "modelId", body.modelId(), "macAddress", body.macAddress());
        DeviceView device = inventory.add(new AddDevice(customer, SiteId.of(body.siteId()), DeviceModelId.of(body.modelId()),
                body.macAddress(), body.label()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/devices/" + device.id()))
                .body(body(device, locale));
    }

    @GetMapping
    @Operation(summary = "The customer's devices, filtered, sorted and paged")
    PageBody list(@PathVariable long customerId,
                  @RequestParam(required = false) Long siteId, @RequestParam(required = false) Long modelId,
                  @Parameter(description = "UNASSIGNED or ASSIGNED") @RequestParam(required = false) String status,
                  @RequestParam(required = false) Boolean assigned,
                  @Parameter(description = "A MAC address in any accepted form or part of one (BB:CC, bbcc), or part of a label")
                  @RequestParam(required = false) String q,
                  @Parameter(description = SORT_DOC) @RequestParam(required = false) String sort,
                  @RequestParam(defaultValue = "0") int page,
                  @Parameter(description = "1 to 500") @RequestParam(defaultValue = "50") int size,
                  @Parameter(description = "Filters of other modules, such as registered=true|false")
                  @RequestParam Map<String, String> parameters,
                  Locale locale) {
        CustomerId customer = scope.require(customerId);
        DeviceQuery query = DeviceQueries.of(siteId, modelId, status, assigned, q, sort, page, size)
                .withExtensionFilters(extensions.filtersIn(parameters));
        DeviceInventory.DevicePage result = inventory.search(customer, query);
        Map<DeviceId, Map<String, Object>> extra = extensions.valuesFor(customer, result.items());
        return new PageBody(result.items().stream().map(d -> body(d, extra.get(d.id()), locale)).toList(), result.page(),
                result.size(), result.totalItems(), result.totalCapped());
    }

    static final String SORT_DOC = "A column: createdAt, mac, label, site, model or status; ascending as is, descending "
            + "with a minus sign (-label) or a direction (label,desc). Default: -createdAt (newest first).";

    @GetMapping("/{deviceId}")
    DeviceBody one(@PathVariable long customerId, @PathVariable long deviceId, Locale locale) {
        return body(inventory.get(scope.require(customerId), new DeviceId(deviceId)), locale);
    }

    @PatchMapping("/{deviceId}")
    @Operation(summary = "Change the label and/or move the device to another site")
    DeviceBody change(@PathVariable long customerId, @PathVariable long deviceId,
                      @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                              schema = @Schema(implementation = ChangeRequest.class))) @RequestBody JsonNode body,
                      Locale locale) {
        CustomerId customer = scope.require(customerId);
        if (body == null || !body.isObject()) {
            throw new MalformedInput("request.unreadable");
        }
        JsonNode label = body.get("label");
        if (label != null && !label.isNull() && !label.isString()) {
            throw MalformedInput.field("label", "request.parameter.invalid");
        }
        JsonNode site = body.get("siteId");
        if (site != null && !site.isNull() && !site.isIntegralNumber()) {
            throw MalformedInput.field("siteId", "request.parameter.invalid");
        }
        ChangeDevice command = new ChangeDevice(label != null, label == null || label.isNull() ? null : label.asString(),
                site == null || site.isNull() ? null : new SiteId(site.asLong()));
        return body(inventory.change(customer, new DeviceId(deviceId), command), locale);
    }

    @DeleteMapping("/{deviceId}")
    ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable long deviceId) {
        inventory.remove(scope.require(customerId), new DeviceId(deviceId));
        return ResponseEntity.noContent().build();
    }

    private DeviceBody body(DeviceView d, Locale locale) {
        return body(d, extensions.valuesFor(d.customerId(), List.of(d)).get(d.id()), locale);
    }

    private DeviceBody body(DeviceView d, Map<String, Object> extra, Locale locale) {
        return new DeviceBody(d.id().value(), d.siteId().value(), d.siteName(), d.modelId().value(), d.modelDisplayName(),
                d.macAddress().display(), d.label(), d.status(), d.assignedUserId(), d.assignedUserName(), d.createdAt(),
                d.warnings().stream().map(w -> new WarningBody(w.code(), messages.getMessage(w.code(), w.args(), locale))).toList(),
                extra);
    }
}
