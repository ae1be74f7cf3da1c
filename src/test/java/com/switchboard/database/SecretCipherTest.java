package com.switchboard.database;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(Base64.getEncoder().encodeToString(new byte[32]), Path.of("unused"));

    @Test
    void passwordsSealedTogetherOpenOneByOneEachWithItsOwnNonce() {
        List<byte[]> sealed = cipher.encryptAll(List.of("Abcdefgh23456789jkmnpqrs", "Zyxwvuts98765432qponmkji"));

        assertThat(sealed).hasSize(2);
        // A 12-byte nonce, 24 bytes of ciphertext, a 16-byte tag.
        assertThat(sealed).allSatisfy(s -> assertThat(s).hasSize(52));
        assertThat(cipher.decrypt(sealed.get(0))).isEqualTo("Abcdefgh23456789jkmnpqrs");
        assertThat(cipher.decrypt(sealed.get(1))).isEqualTo("Zyxwvuts98765432qponmkji");
        assertThat(java.util.Arrays.copyOf(sealed.get(0), 12)).isNotEqualTo(java.util.Arrays.copyOf(sealed.get(1), 12));
        assertThat(cipher.decrypt(cipher.encrypt("one by one"))).isEqualTo("one by one");
    }
}
