package com.switchboard.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts the secrets the portal must read back (line passwords, admins' two-factor secrets) with
 * AES-256-GCM: a 12-byte random nonce, then the ciphertext and its 16-byte tag (the layout of
 * {@code line.password_enc} and {@code admin_two_factor.secret_enc}). The key is {@code SWITCHBOARD_SECRET_KEY}
 * (32 bytes, Base64) or, without it, a key generated once into the data directory. The key itself
 * is never logged.
 */
@Component
public class SecretCipher {

    private static final Logger log = LoggerFactory.getLogger(SecretCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    SecretCipher(@Value("${switchboard.secret-key:}") String configuredKey,
               @Value("${switchboard.secret-key-file}") Path keyFile) {
        this.key = new SecretKeySpec(configuredKey.isBlank() ? keyFromFile(keyFile) : decode(configuredKey), "AES");
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("SWITCHBOARD_SECRET_KEY is not Base64 (make one with: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("SWITCHBOARD_SECRET_KEY must be 32 bytes in Base64 (openssl rand -base64 32)");
        }
        return bytes;
    }

    private byte[] keyFromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII));
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] fresh = new byte[32];
            random.nextBytes(fresh);
            Files.writeString(file, Base64.getEncoder().encodeToString(fresh), StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the directory's permissions protect it
            }
            log.warn("SWITCHBOARD_SECRET_KEY is not set: generated a secret key for line passwords and two-factor secrets into {}; "
                    + "keep that file (and back it up) or the phones' passwords and the admins' two-factor secrets cannot be read again", file.toAbsolutePath());
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secret key file " + file.toAbsolutePath(), e);
        }
    }

    public byte[] encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Many passwords sealed with one cipher object (a new random nonce each): an import's lines. */
    public List<byte[]> encryptAll(List<String> plain) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            List<byte[]> sealed = new ArrayList<>(plain.size());
            // Every nonce drawn in one call to the generator: as random, far fewer calls.
            byte[] nonces = new byte[NONCE_BYTES * plain.size()];
            random.nextBytes(nonces);
            for (int i = 0; i < plain.size(); i++) {
                String text = plain.get(i);
                byte[] nonce = Arrays.copyOfRange(nonces, i * NONCE_BYTES, (i + 1) * NONCE_BYTES);
                cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(bytes.length));
                cipher.doFinal(bytes, 0, bytes.length, out, NONCE_BYTES);
                sealed.add(out);
            }
            return sealed;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decrypt(byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            return new String(cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // Wrong key (the data directory's key file replaced?) or a damaged row: never say more.
            throw new IllegalStateException("A stored secret cannot be decrypted with the configured secret key");
        }
    }
}
