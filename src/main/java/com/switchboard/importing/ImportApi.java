package com.switchboard.importing;

import java.util.List;
import java.util.Locale;

import com.switchboard.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** What the API controllers of every kind of import answer alike: an import's body, a refused file's problem. */
@Component
public class ImportApi {

    private final ImportMessages messages;
    private final Problems problems;

    ImportApi(ImportMessages messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
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
