package com.switchboard.security;

import java.io.PrintStream;
import java.util.List;

import com.switchboard.rules.NotFound;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar switchboard.jar --reset-password=EMAIL}: gives the admin a new password, prints it
 * once on the console (never in the log), records the reset in the audit log, and stops. The way back
 * when the only provider admin's password is lost; it needs access to the server and its database.
 */
@Component
@Order(-1)
class PasswordRecovery implements ApplicationRunner {

    static final String OPTION = "reset-password";

    private final AdminAccounts accounts;
    private final ConfigurableApplicationContext context;

    PasswordRecovery(AdminAccounts accounts, ConfigurableApplicationContext context) {
        this.accounts = accounts;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption(OPTION)) {
            return;
        }
        List<String> emails = args.getOptionValues(OPTION);
        String email = emails.isEmpty() ? "" : emails.get(0);
        int status = reset(email, System.out, System.err);
        System.exit(SpringApplication.exit(context, () -> status));
    }

    int reset(String email, PrintStream out, PrintStream err) {
        try {
            String password = accounts.resetPasswordFromServer(email);
            out.printf("""

                    ############################################################################
                      New password for %s (shown only this once):

                        %s

                      Sign in with it, then change it: account menu > Change password.
                    ############################################################################

                    """, email.trim(), password);
            return 0;
        } catch (NotFound e) {
            err.printf("No administrator has the email \"%s\"; nothing was changed.%n", email);
            return 1;
        }
    }
}
