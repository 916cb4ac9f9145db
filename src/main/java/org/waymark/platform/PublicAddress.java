package org.waymark.platform;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.task.TaskDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Waymark's address as people reach it, for the links in emails and the QR codes on posters and
 * cards (ADR 0033): {@code waymark.base-url} where it is set; otherwise the address the current
 * request came in on (scheme, host and port, as the proxy forwarded them where Waymark is set up
 * behind one). A module's reaction to the events of a request, which runs after it on another
 * thread, still knows that request's address. Outside any request, with nothing set, there is
 * none, and the caller says so in words rather than guess.
 */
@Component
public class PublicAddress {

    /** The address of the request whose events a reaction on this thread handles. */
    private static final ThreadLocal<String> CARRIED = new ThreadLocal<>();

    private final String configured;

    public PublicAddress(@Value("${waymark.base-url:}") String configured) {
        String typed = configured == null ? "" : configured.strip();
        this.configured = typed.isEmpty() ? null : typed.replaceAll("/+$", "");
    }

    /** The address without a trailing slash, such as {@code https://waymark.example}; empty when unknown. */
    public Optional<String> current() {
        return Optional.ofNullable(configured).or(PublicAddress::ofRequest);
    }

    /** The current request's address, or that of the request whose reaction this thread runs. */
    private static Optional<String> ofRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return Optional.of(ServletUriComponentsBuilder.fromContextPath(request).build().toUriString());
        }
        return Optional.ofNullable(CARRIED.get());
    }

    /**
     * Carries the request's address into work it hands to Spring's task executor, such as the
     * modules' reactions to its events ({@code @ApplicationModuleListener}), for as long as that
     * work runs. Work started outside any request, such as a reaction run again later, carries none.
     */
    @Component
    static class Carrier implements TaskDecorator {

        @Override
        public Runnable decorate(Runnable task) {
            Optional<String> address = ofRequest();
            if (address.isEmpty()) {
                return task;
            }
            return () -> {
                String before = CARRIED.get();
                CARRIED.set(address.get());
                try {
                    task.run();
                } finally {
                    if (before == null) {
                        CARRIED.remove();
                    } else {
                        CARRIED.set(before);
                    }
                }
            };
        }
    }
}
