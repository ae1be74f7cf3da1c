package com.switchboard.assignment.importing;

import java.io.IOException;
import java.util.Locale;

import com.switchboard.importing.FileProblem;
import com.switchboard.importing.ImportApi;
import com.switchboard.importing.ImportBody;
import com.switchboard.importing.ImportCsv;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.tenancy.CustomerScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
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
@RequestMapping("/api/v1/customers/{customerId}/user-imports")
@Tag(name = "User imports")
class UserImportApiController {

    private final UserImports imports;
    private final CustomerScope scope;
    private final ImportApi api;

    UserImportApiController(UserImports imports, CustomerScope scope, ImportApi api) {
        this.imports = imports;
        this.scope = scope;
        this.api = api;
    }

    @Operation(summary = "Upload a CSV file of users, with their numbers and phones (multipart field \"file\"); "
            + "the import runs in the background and sets up every row, or none")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportBody> upload(@PathVariable long customerId, @RequestPart("file") MultipartFile file, Locale locale)
            throws IOException {
        return api.upload(imports, scope.require(customerId), file, locale);
    }

    @Operation(summary = "A user import: its status, counts (addedCount = users created) and errors "
            + "(file-level ones first, then by row; paged by errorsPage and errorsSize)")
    @GetMapping("/{importId}")
    ImportBody one(@PathVariable long customerId, @PathVariable long importId,
                   @RequestParam(defaultValue = "0") int errorsPage, @RequestParam(defaultValue = "1000") int errorsSize,
                   Locale locale) {
        return api.one(imports, scope.require(customerId), importId, errorsPage, errorsSize, locale);
    }

    @Operation(summary = "The uploaded rows plus a result column, in the caller's language")
    @GetMapping(path = "/{importId}/results.csv", produces = "text/csv")
    void results(@PathVariable long customerId, @PathVariable long importId, Locale locale, HttpServletResponse response)
            throws IOException {
        api.results(imports, scope.require(customerId), importId, locale, response);
    }

    @Operation(summary = "The CSV template of a user import: the header row in the caller's language")
    @GetMapping(path = "/template.csv", produces = "text/csv")
    void template(@PathVariable long customerId, Locale locale, HttpServletResponse response) throws IOException {
        scope.require(customerId);
        api.template(imports, locale, response);
    }

    @Operation(summary = "The customer's free numbers and free phones, site by site, as a user import reads them")
    @GetMapping(path = "/free.csv", produces = "text/csv")
    void free(@PathVariable long customerId, Locale locale, HttpServletResponse response) throws IOException {
        CustomerId customer = scope.require(customerId);
        ImportCsv.attachment(response, "free-numbers-and-phones.csv");
        imports.writeFree(customer, locale, response.getOutputStream());
    }

    @ExceptionHandler(FileProblem.Rejected.class)
    ResponseEntity<ProblemDetail> rejected(FileProblem.Rejected e, Locale locale) {
        return api.rejected(e, locale);
    }
}
