package com.switchboard.provisioning;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Also schedules the fetch log's writes. */
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
}
