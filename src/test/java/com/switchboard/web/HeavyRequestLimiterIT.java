package com.switchboard.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A few heavy requests at once per caller and per customer, counted in PostgreSQL so that two
 * portal instances share the bound, and each instance's pool keeps its headroom: beyond, 429 at once.
 */
@SwitchboardTest
class HeavyRequestLimiterIT {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private final CountDownLatch release = new CountDownLatch(1);
    private final List<Thread> running = new ArrayList<>();
    /** Customers and tokens of this test only: the leases table is shared by the whole test run. */
    private final long customer = ThreadLocalRandom.current().nextLong(1_000_000, 2_000_000_000);
    private final String run = UUID.randomUUID().toString();

    @AfterEach
    void releaseAll() throws InterruptedException {
        release.countDown();
        for (Thread thread : running) {
            thread.join(5000);
        }
    }

    private HeavyRequestLimiter instance() {
        return new HeavyRequestLimiter(new Problems(new StaticMessageSource(), JsonMapper.builder().build()),
                new FixedLocaleResolver(Locale.ENGLISH), new HeavyRequestLeases(jdbc, new TransactionTemplate(transactions)),
                3, 2, 4);
    }

    @Test
    void aCallerRunsTwoExportsAtOnceAndTheThirdIsToldToRetry() throws Exception {
        HeavyRequestLimiter limiter = instance();
        hold(limiter, "token-a", customer);
        hold(limiter, "token-a", customer);

        MockHttpServletResponse third = call(limiter, "token-a", customer);

        assertThat(third.getStatus()).isEqualTo(429);
        assertThat(third.getHeader("Retry-After")).isEqualTo("2");
        assertThat(third.getContentType()).startsWith("application/problem+json");
        assertThat(third.getContentAsString()).contains("request.busy");
    }

    @Test
    void aCustomerRunsThreeAtOnceWhateverTheCallersAndTheOthersAreNotHeldBack() throws Exception {
        HeavyRequestLimiter limiter = instance();
        hold(limiter, "token-a", customer);
        hold(limiter, "token-b", customer);
        hold(limiter, "token-c", customer);

        assertThat(call(limiter, "token-d", customer).getStatus()).isEqualTo(429);
        hold(limiter, "token-d", customer + 1);
        assertThat(call(limiter, "token-e", customer + 2).getStatus()).as("the pool keeps its headroom").isEqualTo(429);
        assertThat(plainCall(limiter, "token-e").getStatus()).as("a page or a list is never limited").isEqualTo(200);
    }

    @Test
    void twoInstancesShareTheLimitsPerCallerAndPerCustomerButEachKeepsItsOwnPool() throws Exception {
        HeavyRequestLimiter first = instance();
        HeavyRequestLimiter second = instance();
        hold(first, "token-a", customer);
        hold(second, "token-a", customer);
        assertThat(call(first, "token-a", customer).getStatus()).as("the caller's third, on either instance").isEqualTo(429);
        assertThat(call(second, "token-a", customer).getStatus()).isEqualTo(429);

        hold(second, "token-b", customer);
        assertThat(call(first, "token-c", customer).getStatus()).as("the customer's fourth").isEqualTo(429);

        // The first instance runs four heavy requests, its pool's bound: the second still has room.
        hold(first, "token-x", customer + 1);
        hold(first, "token-y", customer + 2);
        hold(first, "token-w", customer + 4);
        assertThat(call(first, "token-z", customer + 3).getStatus()).as("the first instance's pool is full").isEqualTo(429);
        assertThat(call(second, "token-z", customer + 3).getStatus()).as("not the second's").isEqualTo(200);
    }

    @Test
    void aLeaseIsGivenBackWhenItsRequestEndsEvenByAnError() throws Exception {
        HeavyRequestLimiter limiter = instance();
        for (int i = 0; i < 5; i++) {
            assertThat(call(limiter, "token-a", customer).getStatus()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            try {
                limiter.doFilter(request("token-a", customer), new MockHttpServletResponse(), (req, res) -> {
                    throw new IllegalStateException("the export failed");
                });
            } catch (IllegalStateException expected) {
                // what the request answers is not the point here
            }
        }
        hold(limiter, "token-a", customer);
        hold(limiter, "token-a", customer);
        assertThat(jdbc.queryForObject("select count(*) from heavy_request_lease where customer_key = ?", Long.class,
                "customer:" + customer)).isEqualTo(2);
    }

    private void hold(HeavyRequestLimiter limiter, String token, long customerId) throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        Thread thread = new Thread(() -> {
            try {
                limiter.doFilter(request(token, customerId), new MockHttpServletResponse(), (req, res) -> {
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
        assertThat(entered.await(5, TimeUnit.SECONDS)).as("held " + token).isTrue();
    }

    private MockHttpServletResponse call(HeavyRequestLimiter limiter, String token, long customerId) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request(token, customerId), response, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        return response;
    }

    private MockHttpServletResponse plainCall(HeavyRequestLimiter limiter, String token) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers/" + customer + "/devices");
        request.addHeader("Authorization", "Bearer " + run + token);
        MockHttpServletResponse response = new MockHttpServletResponse();
        limiter.doFilter(request, response, (req, res) -> ((MockHttpServletResponse) res).setStatus(200));
        return response;
    }

    private MockHttpServletRequest request(String token, long customerId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/customers/" + customerId + "/devices.csv");
        request.addHeader("Authorization", "Bearer " + run + token);
        return request;
    }
}
