package com.switchboard.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit")
class AuditApiController {

    private final AuditEvents events;
    private final CustomerScope scope;

    AuditApiController(AuditEvents events, CustomerScope scope) {
        this.events = events;
        this.scope = scope;
    }

    /**
     * {@code action} is the stable code; {@code actionLabel} and {@code summary} are in the caller's language;
     * {@code actorEmail} is null when the server itself acted, and {@code actorLabel} names the actor for a reader.
     */
    record EventBody(long id, String actorEmail, String actorLabel, String action, String actionLabel, String objectType, String objectId,
                     String summary, String remoteAddr, Instant createdAt) {
    }

    record PageBody(List<EventBody> items, int page, int size, long totalItems) {
    }

    @GetMapping("/api/v1/customers/{customerId}/audit-events")
    @Operation(summary = "The customer's audit log, newest first")
    PageBody list(@PathVariable long customerId,
                  @Parameter(description = "device, site, admin, token…") @RequestParam(required = false) String objectType,
                  @Parameter(description = "Part of the acting admin's email") @RequestParam(required = false) String actor,
                  @Parameter(description = "First day (yyyy-MM-dd), included")
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @Parameter(description = "Last day (yyyy-MM-dd), included")
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(defaultValue = "0") int page,
                  @Parameter(description = "1 to 500") @RequestParam(defaultValue = "50") int size) {
        CustomerId customer = scope.require(customerId);
        AuditEvents.AuditPage result = events.search(customer, new AuditQuery(blankToNull(objectType), blankToNull(actor),
                from, to, page, size));
        return new PageBody(result.items().stream().map(e -> new EventBody(e.id(), e.actorEmail(), e.actorLabel(), e.action(),
                e.actionLabel(), e.objectType(), e.objectId(), e.summary(), e.remoteAddr(), e.createdAt())).toList(),
                result.page(), result.size(), result.totalItems());
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
