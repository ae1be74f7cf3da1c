package com.switchboard.catalog;

import com.switchboard.web.RequiredFields;
import java.net.URI;
import java.util.List;

import com.switchboard.site.Site;
import com.switchboard.site.SiteId;
import com.switchboard.site.Sites;
import com.switchboard.tenancy.CustomerScope;
import com.switchboard.tenancy.ProviderOnly;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Device models")
class CatalogueApiController {

    private final Catalogue catalogue;
    private final Sites sites;
    private final CustomerScope scope;

    CatalogueApiController(Catalogue catalogue, Sites sites, CustomerScope scope) {
        this.catalogue = catalogue;
        this.sites = sites;
        this.scope = scope;
    }

    record ModelBody(long id, String manufacturer, String model, String displayName, String kind, int lineKeys,
                     String provisioningFamily, List<String> countries, boolean active) {
        static ModelBody of(DeviceModel m) {
            return new ModelBody(m.id().value(), m.manufacturer(), m.model(), m.displayName(), m.kind().name(),
                    m.lineKeys(), m.provisioningFamily(), m.countries(), m.active());
        }
    }

    /** Add, or change: in a PATCH a missing (null) field stays as it is. The manufacturer is fixed once added. */
    record ModelRequest(String manufacturer, String model, String kind, Integer lineKeys, String provisioningFamily,
                        List<String> countries, Boolean active) {
    }

    @GetMapping("/api/v1/device-models")
    List<ModelBody> list() {
        scope.current();
        return catalogue.all().stream().map(ModelBody::of).toList();
    }

    @GetMapping("/api/v1/device-models/{modelId}")
    ModelBody one(@PathVariable long modelId) {
        return ModelBody.of(catalogue.get(new DeviceModelId(modelId)));
    }

    @ProviderOnly
    @PostMapping("/api/v1/device-models")
    ResponseEntity<ModelBody> add(@RequestBody ModelRequest body) {
        RequiredFields.check("manufacturer", body.manufacturer(), "model", body.model(), "kind", body.kind(),
                "lineKeys", body.lineKeys(), "provisioningFamily", body.provisioningFamily());
        DeviceModel model = catalogue.add(ModelDetails.of(body.manufacturer(), body.model(), body.kind(), body.lineKeys(),
                body.provisioningFamily(), body.countries(), body.active()));
        return ResponseEntity.created(URI.create("/api/v1/device-models/" + model.id())).body(ModelBody.of(model));
    }

    @ProviderOnly
    @PatchMapping("/api/v1/device-models/{modelId}")
    ModelBody change(@PathVariable long modelId, @RequestBody ModelRequest body) {
        DeviceModel now = catalogue.get(new DeviceModelId(modelId));
        ModelDetails details = ModelDetails.of(now.manufacturer(),
                body.model() == null ? now.model() : body.model(),
                body.kind() == null ? now.kind().name() : body.kind(),
                body.lineKeys() == null ? now.lineKeys() : body.lineKeys(),
                body.provisioningFamily() == null ? now.provisioningFamily() : body.provisioningFamily(),
                body.countries() == null ? now.countries() : body.countries(),
                body.active() == null ? now.active() : body.active());
        return ModelBody.of(catalogue.change(now.id(), details));
    }

    @GetMapping("/api/v1/customers/{customerId}/sites/{siteId}/device-models")
    List<ModelBody> availableAtSite(@PathVariable long customerId, @PathVariable long siteId) {
        Site site = sites.get(scope.require(customerId), new SiteId(siteId));
        return catalogue.availableIn(site.country()).stream().map(ModelBody::of).toList();
    }
}
