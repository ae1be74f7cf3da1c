package com.switchboard.device;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The device list as a spreadsheet file; its own path, since {@code devices.csv} is not under {@code devices/}. */
@RestController
@Tag(name = "Devices")
class DeviceCsvApiController {

    private final DeviceExport export;
    private final CustomerScope scope;

    DeviceCsvApiController(DeviceExport export, CustomerScope scope) {
        this.export = export;
        this.scope = scope;
    }

    @GetMapping(path = "/api/v1/customers/{customerId}/devices.csv", produces = "text/csv;charset=UTF-8")
    @Operation(summary = "The (filtered) device list as CSV, in the caller's language (UTF-8 with BOM; ; in French)")
    void export(@PathVariable long customerId,
                @RequestParam(required = false) Long siteId, @RequestParam(required = false) Long modelId,
                @RequestParam(required = false) String status, @RequestParam(required = false) Boolean assigned,
                @RequestParam(required = false) String q,
                @Parameter(description = DeviceApiController.SORT_DOC) @RequestParam(required = false) String sort,
                Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.require(customerId);
        DeviceQuery query = DeviceQueries.of(siteId, modelId, status, assigned, q, sort, 0, DeviceQuery.MAX_SIZE);
        send(export, customer, query, locale, response);
    }

    /** Shared with the page's download: headers first, then the rows as they come from the database. */
    static void send(DeviceExport export, CustomerId customer, DeviceQuery query, Locale locale,
                     HttpServletResponse response) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(DeviceExport.fileName(locale)).build().toString());
        export.write(customer, query, locale, response.getOutputStream());
        response.flushBuffer();
    }
}
