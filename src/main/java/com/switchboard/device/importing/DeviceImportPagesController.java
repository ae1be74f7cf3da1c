package com.switchboard.device.importing;

import java.io.IOException;
import java.util.Locale;

import com.switchboard.importing.ImportCsv;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The device import's own pages: its history and its helper files. The upload, the instructions and the page of an
 * import are the importing module's, the same for every kind.
 */
@Controller
class DeviceImportPagesController {

    static final int IMPORTS_PER_PAGE = 50;

    private final DeviceImports imports;
    private final CustomerScope scope;

    DeviceImportPagesController(DeviceImports imports, CustomerScope scope) {
        this.imports = imports;
        this.scope = scope;
    }

    @GetMapping("/devices/imports")
    String list(@RequestParam(defaultValue = "0") int page, HttpSession session, Model model) {
        CustomerId customer = scope.requireActing(session);
        model.addAttribute("result", imports.list(customer, Math.max(0, page), IMPORTS_PER_PAGE));
        return "importing/list";
    }

    @GetMapping("/devices/imports/supported-devices.csv")
    void supportedDevices(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        ImportCsv.attachment(response, "supported-devices.csv");
        imports.writeSupportedDevices(customer, locale, response.getOutputStream());
    }

    @GetMapping("/devices/imports/sites.csv")
    void sites(HttpSession session, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.requireActing(session);
        ImportCsv.attachment(response, "sites.csv");
        imports.writeSites(customer, locale, response.getOutputStream());
    }
}
