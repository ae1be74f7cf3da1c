package com.switchboard;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The pages as a signed-in admin's browser reaches them, without a browser: a cookie jar, the form
 * sign-in, and form posts carrying the CSRF token the layout puts in its meta tags.
 */
public final class PageSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private String csrf;

    private PageSession(int port) {
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
        this.base = "http://localhost:" + port;
    }

    public static PageSession signIn(int port, String email, String password) {
        PageSession session = new PageSession(port);
        session.get("/login");
        HttpResponse<String> signedIn = session.post("/login", Map.of("email", email, "password", password));
        if (!signedIn.uri().getPath().equals("/")) {
            throw new IllegalStateException("Sign-in failed for " + email + ": " + signedIn.uri());
        }
        return session;
    }

    public HttpResponse<String> get(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        remember(response.body());
        return response;
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&")) + "&_csrf=" + encode(csrf);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        remember(response.body());
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(String html) {
        Matcher meta = CSRF_META.matcher(html);
        Matcher input = CSRF_INPUT.matcher(html);
        if (meta.find()) {
            csrf = meta.group(1);
        } else if (input.find()) {
            csrf = input.group(1);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8);
    }
}
