package com.switchboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SwitchboardApplication {

    private static String[] resetArguments(String[] args) {
        boolean reset = java.util.Arrays.stream(args).anyMatch(a -> a.startsWith("--reset-password"));
        if (!reset) {
            return args;
        }
        String[] more = java.util.Arrays.copyOf(args, args.length + 2);
        more[args.length] = "--server.port=0";
        more[args.length + 1] = "--server.address=127.0.0.1";
        return more;
    }

    public static void main(String[] args) {
        // --reset-password=EMAIL starts on a free port, resets, prints and stops (security.PasswordRecovery).
        SpringApplication.run(SwitchboardApplication.class, resetArguments(args));
    }
}
