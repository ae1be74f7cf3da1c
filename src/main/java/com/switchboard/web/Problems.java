package com.switchboard.web;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.switchboard.rules.Conflict;
import com.switchboard.rules.DomainException;
import com.switchboard.rules.MalformedInput;
import com.switchboard.rules.NotFound;
import com.switchboard.rules.NotPermitted;
import com.switchboard.rules.Refused;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds RFC 9457 problem details with a stable {@code code}, a localized title and detail, and
 * per-field errors. Used by the API advice and by the security entry points.
 */
@Component
public class Problems {

    private final MessageSource messages;
    private final JsonMapper json;

    Problems(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** How the web answers each kind of broken rule: the one place where a domain failure gets an HTTP status. */
    public static HttpStatus status(DomainException e) {
        if (e instanceof NotFound) {
            return HttpStatus.NOT_FOUND;
        }
        if (e instanceof NotPermitted) {
            return HttpStatus.FORBIDDEN;
        }
        if (e instanceof Conflict) {
            return HttpStatus.CONFLICT;
        }
        if (e instanceof Refused) {
            return HttpStatus.UNPROCESSABLE_ENTITY;
        }
        if (e instanceof MalformedInput) {
            return HttpStatus.BAD_REQUEST;
        }
        throw new IllegalArgumentException(e.getClass().getName());
    }

    /** The problem detail of a broken rule, in the caller's language. */
    public ProblemDetail problem(DomainException e, Locale locale) {
        List<FieldError> errors = e.fieldProblems().stream()
                .map(f -> new FieldError(f.field(), f.code(), f.args())).toList();
        return problem(status(e), e.code(), e.args(), errors, locale);
    }

    /** An {@code application/problem+json} body: Spring's problem detail plus our stable code and field errors. */
    public ProblemDetail problem(HttpStatus status, String code, Object[] args, List<FieldError> errors, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setType(URI.create("/problems/" + code));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], locale));
        problem.setDetail(message(code, args, locale));
        problem.setProperty("code", code);
        problem.setProperty("errors", errors.stream()
                .map(e -> {
                    Map<String, Object> error = new LinkedHashMap<>();
                    error.put("field", e.field());
                    error.put("code", e.code());
                    error.put("message", message(e.code(), e.args(), locale));
                    return error;
                })
                .toList());
        return problem;
    }

    public ResponseEntity<ProblemDetail> response(HttpStatus status, String code, Object[] args,
                                                  List<FieldError> errors, Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, args, errors, locale));
    }

    /** For filters and resolvers that answer before any message converter runs. */
    public void write(HttpServletResponse response, HttpStatus status, String code, Locale locale) throws IOException {
        ProblemDetail problem = problem(status, code, new Object[0], List.of(), locale);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.putAll(problem.getProperties());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }

    public String message(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }

    /** A field error before localization. */
    public record FieldError(String field, String code, Object... args) {
    }
}
