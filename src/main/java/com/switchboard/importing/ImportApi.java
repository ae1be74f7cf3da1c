package com.switchboard.importing;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.rules.Conflict;
import com.switchboard.rules.MalformedInput;
import com.switchboard.tenancy.CustomerId;
import com.switchboard.web.Problems;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** What the API controllers of every kind of import answer alike: an import's body, a refused file's problem. */
@Component
public class ImportApi {

    private final ImportMessages messages;
    private final Problems problems;

    ImportApi(ImportMessages messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    /** The API's largest page of an import's errors. */
    public static final int MAX_ERRORS_PAGE = 10_000;

    /** Takes an uploaded file for a kind of import: 202, with where to follow it. */
    public ResponseEntity<ImportBody> upload(ImportKind kind, CustomerId customer, MultipartFile file, Locale locale)
            throws IOException {
        return upload(kind, customer, file, Map.of(), locale);
    }

    /** The same, with the kind's options (the device import's "add and update"). */
    public ResponseEntity<ImportBody> upload(ImportKind kind, CustomerId customer, MultipartFile file,
                                             Map<String, String> options, Locale locale) throws IOException {
        kind.checkSize(file.getSize());
        ImportView view = kind.submit(customer, file.getOriginalFilename(), file.getBytes(), options);
        return ResponseEntity.accepted()
                .location(URI.create("/api/v1/customers/" + customer.value() + "/" + kind.api() + "/" + view.id()))
                .body(body(view, List.of(), locale));
    }

    /** An import with one page of its errors. */
    public ImportBody one(ImportKind kind, CustomerId customer, long importId, int errorsPage, int errorsSize, Locale locale) {
        if (errorsPage < 0) {
            throw MalformedInput.field("errorsPage", "request.parameter.invalid");
        }
        if (errorsSize < 1 || errorsSize > MAX_ERRORS_PAGE) {
            throw MalformedInput.field("errorsSize", "request.page-size", MAX_ERRORS_PAGE);
        }
        ImportView view = kind.get(customer, importId);
        return body(view, kind.errors(customer, importId, errorsPage, errorsSize), locale);
    }

    /** A finished import's results file; 409 while it runs. */
    public void results(ImportKind kind, CustomerId customer, long importId, Locale locale, HttpServletResponse response)
            throws IOException {
        if (!kind.get(customer, importId).finished()) {
            throw new Conflict("import.not-finished");
        }
        ImportCsv.attachment(response, kind.resultsFileName(importId));
        kind.writeResults(customer, importId, locale, response.getOutputStream());
    }

    public void template(ImportKind kind, Locale locale, HttpServletResponse response) throws IOException {
        ImportCsv.attachment(response, kind.templateFileName());
        kind.writeTemplate(locale, response.getOutputStream());
    }

    public ImportBody body(ImportView v, List<RowError> errors, Locale locale) {
        return new ImportBody(v.id(), v.fileName(), v.status().name(), v.totalRows(), v.processedRows(), v.addedCount(),
                v.unchangedCount(), v.updatedCount(), v.errorCount(),
                errors.stream().map(e -> new ImportBody.ErrorBody(e.row(), e.column(), e.value(), e.code(),
                        messages.message(e, locale))).toList(),
                v.createdAt(), v.finishedAt());
    }

    /** A file that cannot be an import: 413 over the size limit, 415 when it is not a CSV, else 400. */
    public ResponseEntity<ProblemDetail> rejected(FileProblem.Rejected e, Locale locale) {
        FileProblem first = e.problems().get(0);
        HttpStatus status = switch (first.code()) {
            case "import.file.too-large" -> HttpStatus.CONTENT_TOO_LARGE;
            case "import.file.not-csv", "import.file.workbook" -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case "import.storage.full" -> HttpStatus.UNPROCESSABLE_ENTITY;
            default -> HttpStatus.BAD_REQUEST;
        };
        List<Problems.FieldError> errors = e.problems().stream()
                .map(p -> new Problems.FieldError("file", p.code(), resolved(p, locale))).toList();
        return problems.response(status, first.code(), resolved(first, locale), errors, locale);
    }

    private Object[] resolved(FileProblem problem, Locale locale) {
        // Column names in the caller's language, rendered here since Problems knows nothing of them.
        Object[] args = problem.args().clone();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof String s && s.startsWith(ImportHeader.MESSAGE_ARG)) {
                args[i] = messages.text(s.substring(ImportHeader.MESSAGE_ARG.length()), locale);
            }
        }
        return args;
    }
}
