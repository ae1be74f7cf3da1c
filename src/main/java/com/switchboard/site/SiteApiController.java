package com.switchboard.site;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.time.Instant;
import java.util.List;

import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/sites")
@Tag(name = "Sites")
class SiteApiController {

    private final Sites sites;
    private final CustomerScope scope;

    SiteApiController(Sites sites, CustomerScope scope) {
        this.sites = sites;
        this.scope = scope;
    }

    record SiteBody(long id, long customerId, String name, String address, String country, String region,
                    String timeZone, String language, Instant createdAt) {
        static SiteBody of(Site s) {
            return new SiteBody(s.id().value(), s.customerId().value(), s.name(), s.address(), s.country(), s.region(),
                    s.timeZone(), s.language(), s.createdAt());
        }
    }

    /** Create, or change: in a PATCH a missing (null) field stays as it is, an empty one is cleared. */
    record SiteRequest(String name, String country, String region, String timeZone, String language, String address) {
    }

    @GetMapping
    List<SiteBody> list(@PathVariable long customerId) {
        return sites.of(scope.require(customerId)).stream().map(SiteBody::of).toList();
    }

    @PostMapping
    ResponseEntity<SiteBody> create(@PathVariable long customerId, @RequestBody SiteRequest body) {
        CustomerId customer = scope.require(customerId);
        RequiredFields.check("name", body.name(), "country", body.country(), "timeZone", body.timeZone());
        Site site = sites.add(customer, SiteDetails.of(body.name(), body.address(), body.country(), body.region(),
                body.timeZone(), body.language()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/sites/" + site.id()))
                .body(SiteBody.of(site));
    }

    @GetMapping("/{siteId}")
    SiteBody one(@PathVariable long customerId, @PathVariable long siteId) {
        return SiteBody.of(sites.get(scope.require(customerId), new SiteId(siteId)));
    }

    @PatchMapping("/{siteId}")
    SiteBody change(@PathVariable long customerId, @PathVariable long siteId, @RequestBody SiteRequest body) {
        CustomerId customer = scope.require(customerId);
        Site now = sites.get(customer, new SiteId(siteId));
        SiteDetails details = SiteDetails.of(or(body.name(), now.name()), or(body.address(), now.address()),
                or(body.country(), now.country()), or(body.region(), now.region()), or(body.timeZone(), now.timeZone()),
                or(body.language(), now.language()));
        return SiteBody.of(sites.change(customer, now.id(), details));
    }

    @DeleteMapping("/{siteId}")
    ResponseEntity<Void> delete(@PathVariable long customerId, @PathVariable long siteId) {
        sites.remove(scope.require(customerId), new SiteId(siteId));
        return ResponseEntity.noContent().build();
    }

    private static String or(String sent, String current) {
        return sent == null ? current : sent;
    }
}
