package org.waymark.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.waymark.support.ApiClient;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiFixtures;
import org.waymark.support.OnBothDatabases;
import org.waymark.support.TestDatabases;

/**
 * A 201 means the tally is stored: Waymark is killed with SIGKILL while 32 officers tally, started
 * again on the same database, and every tally it acknowledged must be there. Waymark runs as a
 * process of its own, on the application's own settings, which for H2 are the default ones (a
 * file database under the working directory's {@code data}).
 */
@OnBothDatabases
class AcknowledgedTalliesSurviveAKillTest {

    private static final String ADMIN = "kill.admin@waymark.test";
    private static final String PASSWORD = ApiFixtures.PASSWORD;
    private static final int OFFICERS = 32;

    @TempDir
    Path directory;

    private Process waymark;

    /** The settings that choose the database, as environment variables; none for the default. */
    private final Map<String, String> database = TestDatabases.postgresInUse()
            ? Map.of("WAYMARK_DB_URL", TestDatabases.newPostgresDatabase(), "WAYMARK_DB_USER", "postgres",
                    "WAYMARK_DB_PASSWORD", "")
            : Map.of();

    @Test
    void everyTallyAnsweredCreatedIsCountedAfterAKill() throws Exception {
        int port = freePort();
        ApiClient api = new ApiClient(port);
        start(port);
        ApiFixtures given = new ApiFixtures(api, bearer(api.token(ADMIN, PASSWORD)));
        String agency = given.agency("Essex Police", "POLICE");
        String coordinator = given.user("coordinator", agency, "COORDINATOR");
        LocalDate today = LocalDate.now();
        String operation = given.operation().between(today.minusDays(1), today.plusDays(2))
                .focusedOnExploitation("SEXUAL").withPartners(List.of()).plannedBy(coordinator);
        String tallies = "/api/v1/operations/" + operation + "/engagements";
        List<String> officers = new ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            officers.add(given.user("officer" + i, agency, "OFFICER"));
        }

        // Acknowledged keys, per officer, with the passengers each counted.
        Map<String, Map<String, Integer>> acknowledged = new ConcurrentHashMap<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(OFFICERS);
        ExecutorService pool = Executors.newFixedThreadPool(OFFICERS);
        for (String officer : officers) {
            Map<String, Integer> mine = acknowledged.computeIfAbsent(officer, o -> new ConcurrentHashMap<>());
            pool.submit(() -> {
                ApiClient client = new ApiClient(port);
                for (int n = 1; !killed.get(); n++) {
                    String key = "tap-" + UUID.randomUUID();
                    int passengers = 1 + n % 5;
                    try {
                        Response answer = client.sendWith("POST", tallies, "application/json",
                                json(Map.of("location", "Gate 12", "passengers", passengers)), officer,
                                Map.of("Idempotency-Key", key));
                        if (answer.status() == 201) {
                            mine.put(key, passengers);
                        }
                    } catch (RuntimeException connectionLost) {
                        break;
                    }
                    if (n == 20) {
                        enough.countDown();
                    }
                }
                enough.countDown();
            });
        }
        assertThat(enough.await(2, TimeUnit.MINUTES)).as("every officer tallied").isTrue();
        Thread.sleep(1_000); // under full load
        waymark.destroyForcibly(); // SIGKILL: nothing is flushed or closed
        killed.set(true);
        waymark.waitFor(1, TimeUnit.MINUTES);
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        int keys = acknowledged.values().stream().mapToInt(Map::size).sum();
        assertThat(keys).as("tallies answered 201 before the kill").isGreaterThan(OFFICERS * 20);

        start(port);
        // A key the server has answers 200 with its first answer; one it lost is taken as new: 201.
        Map<Integer, List<String>> answers = new HashMap<>();
        acknowledged.forEach((officer, mine) -> mine.forEach((key, passengers) -> answers
                .computeIfAbsent(api.sendWith("POST", tallies, "application/json",
                        json(Map.of("location", "Gate 12", "passengers", passengers)), officer,
                        Map.of("Idempotency-Key", key)).status(), s -> new ArrayList<>())
                .add(key)));
        assertThat(answers.keySet()).as("of %d acknowledged tallies, those lost are under 201: %s", keys,
                answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size())))
                .containsExactly(200);
    }

    private void start(int port) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp",
                applicationClasspath(), "org.waymark.WaymarkApplication").directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(directory.resolve("waymark.log").toFile());
        builder.environment().putAll(Map.of("PORT", String.valueOf(port), "WAYMARK_ADMIN_EMAIL", ADMIN,
                "WAYMARK_ADMIN_PASSWORD", PASSWORD, "WAYMARK_SECURITY_TWO_FACTOR", "off"));
        builder.environment().putAll(database);
        waymark = builder.start();
        ApiClient api = new ApiClient(port);
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            assertThat(waymark.isAlive()).as("Waymark started: %s", log()).isTrue();
            try {
                if (api.get("/actuator/health", null).status() == 200) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Waymark did not start in 3 minutes: " + log());
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (waymark != null) {
            waymark.destroyForcibly();
            waymark.waitFor(1, TimeUnit.MINUTES);
        }
    }

    private String log() {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("waymark.log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The application's classpath: the test run's, without the tests' own classes and settings. */
    private static String applicationClasspath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
