package com.switchboard.provisioning;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Also schedules the batched writes (fetch log, last contacts, miss counts) and the change polling. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ProvisioningConfiguration {

    @Bean
    ProviderSettings providerSettings(@Value("${switchboard.sip.host}") String sipHost,
                                      @Value("${switchboard.sip.port}") int sipPort,
                                      @Value("${switchboard.sip.transport}") String sipTransport,
                                      @Value("${switchboard.sip.domain-suffix}") String domainSuffix,
                                      @Value("${switchboard.sip.ntp-server}") String ntpServer,
                                      @Value("${switchboard.provisioning.base-url}") String baseUrl,
                                      @Value("${switchboard.provisioning.stale-days}") int staleDays) {
        return new ProviderSettings(sipHost, sipPort, sipTransport, domainSuffix, ntpServer, URI.create(baseUrl), staleDays);
    }

    /**
     * Phones are answered first, before every other filter (Spring Session's and Spring Security's
     * included): nothing else runs for a file served from memory.
     */
    @Bean
    FilterRegistrationBean<ProvisioningFilter> provisioningFilter(PhoneFiles files) {
        FilterRegistrationBean<ProvisioningFilter> registration = new FilterRegistrationBean<>(new ProvisioningFilter(files));
        registration.addUrlPatterns("/provisioning/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
