package com.switchboard.importing;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.switchboard.web.Problems;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses an upload whose announced length is far over the limit before its body is read, with the same
 * message as the import's own check: a problem detail for the API, the upload form with its error for the
 * page. Without it, a body over the multipart limit ends in a bare 413, or on the page in a CSRF refusal,
 * since the CSRF token inside that body is never read. It runs before the security filters for that reason.
 */
@Component
@Order(-200)
class ImportUploadLimit extends OncePerRequestFilter {

    private static final Pattern UPLOAD = Pattern.compile("/api/v1/customers/[^/]+/(device|user)-imports/?");
    /** The upload pages of the device and the user imports. */
    private static final Set<String> PAGES = Set.of("/devices/imports/new", "/users/imports/new");
    /** Room for the multipart envelope around the file itself. */
    private static final long ENVELOPE = 64 * 1024;

    private final ImportSettings settings;
    private final Problems problems;
    private final JsonMapper json;
    private final LocaleResolver locales;

    ImportUploadLimit(ImportSettings settings, Problems problems, JsonMapper json, LocaleResolver locales) {
        this.settings = settings;
        this.problems = problems;
        this.json = json;
        this.locales = locales;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !"POST".equals(request.getMethod()) || !(UPLOAD.matcher(path).matches() || PAGES.contains(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() <= settings.maxBytes().toBytes() + ENVELOPE) {
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (PAGES.contains(path)) {
            response.setHeader("Connection", "close");
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader("Location", request.getContextPath() + path + "?tooLarge");
            return;
        }
        Locale locale = locales.resolveLocale(request);
        Object[] args = {settings.maxBytes().toMegabytes()};
        response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // The client is told not to send the rest of a body nobody will read.
        response.setHeader("Connection", "close");
        json.writeValue(response.getOutputStream(), problems.problem(HttpStatus.CONTENT_TOO_LARGE, "import.file.too-large", args,
                List.of(new Problems.FieldError("file", "import.file.too-large", args)), locale));
    }
}
