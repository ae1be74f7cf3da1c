package com.switchboard.device.importing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportApi;
import com.switchboard.importing.ImportBody;
import com.switchboard.importing.ImportCsv;
import com.switchboard.importing.ImportView;
import com.switchboard.importing.RowError;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.MalformedInput;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import jakarta.servlet.http.HttpServletResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/customers/{customerId}")
@Tag(name = "Device imports")
class ImportApiController {

    private final DeviceImports imports;
    private final CustomerScope scope;
    private final ImportApi api;

    ImportApiController(DeviceImports imports, CustomerScope scope, ImportApi api) {
        this.imports = imports;
        this.scope = scope;
        this.api = api;
    }

    record PageBody(List<ImportBody> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "Upload a CSV file of devices (multipart field \"file\"); the import runs in the background")
    @PostMapping(path = "/device-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportBody> upload(@PathVariable long customerId, @RequestPart("file") MultipartFile file,
                                      @Parameter(description = "ADD (the default): a MAC already in the inventory is left as it is; "
                                              + "ADD_AND_UPDATE: its label and site change to the row's (counted as updated)")
                                      @RequestParam(defaultValue = "ADD") String mode,
                                      Locale locale) throws IOException {
        boolean update = switch (mode.strip().toUpperCase(Locale.ROOT)) {
            case "ADD" -> false;
            case "ADD_AND_UPDATE" -> true;
            default -> throw new MalformedInput("request.invalid",
                    List.of(new DomainException.FieldProblem("mode", "import.mode.unknown")));
        };
        return api.upload(imports, scope.require(customerId), file, Map.of(DeviceImports.UPDATE_EXISTING, String.valueOf(update)),
                locale);
    }

    @Operation(summary = "The customer's imports, newest first")
    @GetMapping("/device-imports")
    PageBody list(@PathVariable long customerId, @RequestParam(defaultValue = "0") int page,
                  @RequestParam(defaultValue = "50") int size, Locale locale) {
        CustomerId customer = scope.require(customerId);
        checkPaging(page, size, 500);
        DeviceImports.ImportPage result = imports.list(customer, page, size);
        return new PageBody(result.items().stream().map(v -> body(v, List.of(), locale)).toList(), page, size,
                result.totalItems());
    }

    @Operation(summary = "An import: its status, counts and errors (file-level ones first, then by row; paged by errorsPage and errorsSize)")
    @GetMapping("/device-imports/{importId}")
    ImportBody one(@PathVariable long customerId, @PathVariable long importId,
                   @RequestParam(defaultValue = "0") int errorsPage, @RequestParam(defaultValue = "1000") int errorsSize,
                   Locale locale) {
        return api.one(imports, scope.require(customerId), importId, errorsPage, errorsSize, locale);
    }

    @Operation(summary = "The uploaded rows plus a result column, in the caller's language")
    @GetMapping(path = "/device-imports/{importId}/results.csv", produces = "text/csv")
    void results(@PathVariable long customerId, @PathVariable long importId, Locale locale, HttpServletResponse response)
            throws IOException {
        api.results(imports, scope.require(customerId), importId, locale, response);
    }

    @Operation(summary = "The CSV template: the header row in the caller's language")
    @GetMapping(path = "/device-imports/template.csv", produces = "text/csv")
    void template(@PathVariable long customerId, Locale locale, HttpServletResponse response) throws IOException {
        scope.require(customerId);
        api.template(imports, locale, response);
    }

    @Operation(summary = "The models that may be added at each of the customer's sites")
    @GetMapping(path = "/supported-devices.csv", produces = "text/csv")
    void supportedDevices(@PathVariable long customerId, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.require(customerId);
        ImportCsv.attachment(response, "supported-devices.csv");
        imports.writeSupportedDevices(customer, locale, response.getOutputStream());
    }

    @Operation(summary = "The customer's sites")
    @GetMapping(path = "/sites.csv", produces = "text/csv")
    void sites(@PathVariable long customerId, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.require(customerId);
        ImportCsv.attachment(response, "sites.csv");
        imports.writeSites(customer, locale, response.getOutputStream());
    }

    /** A file that cannot be an import: 413 over the size limit, 415 when it is not a CSV, else 400. */
    @ExceptionHandler(FileProblem.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(FileProblem.Rejected e, Locale locale) {
        return api.rejected(e, locale);
    }

    private static void checkPaging(int page, int size, int max) {
        if (page < 0) {
            throw MalformedInput.field("page", "request.parameter.invalid");
        }
        if (size < 1 || size > max) {
            throw MalformedInput.field("size", "request.page-size", max);
        }
    }

    private ImportBody body(ImportView v, List<RowError> errors, Locale locale) {
        return api.body(v, errors, locale);
    }
}
