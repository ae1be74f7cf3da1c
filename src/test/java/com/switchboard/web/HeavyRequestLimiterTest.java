package com.switchboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A few heavy requests at once per caller and per customer, the pool's headroom kept: beyond, 429 at once. */
class HeavyRequestLimiterTest {

    private final HeavyRequestLimiter limiter = new HeavyRequestLimiter(
            new Problems(new StaticMessageSource(), JsonMapper.builder().build()), new FixedLocaleResolver(Locale.ENGLISH), 3, 2, 4);
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> running = new ArrayList<>();

    @AfterEach
    void releaseAll() throws InterruptedException {
        release.countDown();
        for (Thread thread : running) {
            thread.join(5000);
        }
    }

    @Test
    void aCallerRunsTwoExportsAtOnceAndTheThirdIsToldToRetry() throws Exception {
        hold("token-a", 1);
        hold("token-a", 1);

        MockHttpServletResponse third = call("token-a", 1);

        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("2");
        assertThat(third.getContentType()).startsWith("application/problem+json");
        assertThat(third.getContentAsString()).contains("request.busy");
    }

    @Test
    void aCustomerRunsThreeAtOnceWhateverTheCallersAndTheOthersAreNotHeldBack() throws Exception {
        hold("token-a", 1);
        hold("token-b", 1);
        hold("token-c", 1);

        assertThat(call("token-d", 1).getStatus()).isEqualTo(429);
        hold("token-d", 2);
        assertThat(call("token-e", 3).getStatus()).as("the pool keeps its headroom").isEqualTo(429);
        assertThat(plainCall("token-e").getStatus()).as("a page or a list is never limited").isEqualTo(200);
    }

    private void hold(String token, long customer) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                limiter.doFilter(request(token, customer), new MockHttpServletResponse(), (req, res) -> {
                    entered.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        thread.start();
        running.add(thread);
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();
    }

    private MockHttpServletResponse call(String token, long customer) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request(token, customer), response, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        return response;
    }

    private MockHttpServletResponse plainCall(String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers/3/devices");
        request.addHeader("Authorization", "Bearer " + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        return response;
    }

    private static MockHttpServletRequest request(String token, long customer) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers/" + customer + "/devices.csv");
        request.addHeader("Authorization", "Bearer " + token);
        return request;
    }
}
