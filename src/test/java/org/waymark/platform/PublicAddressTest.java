package org.waymark.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Waymark's address: the one set, else the request's, carried into the work the request hands on; never a guess. */
class PublicAddressTest {

    private final PublicAddress unset = new PublicAddress("");

    @AfterEach
    void noRequest() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void theAddressSetWinsWithoutItsTrailingSlash() {
        inRequest("http", "10.0.0.7", 8080);
        assertThat(new PublicAddress("https://waymark.example/ ").current()).contains("https://waymark.example");
    }

    @Test
    void unsetItIsTheRequestsSchemeHostAndPortOrNothingOutsideARequest() {
        assertThat(unset.current()).isEmpty();
        inRequest("https", "waymark.stansted.example", 443);
        assertThat(unset.current()).contains("https://waymark.stansted.example");
        inRequest("http", "localhost", 49152);
        assertThat(unset.current()).contains("http://localhost:49152");
    }

    @Test
    void workTheRequestHandsOnKnowsItsAddressWhileItRuns() throws Exception {
        inRequest("http", "localhost", 49152);
        AtomicReference<Optional<String>> seen = new AtomicReference<>();
        Runnable reaction = new PublicAddress.Carrier().decorate(() -> seen.set(unset.current()));
        RequestContextHolder.resetRequestAttributes();

        Thread thread = new Thread(reaction);
        thread.start();
        thread.join();
        assertThat(seen.get()).contains("http://localhost:49152");

        Thread later = new Thread(new PublicAddress.Carrier().decorate(() -> seen.set(unset.current())));
        later.start();
        later.join();
        assertThat(seen.get()).as("handed on outside any request").isEmpty();
    }

    private static void inRequest(String scheme, String host, int port) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setScheme(scheme);
        request.setServerName(host);
        request.setServerPort(port);
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
    }
}
