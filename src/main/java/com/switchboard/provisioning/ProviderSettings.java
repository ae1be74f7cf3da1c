package com.switchboard.provisioning;

import java.net.URI;

/**
 * What the service provider sets once for the whole platform, read from the environment: where phones
 * register (the SIP proxy/registrar's address, port and transport), the suffix of every customer's
 * SIP domain, the NTP server phones are told to use, the provisioning base URL phones are given, and
 * after how many days without a fetch a configured phone counts as stale.
 */
public record ProviderSettings(String sipHost, int sipPort, String sipTransport, String sipDomainSuffix,
                               String ntpServer, URI provisioningBaseUrl, int staleDays) {

    public ProviderSettings {
        if (sipHost == null || sipHost.isBlank()) {
            throw new IllegalArgumentException("switchboard.sip.host must not be blank");
        }
        if (sipPort < 1 || sipPort > 65535) {
            throw new IllegalArgumentException("switchboard.sip.port must be a port number");
        }
        sipTransport = sipTransport == null ? "udp" : sipTransport.strip().toLowerCase(java.util.Locale.ROOT);
        if (!sipTransport.equals("udp") && !sipTransport.equals("tcp") && !sipTransport.equals("tls")) {
            throw new IllegalArgumentException("switchboard.sip.transport must be udp, tcp or tls");
        }
        sipDomainSuffix = sipDomainSuffix == null ? "" : sipDomainSuffix.strip().toLowerCase(java.util.Locale.ROOT);
        if (!sipDomainSuffix.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
            throw new IllegalArgumentException("switchboard.sip.domain-suffix must be a DNS name");
        }
        String base = provisioningBaseUrl.toString();
        provisioningBaseUrl = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
        if (staleDays < 1) {
            throw new IllegalArgumentException("switchboard.provisioning.stale-days must be at least 1");
        }
    }

    /** The URL a customer's phones are given: the base URL and the customer's key, with a final slash. */
    public String urlFor(String customerKey) {
        return provisioningBaseUrl + "/" + customerKey + "/";
    }
}
