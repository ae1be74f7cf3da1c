package com.switchboard.security;

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
        if (args.containsOption(PasswordRecovery.OPTION)) {
            return;
        }
        if (accounts.anyProviderAdmin()) {
            if (!password.isBlank()) {
                // Only the first start reads it; saying so beats a silently ignored setting.
                log.info("SWITCHBOARD_ADMIN_PASSWORD is set but the provider admin exists already: it is not changed. "
                        + "To set a new password: java -jar switchboard.jar --reset-password=EMAIL (see the README)");
            }
            return;
        }
        String adminEmail = email.isBlank() ? "admin@switchboard.local" : email.trim();
        boolean generated = password.isBlank();
        String adminPassword = generated ? GeneratedPassword.next() : password;
        accounts.addProviderAdmin(new AdminAccounts.NewAdmin(adminEmail, adminEmail, adminPassword));
        if (generated) {
            // A box of its own, unlike the log lines and the banner around it, and said to be shown once.
            log.warn("""

                    ############################################################################
                    #  FIRST START - provider admin created. This password is shown ONLY ONCE. #
                    #                                                                          #
                    #    email:    {}
                    #    password: {}
                    #                                                                          #
                    #  Sign in, then change it: account menu > Change password.                #
                    #  Lost? java -jar switchboard.jar --reset-password=EMAIL                  #
                    ############################################################################
                    """, adminEmail, adminPassword);
        } else {
            log.info("Switchboard provider admin {} created from SWITCHBOARD_ADMIN_EMAIL", adminEmail);
        }
    }

}
