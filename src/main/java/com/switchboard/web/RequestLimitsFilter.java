package com.switchboard.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Refuses hostile input before any controller sees it, without echoing it back: an over-long query
 * string, a parameter with a control character (NUL…), a JSON body over the limit (413 as soon as
 * its length is known, or as soon as more bytes than allowed have been read).
 */
class RequestLimitsFilter extends OncePerRequestFilter {

    private final Problems problems;
    private final LocaleResolver locales;
    private final int maxQueryLength;
    private final long maxJsonBytes;

    RequestLimitsFilter(Problems problems, LocaleResolver locales, int maxQueryLength, long maxJsonBytes) {
        this.problems = problems;
        this.locales = locales;
        this.maxQueryLength = maxQueryLength;
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && query.length() > maxQueryLength) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "request.too-long");
            return;
        }
        if (query != null && decoded(query) == null) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "request.query-invalid");
            return;
        }
        boolean clean;
        try {
            clean = cleanParameters(request);
        } catch (IllegalStateException | IllegalArgumentException unparsable) {
            // Tomcat refuses parameters it cannot parse (an empty name, a broken escape) when they are first read.
            refuse(request, response, HttpStatus.BAD_REQUEST, "request.query-invalid");
            return;
        }
        if (!clean) {
            refuse(request, response, HttpStatus.BAD_REQUEST, "request.control-character");
            return;
        }
        if (isJson(request)) {
            if (request.getContentLengthLong() > maxJsonBytes) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "request.body-too-large");
                return;
            }
            request = new LimitedBody(request, maxJsonBytes);
        }
        chain.doFilter(request, response);
    }

    /**
     * Parameters of the query string and of a urlencoded form; a multipart body is left to the
     * upload's own limits so that an oversize file is refused before it is read.
     */
    private static boolean cleanParameters(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            return CleanText.isClean(decoded(request.getQueryString()));
        }
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            if (!CleanText.isClean(parameter.getKey())) {
                return false;
            }
            for (String value : parameter.getValue()) {
                if (!CleanText.isClean(value)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String decoded(String query) {
        if (query == null) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(query, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean isJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.startsWith("application/json") || type.matches("^application/[^;]*\\+json.*");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(response, status, code, locales.resolveLocale(request));
        } else {
            response.sendError(status.value());
        }
    }

    /** A JSON body read no further than the limit: past it, reading fails with {@link BodyTooLarge}. */
    private static final class LimitedBody extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        LimitedBody(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge();
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    /** A request body longer than the limit: answered 413. */
    static final class BodyTooLarge extends IOException {
        BodyTooLarge() {
            super("request body over the limit");
        }
    }
}
