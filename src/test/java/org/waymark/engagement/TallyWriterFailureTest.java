package org.waymark.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.waymark.flight.Flights;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiFixtures;
import org.waymark.support.TestDatabases;

/**
 * A batch of tallies that fails with an error, not an exception, leaves the writer alive: the
 * officer whose tally was in it gets an answer, and so does every officer after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "waymark.admin.email=" + TallyWriterFailureTest.ADMIN, "waymark.admin.password=" + TallyWriterFailureTest.PASSWORD })
class TallyWriterFailureTest {

    static final String ADMIN = "writer.admin@waymark.test";
    static final String PASSWORD = ApiFixtures.PASSWORD;

    @LocalServerPort
    int port;

    @MockitoSpyBean
    Flights flights;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2(registry);
    }

    @Test
    void aBatchThatFailsWithAnErrorLeavesEveryTallyAnsweredAndCounted() {
        ApiClient api = new ApiClient(port);
        ApiFixtures given = new ApiFixtures(api, bearer(api.token(ADMIN, PASSWORD)));
        String agency = given.agency("Essex Police", "POLICE");
        String coordinator = given.user("coordinator", agency, "COORDINATOR");
        String officer = given.user("officer", agency, "OFFICER");
        String id = given.operation().plannedBy(coordinator);
        String flight = given.flight(id, "FR1234", "ARRIVAL", "SOF", "2026-09-17T09:00", coordinator);
        AtomicBoolean failed = new AtomicBoolean();
        doAnswer(call -> {
            if (Thread.currentThread().getName().equals("tally-writer") && failed.compareAndSet(false, true)) {
                throw new StackOverflowError("a batch that fails with an error");
            }
            return call.callRealMethod();
        }).when(flights).countryAndTimeOf(any(), any());

        List<Integer> answers = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> List.of(1, 2, 3).stream()
                .map(n -> api.sendWith("POST", "/api/v1/operations/" + id + "/engagements", "application/json",
                        json(Map.of("flightId", flight, "passengers", n)), officer,
                        Map.of("Idempotency-Key", "tap-" + UUID.randomUUID())).status())
                .toList());

        assertThat(failed).as("the batch failed").isTrue();
        assertThat(answers).containsExactly(201, 201, 201);
        assertThat(api.get("/api/v1/operations/" + id + "/engagements/total", officer).json().path("passengers")
                .asInt()).isEqualTo(6);
    }
}
