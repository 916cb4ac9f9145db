package org.waymark.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.waymark.WaymarkApplication;
import org.waymark.support.ApiClient;
import org.waymark.support.TestDatabases;

/**
 * Waymark behind a reverse proxy, set up as the README says: the proxy adds the address it saw
 * to whatever X-Forwarded-For the client sent, and the limit on reports from the public counts
 * that address, whatever the client wrote. The test's requests come from 127.0.0.1, as the
 * proxy's would.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127.0.0.1/32" })
class ReportsBehindAProxyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @LocalServerPort
    int port;

    @Test
    void aClientThatWritesItsOwnXForwardedForIsCountedByTheAddressTheProxySaw() {
        for (int i = 1; i <= 5; i++) {
            assertThat(report("192.0.2." + i + ", 10.0.0." + i, "203.0.113.7").status()).isEqualTo(201);
        }

        ApiClient.Response sixth = new ApiClient(port).sendWith("POST", "/report",
                "application/x-www-form-urlencoded", "what=Once+more", null,
                Map.of("X-Forwarded-For", "198.51.100.99, 203.0.113.7"));
        assertThat(sixth.status()).as("the sixth, through the page").isEqualTo(429);
        assertThat(report("198.51.100.100", "203.0.113.7").status()).isEqualTo(429);
        assertThat(report("203.0.113.7", "198.51.100.1").status()).as("another client").isEqualTo(201);
    }

    @Test
    void waymarkDoesNotStartWithSpringsForwardedHeaderFilterWhichBelievesTheClient() {
        assertThatThrownBy(() -> {
            try (var started = new SpringApplicationBuilder(WaymarkApplication.class).run("--server.port=0",
                    "--server.forward-headers-strategy=framework",
                    "--spring.datasource.url=" + TestDatabases.newH2Database(),
                    "--spring.datasource.username=sa", "--spring.datasource.password=")) {
                // started: the client's own X-Forwarded-For would choose the address the limit counts
            }
        }).hasStackTraceContaining("SERVER_FORWARD_HEADERS_STRATEGY=native");
    }

    /** A report through the proxy, which adds the address it saw to the client's X-Forwarded-For. */
    private ApiClient.Response report(String clientsOwnHeader, String addressTheProxySaw) {
        return new ApiClient(port).sendWith("POST", "/api/v1/public/reports", "application/json",
                "{\"what\": \"Two girls, one adult, no luggage\"}", null,
                Map.of("X-Forwarded-For", clientsOwnHeader + ", " + addressTheProxySaw));
    }
}
