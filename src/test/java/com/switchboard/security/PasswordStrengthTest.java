package com.switchboard.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordStrengthTest {

    @Test
    void refusesBlankRepeatedAndSequentialPasswords() {
        assertThat(PasswordStrength.isStrong(" ".repeat(12), "ann@example.com")).isFalse();
        assertThat(PasswordStrength.isStrong("aaaaaaaaaaaa", "ann@example.com")).isFalse();
        assertThat(PasswordStrength.isStrong("123456789012", "ann@example.com")).isFalse();
        assertThat(PasswordStrength.isStrong("abcdefgh-Kw9", "ann@example.com")).isFalse();
        assertThat(PasswordStrength.isStrong("qwertyuiop!7", "ann@example.com")).isFalse();
    }

    @Test
    void refusesTheEmailOrItsNameForwardsOrBackwards() {
        assertThat(PasswordStrength.isStrong("jeanne.tremblay@example.com", "Jeanne.Tremblay@example.com")).isFalse();
        assertThat(PasswordStrength.isStrong("Jeanne.Tremblay", "jeanne.tremblay@example.com")).isFalse();
        assertThat(PasswordStrength.isStrong("moc.elpmaxe@yalbmert.ennaej", "jeanne.tremblay@example.com")).isFalse();
    }

    @Test
    void acceptsAPassphrase() {
        assertThat(PasswordStrength.isStrong("Erable-Demo-2026", "admin@erable.example")).isTrue();
        assertThat(PasswordStrength.isStrong("correct horse battery staple", "ann@example.com")).isTrue();
        assertThat(PasswordStrength.isStrong("test-password-123", "ann@example.com")).isTrue();
        assertThat(PasswordStrength.isStrong("provider-password-1", "provider@switchboard.test")).isTrue();
    }
}
