package com.switchboard;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** What every API error must look like to a client: an RFC 9457 problem with a stable code. */
public final class ProblemAssert {

    private ProblemAssert() {
    }

    /** The status, the problem+json type, and every member of the problem with the expected code. */
    public static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).endsWith("/problems/" + code);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("detail").asString()).isNotBlank().isNotEqualTo(code);
        assertThat(problem.get("code").asString()).isEqualTo(code);
        assertThat(problem.get("errors").isArray()).isTrue();
    }

    /** The problem's field errors as "field:code", each with a message that is not just its code. */
    public static List<String> errors(ApiClient.Response response) {
        List<String> errors = new ArrayList<>();
        response.json().get("errors").forEach(e -> {
            assertThat(e.get("message").asString()).isNotBlank().isNotEqualTo(e.get("code").asString());
            errors.add(e.get("field").asString() + ":" + e.get("code").asString());
        });
        return errors;
    }

    /** The path of a Location header, whether it is absolute or not. */
    public static String path(String location) {
        return location.replaceFirst("^https?://[^/]+", "");
    }
}
