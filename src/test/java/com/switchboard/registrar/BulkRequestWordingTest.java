package com.switchboard.registrar;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The bulk restart page counts the registered phones in words that agree with the count, in both languages. */
class BulkRequestWordingTest {

    private final ResourceBundleMessageSource messages = messages();

    @Test
    void frenchAgreesWithNoneOneAndMany() {
        assertThat(text(0, 3, Locale.FRENCH)).isEqualTo("Aucun des 3 téléphones sélectionnés n'est enregistré : aucun ne reçoit la demande.");
        assertThat(text(1, 3, Locale.FRENCH)).isEqualTo("Un seul des 3 téléphones sélectionnés est enregistré : lui seul reçoit la demande.");
        assertThat(text(2, 3, Locale.FRENCH)).isEqualTo("2 des 3 téléphones sélectionnés sont enregistrés : eux seuls reçoivent la demande.");
    }

    @Test
    void englishAgreesWithNoneOneAndMany() {
        assertThat(text(0, 2, Locale.ENGLISH)).isEqualTo("None of the 2 selected phones is registered: none receives the request.");
        assertThat(text(1, 2, Locale.ENGLISH)).isEqualTo("One of the 2 selected phones is registered: only it receives the request.");
        assertThat(text(2, 2, Locale.ENGLISH)).isEqualTo("2 of the 2 selected phones are registered: only those receive the request.");
    }

    private String text(int registered, int selected, Locale locale) {
        return messages.getMessage("registrar.bulk.text", new Object[] {registered, selected}, locale);
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages/registrar");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }
}
