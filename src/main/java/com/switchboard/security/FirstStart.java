package com.switchboard.security;

import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the very first start, creates the provider admin: from SWITCHBOARD_ADMIN_EMAIL and
 * SWITCHBOARD_ADMIN_PASSWORD, or admin@switchboard.local with a random password printed once.
 */
@Component
@Order(0)
class FirstStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstStart.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final AdminAccounts accounts;
    private final String email;
    private final String password;

    FirstStart(AdminAccounts accounts, @Value("${switchboard.admin.email:}") String email,
               @Value("${switchboard.admin.password:}") String password) {
        this.accounts = accounts;
        this.email = email;
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyProviderAdmin()) {
            return;
        }
        String adminEmail = email.isBlank() ? "admin@switchboard.local" : email.trim();
        boolean generated = password.isBlank();
        String adminPassword = generated ? randomPassword() : password;
        accounts.addProviderAdmin(new AdminAccounts.NewAdmin(adminEmail, "Provider admin", adminPassword));
        if (generated) {
            log.warn("""

                    ==================================================================
                     Switchboard provider admin created (shown only this once):
                       email:    {}
                       password: {}
                    ==================================================================
                    """, adminEmail, adminPassword);
        } else {
            log.info("Switchboard provider admin {} created from SWITCHBOARD_ADMIN_EMAIL", adminEmail);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
