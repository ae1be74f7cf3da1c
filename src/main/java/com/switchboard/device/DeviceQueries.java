package com.switchboard.device;


import com.switchboard.rules.MalformedInput;


/** Reads the list parameters that pages and the API share, refusing values that make no sense. */
final class DeviceQueries {

    private DeviceQueries() {
    }

    static DeviceQuery of(Long siteId, Long modelId, String status, Boolean assigned, String q, String sort, int page, int size) {
        if (page < 0) {
            throw MalformedInput.field("page", "request.parameter.invalid");
        }
        if (size < 1 || size > DeviceQuery.MAX_SIZE) {
            throw MalformedInput.field("size", "request.page-size", DeviceQuery.MAX_SIZE);
        }
        DeviceStatus normalisedStatus = status == null || status.isBlank() ? null : DeviceStatus.parse(status)
                .orElseThrow(() -> MalformedInput.field("status", "request.parameter.invalid"));
        DeviceQuery.Sort order = DeviceQuery.Sort.parse(sort)
                .orElseThrow(() -> MalformedInput.field("sort", "request.parameter.invalid"));
        String search = q == null || q.isBlank() ? null : q.strip();
        if (search != null && search.length() > 100) {
            throw MalformedInput.field("q", "request.parameter.invalid");
        }
        return new DeviceQuery(siteId, modelId, normalisedStatus, assigned, search, order, page, size);
    }
}
