package com.switchboard.device;

import java.util.Map;

import com.switchboard.site.SiteId;
import com.switchboard.site.SiteUsage;
import com.switchboard.tenancy.CustomerId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The devices on each site, for the site pages. */
@Component
class DeviceSiteUsage implements SiteUsage {

    private final DeviceRepository repository;

    DeviceSiteUsage(DeviceRepository repository) {
        this.repository = repository;
    }

    @Override
    public String kind() {
        return "devices";
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SiteId, Long> countsBySite(CustomerId customerId) {
        return repository.countsBySite(customerId);
    }
}
