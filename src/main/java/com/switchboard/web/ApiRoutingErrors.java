package com.switchboard.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An API call that reaches no controller (an unknown path, a method the path does not have) fails
 * before {@link ApiExceptionAdvice} can see it; it must still answer with a problem detail.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiRoutingErrors implements HandlerExceptionResolver {

    private final Problems problems;
    private final LocaleResolver locales;

    ApiRoutingErrors(Problems problems, LocaleResolver locales) {
        this.problems = problems;
        this.locales = locales;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (handler instanceof HandlerMethod || !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        HttpStatus status;
        String code;
        if (e instanceof HttpRequestMethodNotSupportedException method) {
            status = HttpStatus.METHOD_NOT_ALLOWED;
            code = "request.method";
            if (method.getSupportedHttpMethods() != null) {
                response.setHeader("Allow", String.join(", ", method.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            }
        } else if (e instanceof NoResourceFoundException || e instanceof NoHandlerFoundException) {
            status = HttpStatus.NOT_FOUND;
            code = "request.not-found";
        } else if (e instanceof HttpMediaTypeNotSupportedException) {
            status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            code = "request.media-type";
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            status = HttpStatus.NOT_ACCEPTABLE;
            code = "request.not-acceptable";
        } else if (e instanceof MaxUploadSizeExceededException) {
            // A multipart body is parsed before any controller: over a limit (size, a part's headers), it fails here.
            status = HttpStatus.CONTENT_TOO_LARGE;
            code = "request.too-large";
        } else if (e instanceof MultipartException) {
            status = HttpStatus.BAD_REQUEST;
            code = "request.unreadable";
        } else {
            return null;
        }
        try {
            problems.write(response, status, code, locales.resolveLocale(request));
        } catch (IOException io) {
            throw new UncheckedIOException(io);
        }
        return new ModelAndView();
    }
}
