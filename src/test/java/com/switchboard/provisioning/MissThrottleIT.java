package com.switchboard.provisioning;

import java.time.Duration;

import com.switchboard.SwitchboardTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The miss throttle on the real database. Every test connects from 127.0.0.1, so the portal's own
 * limit is raised for tests; here a throttle with a small limit counts documentation addresses.
 */
@SwitchboardTest
class MissThrottleIT {

    @Autowired
    ProvisioningRepository repository;

    @Autowired
    ProvisioningRepository otherServer;

    @Test
    void anAddressThatMissesTooOftenWaitsForItsWindowToEnd() {
        MissThrottle throttle = new MissThrottle(repository, 5, Duration.ofMinutes(10));
        MissThrottle secondServer = new MissThrottle(otherServer, 5, Duration.ofMinutes(10));
        String address = "192.0.2." + (int) (Math.random() * 200 + 1);

        for (int i = 0; i < 3; i++) {
            throttle.count(address);
        }
        for (int i = 0; i < 2; i++) {
            secondServer.count(address);
        }

        assertThat(throttle.retryAfter("198.51.100.7")).isEmpty();
        assertThat(secondServer.retryAfter(address)).hasValueSatisfying(seconds -> assertThat(seconds).isBetween(590L, 600L));
    }

    @Test
    void aNewWindowStartsTheCountAgain() throws InterruptedException {
        MissThrottle throttle = new MissThrottle(repository, 2, Duration.ofSeconds(1));
        String address = "203.0.113." + (int) (Math.random() * 200 + 1);
        throttle.count(address);
        throttle.count(address);
        assertThat(throttle.retryAfter(address)).isPresent();

        Thread.sleep(1100);

        assertThat(throttle.retryAfter(address)).isEmpty();
        throttle.count(address);
        assertThat(throttle.retryAfter(address)).isEmpty();
    }
}
