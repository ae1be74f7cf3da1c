package com.switchboard.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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

    /** The body of an {@code application/problem+json} answer, in the order a reader expects. */
    public Map<String, Object> problem(HttpStatus status, String code, Object[] args, List<FieldError> errors, Locale locale) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + code);
        problem.put("title", message("problem.title." + status.value(), new Object[0], locale));
        problem.put("status", status.value());
        problem.put("detail", message(code, args, locale));
        problem.put("code", code);
        problem.put("errors", errors.stream()
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

    public ResponseEntity<Map<String, Object>> response(HttpStatus status, String code, Object[] args,
                                                        List<FieldError> errors, Locale locale) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, code, args, errors, locale));
    }

    public void write(HttpServletResponse response, HttpStatus status, String code, Locale locale) throws IOException {
        Map<String, Object> problem = problem(status, code, new Object[0], List.of(), locale);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    public String message(String code, Object[] args, Locale locale) {
        return messages.getMessage(code, args, code, locale);
    }

    /** A field error before localization. */
    public record FieldError(String field, String code, Object... args) {
    }
}
