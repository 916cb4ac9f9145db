package org.waymark.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.server.autoconfigure.ServerProperties.ForwardHeadersStrategy;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Behind a reverse proxy, a client's address must be the one the proxy saw. Tomcat's
 * RemoteIpValve ({@code native}) takes it: the right-most address in X-Forwarded-For that is not
 * a trusted proxy's. Spring's ForwardedHeaderFilter ({@code framework}) takes the left-most,
 * which the client writes itself, so every client could choose the address that the limit on
 * reports from the public counts: Waymark does not start with it. RemoteIpValve trusts every
 * private and loopback address as a proxy unless told which are the proxies, so a client on such a
 * network (an airport's staff Wi-Fi, say) could choose its address too: start-up warns.
 */
@Component
class ForwardedHeadersCheck {

    private static final Logger log = LoggerFactory.getLogger(ForwardedHeadersCheck.class);

    ForwardedHeadersCheck(Environment environment) {
        ForwardHeadersStrategy strategy = Binder.get(environment)
                .bind("server.forward-headers-strategy", ForwardHeadersStrategy.class)
                .orElse(ForwardHeadersStrategy.NONE);
        if (strategy == ForwardHeadersStrategy.FRAMEWORK) {
            throw new IllegalStateException("SERVER_FORWARD_HEADERS_STRATEGY=framework would let each client choose "
                    + "its own address with X-Forwarded-For. Behind a reverse proxy, set "
                    + "SERVER_FORWARD_HEADERS_STRATEGY=native and SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES to the "
                    + "proxy's address (see the README).");
        }
        if (strategy == ForwardHeadersStrategy.NATIVE
                && !environment.containsProperty("server.tomcat.remoteip.internal-proxies")) {
            log.warn("SERVER_FORWARD_HEADERS_STRATEGY=native trusts every private and loopback address as a proxy:"
                    + " a client on such a network can choose its own address with X-Forwarded-For, and with it"
                    + " escape the limit on reports from the public. Set SERVER_TOMCAT_REMOTEIP_INTERNAL_PROXIES to"
                    + " your proxies' addresses (such as 10.0.0.5/32, see the README).");
        }
    }
}
