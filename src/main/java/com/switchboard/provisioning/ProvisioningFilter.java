package com.switchboard.provisioning;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /provisioning/{customerKey}/{file}}: what phones fetch, without sign-in. Answered here,
 * before the session, security and MVC machinery (no session, no CSRF, no content negotiation): a
 * boot storm costs a look-up in memory and a write of bytes kept ready. Any other shape under
 * /provisioning/ answers the same 404 as a miss; the uploads phones try (logs, settings changed on the
 * phone) are refused with 403 and an empty body, without logging. The Provisioning page itself
 * ({@code /provisioning}, signed in) goes on down the chain.
 */
class ProvisioningFilter extends HttpFilter {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningFilter.class);

    private final PhoneFiles files;
    private volatile long lastWarned;

    ProvisioningFilter(PhoneFiles files) {
        this.files = files;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String prefix = request.getContextPath() + "/provisioning/";
        String uri = request.getRequestURI();
        if (!uri.startsWith(prefix)) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        String method = request.getMethod();
        boolean head = "HEAD".equals(method);
        if (!head && !"GET".equals(method)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentLength(0);
            return;
        }
        String rest = uri.substring(prefix.length());
        int slash = rest.indexOf('/');
        String key = slash > 0 ? rest.substring(0, slash) : null;
        String file = slash > 0 && rest.indexOf('/', slash + 1) < 0 && slash + 1 < rest.length() ? rest.substring(slash + 1) : null;
        PhoneFiles.Answer answer;
        try {
            answer = files.fetch(file == null ? null : key, file, request.getRemoteAddr(), request.getHeader("User-Agent"));
        } catch (RuntimeException e) {
            // The database is away (a file not rendered yet needs it): the phone tries again later.
            long now = System.currentTimeMillis();
            if (now - lastWarned > 60_000) {
                lastWarned = now;
                log.warn("A phone's file could not be rendered (phones get 503 meanwhile; said once a minute): {}", e.toString());
            }
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "30");
            response.setContentLength(0);
            return;
        }
        write(answer, request.getHeader("If-None-Match"), head, response);
    }

    private static void write(PhoneFiles.Answer answer, String ifNoneMatch, boolean head, HttpServletResponse response)
            throws IOException {
        if (answer.retryAfterSeconds() > 0) {
            response.setHeader("Retry-After", Long.toString(answer.retryAfterSeconds()));
        }
        if (answer.etag() != null) {
            response.setHeader("ETag", answer.etag());
            if (answer.etag().equals(ifNoneMatch)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
        }
        response.setStatus(answer.status());
        response.setContentType(answer.contentType());
        response.setContentLength(answer.body().length);
        if (!head) {
            response.getOutputStream().write(answer.body());
        }
    }
}
