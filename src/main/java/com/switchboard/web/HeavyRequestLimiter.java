package com.switchboard.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Heavy requests (CSV downloads and uploads) hold a database connection for long: each customer and
 * each caller (API token, or page session) may run only a few at once, and all of them together
 * leave part of the connection pool to sign-ins and page loads. Past a limit the answer is 429 with
 * {@code Retry-After}, at once, rather than a queue that starves everyone else.
 * The limits per caller and per customer hold across portal instances ({@link HeavyRequestLeases},
 * in PostgreSQL); this instance's own counts are checked first, so that a flood is refused without
 * any database work. The overall bound protects this instance's connection pool, and is its own.
 */
class HeavyRequestLimiter extends OncePerRequestFilter {

    private static final Pattern CUSTOMER = Pattern.compile("/api/v1/customers/(\\d+)/");
    private static final int RETRY_AFTER_SECONDS = 2;

    private final Problems problems;
    private final LocaleResolver locales;
    private final int perCustomer;
    private final int perCaller;
    private final Semaphore overall;
    private final ConcurrentMap<String, Semaphore> running = new ConcurrentHashMap<>();
    private final HeavyRequestLeases leases;

    HeavyRequestLimiter(Problems problems, LocaleResolver locales, HeavyRequestLeases leases, int perCustomer, int perCaller,
                        int overall) {
        this.problems = problems;
        this.leases = leases;
        this.locales = locales;
        this.perCustomer = perCustomer;
        this.perCaller = perCaller;
        this.overall = new Semaphore(Math.max(1, overall));
    }

    static boolean isHeavy(HttpServletRequest request) {
        String path = request.getRequestURI();
        String contentType = request.getContentType();
        return path.endsWith(".csv")
                || contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!isHeavy(request)) {
            chain.doFilter(request, response);
            return;
        }
        String caller = caller(request);
        String customer = customer(request);
        Semaphore byCaller = running.computeIfAbsent(caller, k -> new Semaphore(perCaller));
        Semaphore byCustomer = customer == null ? null : running.computeIfAbsent(customer, k -> new Semaphore(perCustomer));
        if (!byCaller.tryAcquire()) {
            refuse(request, response);
            return;
        }
        try {
            if (byCustomer != null && !byCustomer.tryAcquire()) {
                refuse(request, response);
                return;
            }
            try {
                if (!overall.tryAcquire()) {
                    refuse(request, response);
                    return;
                }
                try {
                    Optional<Long> lease = leases.take(caller, customer, perCaller, perCustomer);
                    if (lease.isEmpty()) {
                        refuse(request, response);
                        return;
                    }
                    try {
                        chain.doFilter(request, response);
                    } finally {
                        leases.release(lease.get());
                    }
                } finally {
                    overall.release();
                }
            } finally {
                if (byCustomer != null) {
                    byCustomer.release();
                }
            }
        } finally {
            byCaller.release();
        }
    }

    /** The API token (by its digest, never itself), else the page session, else the address. */
    private static String caller(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return "caller:" + digest(authorization);
        }
        String cookies = request.getHeader("Cookie");
        if (cookies != null) {
            Matcher session = Pattern.compile("(?:^|;\\s*)SESSION=([^;]+)").matcher(cookies);
            if (session.find()) {
                return "caller:" + digest(session.group(1));
            }
        }
        return "caller:" + request.getRemoteAddr();
    }

    private static String customer(HttpServletRequest request) {
        Matcher matcher = CUSTOMER.matcher(request.getRequestURI());
        return matcher.find() ? "customer:" + matcher.group(1) : null;
    }

    private static String digest(String secret) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "request.busy", locales.resolveLocale(request));
        } else {
            response.sendError(HttpStatus.TOO_MANY_REQUESTS.value());
        }
    }
}
