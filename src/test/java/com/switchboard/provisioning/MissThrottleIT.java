package com.switchboard.provisioning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The miss throttle on the real database. Every test connects from 127.0.0.1, so the portal's own
 * limit is raised for tests; here throttles with a small limit (two of them: two servers sharing the
 * database) count documentation addresses.
 */
@SwitchboardTest
class MissThrottleIT {

    @Autowired
    ProvisioningRepository repository;

    static String address(String prefix) {
        return prefix + (int) (Math.random() * 200 + 1);
    }

    @Test
    void theLimitIsExactWhenOneAddressMissesConcurrently() throws Exception {
        MissThrottle throttle = new MissThrottle(repository, 30, Duration.ofMinutes(10));
        String address = address("192.0.2.");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Callable<Optional<Long>>> misses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            misses.add(() -> throttle.miss(address));
        }
        int within = 0;
        for (Future<Optional<Long>> answer : pool.invokeAll(misses)) {
            within += answer.get().isEmpty() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(within).isEqualTo(30);
        assertThat(throttle.retryAfter(address)).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(590L, 600L));
        throttle.flush();
        assertThat(repository.misses(List.of(address), Duration.ofMinutes(10)).get(address).count()).isEqualTo(200);
    }

    @Test
    void serversShareTheCountThroughTheDatabaseOnceASecond() {
        MissThrottle throttle = new MissThrottle(repository, 5, Duration.ofMinutes(10));
        MissThrottle secondServer = new MissThrottle(repository, 5, Duration.ofMinutes(10));
        String address = address("198.51.100.");

        for (int i = 0; i < 3; i++) {
            assertThat(throttle.miss(address)).isEmpty();
        }
        throttle.flush();
        for (int i = 0; i < 2; i++) {
            assertThat(secondServer.miss(address)).isEmpty();
        }
        assertThat(throttle.retryAfter(address)).as("not flushed yet").isEmpty();
        secondServer.flush();
        throttle.flush();

        assertThat(throttle.retryAfter("203.0.113.250")).isEmpty();
        assertThat(secondServer.retryAfter(address)).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(590L, 600L));
        assertThat(throttle.retryAfter(address)).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(590L, 600L));
    }

    @Test
    void aNewWindowStartsTheCountAgain() throws InterruptedException {
        MissThrottle throttle = new MissThrottle(repository, 2, Duration.ofSeconds(1));
        String address = address("203.0.113.");
        assertThat(throttle.miss(address)).isEmpty();
        assertThat(throttle.miss(address)).isEmpty();
        assertThat(throttle.miss(address)).isPresent();
        assertThat(throttle.retryAfter(address)).isPresent();
        throttle.flush();

        Thread.sleep(1100);

        assertThat(throttle.retryAfter(address)).isEmpty();
        assertThat(throttle.miss(address)).isEmpty();
        throttle.flush();
        assertThat(throttle.retryAfter(address)).isEmpty();
    }
}
