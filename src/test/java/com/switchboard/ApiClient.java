package com.switchboard;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running application over real HTTP, as an API client would: JSON in and out,
 * bearer tokens, Accept-Language.
 */
public final class ApiClient {

    public static final String PROVIDER_EMAIL = "provider@switchboard.test";
    public static final String PROVIDER_PASSWORD = "provider-password-1";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Map<Integer, ApiClient> PROVIDERS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String token;
    private final String language;

    private ApiClient(String base, String token, String language) {
        this.base = base;
        this.token = token;
        this.language = language;
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient("http://localhost:" + port, null, "en");
    }

    /** Signs in with HTTP Basic, mints a token and returns a client that uses it. */
    public static ApiClient signIn(int port, String email, String password) {
        Response minted = anonymous(port).send("POST", "/api/v1/tokens", Map.of("name", "test " + UUID.randomUUID()),
                Map.of("Authorization", basic(email, password)));
        if (minted.status() != 201) {
            throw new IllegalStateException("Could not mint a token for " + email + ": " + minted.status() + " " + minted.text());
        }
        return new ApiClient("http://localhost:" + port, minted.json().get("token").asString(), "en");
    }

    /** A client holding a token it was given, as a script would. */
    public static ApiClient withToken(int port, String token) {
        return new ApiClient("http://localhost:" + port, token, "en");
    }

    /** The provider admin; one token per server, since every sign-in costs a password hash. */
    public static ApiClient provider(int port) {
        return PROVIDERS.computeIfAbsent(port, p -> signIn(p, PROVIDER_EMAIL, PROVIDER_PASSWORD));
    }

    public static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public ApiClient inLanguage(String language) {
        return new ApiClient(base, token, language);
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends a raw body (malformed JSON, another content type). */
    public Response sendRaw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = request(path, Map.of()).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        return execute(request);
    }

    /** Uploads one file as multipart/form-data, the way a browser or curl -F sends it. */
    public Response upload(String path, String field, String fileName, String contentType, byte[] content) {
        String boundary = "----switchboard" + UUID.randomUUID().toString().replace("-", "");
        byte[] head = ("--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(content, 0, body, head.length, content.length);
        System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
        return sendRaw("POST", path, "multipart/form-data; boundary=" + boundary, body);
    }

    public Response send(String method, String path, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = request(path, headers);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body)));
        }
        return execute(request);
    }

    private HttpRequest.Builder request(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Accept-Language", language);
        if (token != null && !headers.containsKey("Authorization")) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        return request;
    }

    private static Response execute(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An HTTP answer: status, headers, body as text or JSON. */
    public record Response(int status, Map<String, java.util.List<String>> headers, byte[] body) {

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }

        /** The problem's stable code, or null. */
        public String code() {
            JsonNode code = json().get("code");
            return code == null ? null : code.asString();
        }

        @Override
        public String toString() {
            return status + " " + text();
        }
    }
}
