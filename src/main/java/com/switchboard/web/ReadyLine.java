package com.switchboard.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** The last line of a start: where to open the portal, so that nobody has to guess it from the log. */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger("com.switchboard");

    private final Environment environment;

    ReadyLine(Environment environment) {
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("Switchboard is ready: open {} in a browser", address(web.getWebServer().getPort()));
        }
    }

    String address(int port) {
        String host = environment.getProperty("server.address", "");
        if (host.isBlank() || host.equals("0.0.0.0") || host.equals("::")) {
            host = "localhost";
        }
        String path = environment.getProperty("server.servlet.context-path", "");
        return "http://" + host + ":" + port + path + "/";
    }
}
