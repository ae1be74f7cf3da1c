package com.switchboard.web;

import com.switchboard.rules.DomainException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of an API call into a problem detail with a stable code, so that nothing a
 * client sends produces a bare 500.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionAdvice {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionAdvice.class);

    private final Problems problems;

    ApiExceptionAdvice(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e, Locale locale) {
        ProblemDetail problem = problems.problem(e, locale);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ProblemDetail> invalid(MethodArgumentNotValidException e, Locale locale) {
        List<Problems.FieldError> errors = new ArrayList<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.add(new Problems.FieldError(
                f.getField(), validationCode(f.getCode()), new Object[0])));
        return problems.response(HttpStatus.BAD_REQUEST, "request.invalid", new Object[0], errors, locale);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameter(HandlerMethodValidationException e, Locale locale) {
        return problems.response(HttpStatus.BAD_REQUEST, "request.invalid", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e, Locale locale) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RequestLimitsFilter.BodyTooLarge) {
                return problems.response(HttpStatus.CONTENT_TOO_LARGE, "request.body-too-large", new Object[0], List.of(), locale);
            }
        }
        return problems.response(HttpStatus.BAD_REQUEST, "request.unreadable", new Object[0], wrongType(e), locale);
    }

    /** Well-formed JSON with a value of the wrong type names the field, so the client knows what to fix. */
    private static List<Problems.FieldError> wrongType(HttpMessageNotReadableException e) {
        if (!(e.getCause() instanceof DatabindException mapping) || mapping.getPath().isEmpty()) {
            return List.of();
        }
        StringBuilder field = new StringBuilder();
        for (JacksonException.Reference step : mapping.getPath()) {
            if (step.getPropertyName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else if (step.getIndex() >= 0) {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? List.of() : List.of(new Problems.FieldError(field.toString(), "request.field.type"));
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<ProblemDetail> badParameter(Exception e, Locale locale) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName()
                : e instanceof MissingServletRequestParameterException p ? p.getParameterName()
                : ((MissingServletRequestPartException) e).getRequestPartName();
        return problems.response(HttpStatus.BAD_REQUEST, "request.invalid", new Object[0],
                List.of(new Problems.FieldError(name, "request.parameter.invalid")), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> mediaType(Exception e, Locale locale) {
        return problems.response(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "request.media-type", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(Exception e, Locale locale) {
        return problems.response(HttpStatus.NOT_ACCEPTABLE, "request.not-acceptable", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(Exception e, Locale locale) {
        return problems.response(HttpStatus.METHOD_NOT_ALLOWED, "request.method", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ProblemDetail> noResource(Exception e, Locale locale) {
        return problems.response(HttpStatus.NOT_FOUND, "request.not-found", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<ProblemDetail> tooLarge(Exception e, Locale locale) {
        return problems.response(HttpStatus.CONTENT_TOO_LARGE, "request.too-large", new Object[0], List.of(), locale);
    }

    /** Spring Security's firewall refuses some parameter names and values the first time they are read. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(Exception e, Locale locale) {
        return problems.response(HttpStatus.BAD_REQUEST, "request.rejected", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(MultipartException.class)
    ResponseEntity<ProblemDetail> multipart(Exception e, Locale locale) {
        return problems.response(HttpStatus.BAD_REQUEST, "request.unreadable", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(Exception e, Locale locale) {
        return problems.response(HttpStatus.FORBIDDEN, "security.forbidden", new Object[0], List.of(), locale);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, Locale locale) {
        if (DatabaseUnavailable.causedBy(e)) {
            log.warn("Database unavailable during an API call: {}", e.getMessage());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "database.unavailable", new Object[0], List.of(), locale));
        }
        log.error("Unexpected failure of an API call", e);
        return problems.response(HttpStatus.INTERNAL_SERVER_ERROR, "internal", new Object[0], List.of(), locale);
    }

    /** Bean Validation constraint names become stable codes: NotBlank → validation.required. */
    static String validationCode(String constraint) {
        if (constraint == null) {
            return "validation.invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "validation.required";
            case "Size", "Length" -> "validation.size";
            case "Email" -> "validation.email";
            case "Pattern" -> "validation.pattern";
            case "Min", "Max", "Positive", "PositiveOrZero" -> "validation.range";
            default -> "validation.invalid";
        };
    }
}
