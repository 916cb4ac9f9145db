package org.waymark.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says where to sign in once Waymark is ready, and what to set before the address is trusted. */
@Component
class StartupNotice {

    private static final Logger log = LoggerFactory.getLogger(StartupNotice.class);

    private final String baseUrl;

    StartupNotice(@Value("${waymark.base-url:}") String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("Waymark is ready: sign in at http://localhost:{}/sign-in", web.getWebServer().getPort());
        }
        // Without it the address comes from each request's Host header, which a sender chooses (ADR 0033).
        if (baseUrl.isBlank()) {
            log.warn("WAYMARK_BASE_URL is not set: the QR codes on posters and cards and the links in emails use "
                    + "the address each request came in on; set it to the address people reach Waymark at");
        }
    }
}
