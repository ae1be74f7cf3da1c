package com.switchboard.provisioning;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinesTest {

    @Test
    void slugsCustomerNamesIntoDnsLabels() {
        assertThat(Lines.slug("Érable Logistique")).isEqualTo("erable-logistique");
        assertThat(Lines.slug("  L'Atelier & Cie  ")).isEqualTo("l-atelier-cie");
        assertThat(Lines.slug("東京")).isEqualTo("customer");
    }

    @Test
    void computesTheDigestHa1OfRfc2617() {
        // RFC 2617 section 3.5: Mufasa, testrealm@host.com, Circle Of Life
        assertThat(Lines.ha1("Mufasa", "testrealm@host.com", "Circle Of Life")).isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }
}
