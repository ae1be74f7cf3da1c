package com.switchboard.registrar;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kamailio's JSON-RPC over HTTP (modules jsonrpcs + xhttp), on its own loopback port.
 * https://www.kamailio.org/docs/modules/5.6.x/modules/jsonrpcs.html
 */
@Component
class KamailioRpc {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicLong ids = new AtomicLong();
    private volatile URI endpoint;

    void use(String url) {
        endpoint = URI.create(url);
    }

    /** Whether Kamailio answers at all (core.version). */
    boolean answers() {
        try {
            return call("core.version", List.of(), Duration.ofSeconds(1)).has("result");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Sends a request out of dialog and waits for its final answer; returns the SIP status code.
     * {@code tm.t_uac_wait_block} takes method, Request-URI, next hop, send socket ("." for any),
     * the headers (From and To at least, CRLF-separated) and the body
     * (https://www.kamailio.org/docs/modules/5.6.x/modules/tm.html#tm.rpc.t_uac_wait_block).
     */
    int sendRequest(String method, String requestUri, String nextHop, String headers) throws IOException {
        JsonNode answer = call("tm.t_uac_wait_block", List.of(method, requestUri, nextHop, ".", headers, ""),
                Duration.ofSeconds(40));
        JsonNode result = answer.path("result");
        if (!result.has("code")) {
            throw new IOException("Kamailio answered without a SIP code: " + answer.path("error").path("message").asString(""));
        }
        return result.get("code").asInt();
    }

    /**
     * Sends a request out of dialog without waiting for its answer ({@code tm.t_uac_start}, same
     * parameters as above): for many phones at once.
     */
    void startRequest(String method, String requestUri, String nextHop, String headers) throws IOException {
        JsonNode answer = call("tm.t_uac_start", List.of(method, requestUri, nextHop, ".", headers, ""), Duration.ofSeconds(5));
        if (answer.has("error")) {
            throw new IOException("Kamailio refused the request: " + answer.path("error").path("message").asString(""));
        }
    }

    private JsonNode call(String method, List<Object> params, Duration timeout) throws IOException {
        URI uri = endpoint;
        if (uri == null) {
            throw new IOException("no registrar");
        }
        byte[] body = JSON.writeValueAsBytes(Map.of("jsonrpc", "2.0", "method", method, "params", params, "id", ids.incrementAndGet()));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException("Kamailio's JSON-RPC answered HTTP " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
