package org.waymark.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.MessageGenerator.Generated;
import org.waymark.support.TestDatabases;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two Waymark nodes as separate processes on one PostgreSQL, behind nginx on the loopback, with
 * Kafka carrying passenger messages: a node is killed with {@code kill -9} while officers tally
 * and while gateways send passenger data, clients retry what got no answer on the survivor, and
 * afterwards nothing acknowledged is lost or counted twice. Runs in {@code ./mvnw verify} after the
 * jar is packaged (failsafe), on embedded PostgreSQL, an in-process Kafka broker (KRaft) and
 * GreenMail as the mail server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String PASSWORD = "cluster-demo-password-7";
    private static final Duration ANSWER = Duration.ofSeconds(20);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** Tallies recorded before the nodes started and not folded yet, as after downtime. */
    private static final int WAITING_TALLIES = 2_000;
    private static final int WAITING_MAILS = 30;

    private final Path folder = Path.of("target", "cluster");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String database;
    private EmbeddedKafkaKraftBroker kafka;
    private GreenMail smtp;
    private final int[] ports = { Node.freePort(), Node.freePort() };
    private final Node[] nodes = new Node[2];
    private Nginx nginx;
    private String operation;

    @BeforeAll
    void cluster() throws Exception {
        Assumptions.assumeTrue(Nginx.installed().isPresent(), "The cluster test balances its nodes with Debian's nginx,"
                + " which is not installed: apt-get install nginx (.ci/run does)");
        database = TestDatabases.newPostgresDatabase();
        kafka = new EmbeddedKafkaKraftBroker(1, 12);
        kafka.brokerListProperty("waymark.cluster.kafka.brokers");
        kafka.afterPropertiesSet();
        smtp = new GreenMail(new ServerSetup(Node.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();

        // The demo's accounts and operation, written once by a node of its own, which then stops
        Node.start("seed", Node.freePort(), folder, environment(), settings("--spring.profiles.active=demo",
                "--waymark.demo.password=" + PASSWORD)).stop();
        operation = single("SELECT id FROM operation WHERE status = 'ACTIVE' ORDER BY start_date FETCH FIRST 1 ROW ONLY");
        waitingTallies();
        waitingMails();

        nodes[0] = Node.start("node-a", ports[0], folder, environment(), settings());
        nodes[1] = Node.start("node-b", ports[1], folder, environment(), settings());
        nginx = Nginx.balancing(folder.resolve("nginx"), List.of(ports[0], ports[1]));
    }

    /** What every node of the cluster is given, as the operator's guide says: the same database, brokers, mail server and key. */
    private Map<String, String> environment() {
        return Map.ofEntries(Map.entry("WAYMARK_DB_URL", database), Map.entry("WAYMARK_DB_USER", "postgres"),
                Map.entry("WAYMARK_DB_PASSWORD", ""),
                Map.entry("WAYMARK_KAFKA_BOOTSTRAP_SERVERS", kafka.getBrokersAsString()),
                // A lost node's partitions move to the others after 6 s rather than Kafka's 45 s
                Map.entry("WAYMARK_KAFKA_SESSION_TIMEOUT_MS", "6000"),
                Map.entry("SPRING_MAIL_HOST", "127.0.0.1"),
                Map.entry("SPRING_MAIL_PORT", String.valueOf(smtp.getSmtp().getPort())),
                Map.entry("WAYMARK_PASSENGER_DATA_HASH_KEY", "cluster-test-key-of-32-characters-at-least"),
                Map.entry("WAYMARK_EVENTS_REPUBLISH_ON_RESTART", "false"),
                Map.entry("SERVER_FORWARD_HEADERS_STRATEGY", "native"),
                Map.entry("WAYMARK_SECURITY_TWO_FACTOR", "off"));
    }

    /** The test's own: jobs every second rather than every few, and Kafka's clients quieter. */
    private static List<String> settings(String... more) {
        List<String> settings = new ArrayList<>(List.of("--waymark.engagement.fold-every=1s", "--waymark.mail.poll=1s",
                "--spring.kafka.consumer.properties[heartbeat.interval.ms]=1000",
                "--logging.level.org.apache.kafka=warn"));
        settings.addAll(List.of(more));
        return settings;
    }

    @AfterAll
    void stop() throws Exception {
        if (nginx != null) {
            nginx.close();
        }
        for (Node node : nodes) {
            if (node != null) {
                node.close();
            }
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (kafka != null) {
            kafka.destroy();
        }
    }

    @Test
    @Order(1)
    void talliesSessionsFoldsMailAndTheReportLimitHoldWhenANodeIsKilledMidLoad() throws Exception {
        // Mail waiting when the nodes started goes once, whichever node's turn it was
        Awaitility.await("the mail waiting sent").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT COUNT(*) FROM outbound_mail WHERE subject LIKE 'Cluster mail %'"
                        + " AND status = 'SENT'") == WAITING_MAILS);
        Map<String, Integer> received = new HashMap<>();
        for (var message : smtp.getReceivedMessages()) {
            received.merge(message.getSubject(), 1, Integer::sum);
        }
        for (int mail = 0; mail < WAITING_MAILS; mail++) {
            assertThat(received.get("Cluster mail " + mail)).as("mail %d sent once", mail).isEqualTo(1);
        }

        // The report limit is one count over both nodes: 5 in 10 minutes from one address
        List<Integer> reports = new ArrayList<>();
        for (int report = 0; report < 8; report++) {
            reports.add(post(nodes[report % 2].url() + "/api/v1/public/reports", null, null,
                    "{\"what\":\"A young woman at gate 4 was told what to say, report " + report + "\"}").statusCode());
        }
        assertThat(reports).as("accepted on either node until the shared limit").containsExactly(201, 201, 201, 201,
                201, 429, 429, 429);

        // A coordinator signs in on the node about to be lost
        String session = signIn(nodes[0].url(), "coordinator@demo.waymark.test");
        assertThat(page(nginx.url() + "/operations/" + operation, session).body()).contains("Sign out",
                "Week of action: Stansted Airport");

        List<String> officers = List.of(tokenOf("officer@demo.waymark.test"), tokenOf("borderforce@demo.waymark.test"));
        long before = total(officers.get(0));

        // Officers' phones tally through the load balancer; node A is killed a third of the way in
        int tallies = 2_400;
        Map<String, Integer> sent = tallyLoad("cluster-tally-", tallies, officers, nodes[0]::kill);
        System.out.println("Tallies sent again after node A was killed: " + retries.get());

        assertThat(count("SELECT COUNT(*) FROM engagement WHERE idempotency_key LIKE 'cluster-tally-%'"))
                .as("every tally acknowledged is kept once").isEqualTo(tallies);
        long passengers = sent.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(count("SELECT SUM(passengers) FROM engagement WHERE idempotency_key LIKE 'cluster-tally-%'"))
                .isEqualTo(passengers);
        // The tallies waiting at the start were folded once: the operation's total counts each once
        Awaitility.await("the waiting tallies folded").atMost(Duration.ofSeconds(60))
                .until(() -> count("SELECT COUNT(*) FROM engagement WHERE idempotency_key LIKE 'cluster-waiting-%'"
                        + " AND fold_batch IS NULL") == 0);
        assertThat(total(officers.get(0))).as("the operation's total on the surviving node")
                .isEqualTo(before + passengers)
                .isEqualTo(count("SELECT SUM(passengers) FROM engagement WHERE undone_at IS NULL AND operation_id = '"
                        + operation + "'"));

        // The coordinator is still signed in, on the node that is left
        HttpResponse<String> after = page(nginx.url() + "/operations/" + operation, session);
        assertThat(after.statusCode()).isEqualTo(200);
        assertThat(after.body()).contains("Sign out", "Week of action: Stansted Airport");
    }

    @Test
    @Order(2)
    void passengerMessagesThroughKafkaAreAppliedOnceWhenANodeIsKilledMidStream() throws Exception {
        // Node A comes back, as an operator restarts a lost node, and takes its share of the partitions
        nodes[0].close(); // killed already, unless the test before failed first
        nodes[0] = Node.start("node-a-again", ports[0], folder, environment(), settings());
        String gateway = tokenOf("gateway@demo.waymark.test");

        int flights = 24;
        List<Generated> generated = new MessageGenerator(2412).flights(flights, 30);
        AtomicInteger acknowledged = new AtomicInteger();
        List<String> queuedOrApplied = Collections.synchronizedList(new ArrayList<>());
        ExecutorService gateways = Executors.newFixedThreadPool(6);
        List<Future<?>> done = new ArrayList<>();
        // Each flight's messages in order, one after another once each is answered, as an airline's gateway sends
        for (int flight = 0; flight < flights; flight++) {
            List<Generated> ofFlight = generated.subList(flight * 7, flight * 7 + 7);
            done.add(gateways.submit(() -> {
                for (Generated message : ofFlight) {
                    HttpResponse<String> answer = retried(() -> http.send(HttpRequest.newBuilder(URI.create(
                            nginx.url() + "/api/v1/passenger-data/messages")).timeout(ANSWER)
                            .header("Authorization", "Bearer " + gateway).header("Content-Type", "application/edifact")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(message.body())).build(),
                            HttpResponse.BodyHandlers.ofString()));
                    assertThat(answer.statusCode()).as(message.label() + ": " + answer.body()).isIn(200, 201, 202);
                    queuedOrApplied.add(JSON.readTree(answer.body()).path("status").asString());
                    acknowledged.incrementAndGet();
                }
                return null;
            }));
        }
        Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= generated.size() / 3);
        retries.set(0);
        nodes[1].kill();
        for (Future<?> flight : done) {
            flight.get();
        }
        gateways.shutdown();
        System.out.println("Passenger messages sent again after node B was killed: " + retries.get());
        assertThat(queuedOrApplied).as("no answer says more than was done").allMatch(
                status -> status.equals("QUEUED") || status.equals("APPLIED"));

        List<String> hashes = generated.stream().map(message -> sha256(message.body())).toList();
        String these = "content_hash IN ('" + String.join("','", hashes) + "')";
        Awaitility.await("every message applied by the node left").atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("SELECT COUNT(*) FROM pd_message WHERE " + these + " AND status = 'APPLIED'")
                        == generated.size());
        assertThat(count("SELECT COUNT(*) FROM pd_message WHERE " + these)).as("each kept once")
                .isEqualTo(generated.size());
        assertThat(count("SELECT COUNT(*) FROM pd_message_flight WHERE message_id IN (SELECT id FROM pd_message WHERE "
                + these + ")")).as("each applied to its one flight once").isEqualTo(generated.size());
        for (int flight = 0; flight < flights; flight++) {
            Generated list = generated.get(flight * 7);
            Generated newestPush = generated.get(flight * 7 + 6);
            String ofFlight = "flight_id = (SELECT flight_id FROM pd_message_flight WHERE message_id ="
                    + " (SELECT id FROM pd_message WHERE content_hash = '" + sha256(list.body()) + "'))";
            assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE " + ofFlight
                    + " AND source = 'PAXLST' AND type <> 'CREW'")).as(list.label() + ": passengers once")
                    .isEqualTo(list.truth().passengers());
            assertThat(count("SELECT COUNT(*) FROM pd_booking WHERE " + ofFlight)).as(newestPush.label()
                    + ": the newest push's bookings").isEqualTo(newestPush.truth().bookings());
        }
    }

    @Test
    @Order(3)
    void aNodeStoppedMidLoadDrainsAnsweringWhatItHadTakenBeforeItEnds() throws Exception {
        nodes[1].close();
        nodes[1] = Node.start("node-b-again", ports[1], folder, environment(), settings());
        List<String> officers = List.of(tokenOf("officer@demo.waymark.test"), tokenOf("borderforce@demo.waymark.test"));
        long before = total(officers.get(0));

        Map<String, Integer> sent = tallyLoad("cluster-drain-", 2_400, officers, nodes[0]::stop);

        System.out.println("Tallies sent again after node A was stopped: " + retries.get());
        assertThat(nodes[0].tail()).contains("Graceful shutdown complete");
        long passengers = sent.values().stream().mapToLong(Integer::longValue).sum();
        assertThat(count("SELECT COUNT(*) FROM engagement WHERE idempotency_key LIKE 'cluster-drain-%'"))
                .isEqualTo(sent.size());
        assertThat(total(officers.get(0))).isEqualTo(before + passengers);
    }

    /**
     * Officers' phones tallying through the load balancer, twelve at once, each tally sent again
     * until a node answers it; what happens to a node happens a third of the way in. The passengers
     * of each tally by its key, every one answered.
     */
    private Map<String, Integer> tallyLoad(String keys, int tallies, List<String> officers, Runnable midway)
            throws Exception {
        AtomicInteger acknowledged = new AtomicInteger();
        Map<String, Integer> sent = new ConcurrentHashMap<>();
        ExecutorService phones = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int tally = 0; tally < tallies; tally++) {
                int number = tally;
                done.add(phones.submit(() -> {
                    String key = keys + number;
                    int passengers = 1 + number % 5;
                    String token = officers.get(number % 2);
                    HttpResponse<String> answer = retried(() -> post(nginx.url() + "/api/v1/operations/" + operation
                            + "/engagements", token, key, "{\"location\":\"Gate " + (1 + number % 9)
                                    + "\",\"passengers\":" + passengers + "}"));
                    assertThat(answer.statusCode()).as(answer.body()).isIn(200, 201);
                    sent.put(key, passengers);
                    acknowledged.incrementAndGet();
                    return null;
                }));
            }
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> acknowledged.get() >= tallies / 3);
            retries.set(0);
            midway.run();
            for (Future<?> tally : done) {
                tally.get();
            }
        } finally {
            phones.shutdown();
        }
        assertThat(sent).hasSize(tallies);
        return sent;
    }

    // --- what the test writes before the nodes start ---

    private void waitingTallies() throws SQLException {
        String officer = single("SELECT id FROM user_account WHERE email = 'officer@demo.waymark.test'");
        String agency = single("SELECT agency_id FROM user_account WHERE email = 'officer@demo.waymark.test'");
        Instant recorded = Instant.now().minus(Duration.ofMinutes(10));
        try (Connection connection = DriverManager.getConnection(database);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO engagement (id, operation_id, location, passengers, leaflets, recorded_by, agency_id,
                            recorded_at, recorded_on, idempotency_key)
                        VALUES (?, ?, 'Arrivals hall', ?, 0, ?, ?, ?, ?, ?)""")) {
            for (int tally = 0; tally < WAITING_TALLIES; tally++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.fromString(operation));
                insert.setInt(3, 1 + tally % 3);
                insert.setObject(4, UUID.fromString(officer));
                insert.setObject(5, UUID.fromString(agency));
                insert.setTimestamp(6, Timestamp.from(recorded.plusMillis(tally)));
                insert.setObject(7, recorded.atZone(ZoneOffset.UTC).toLocalDate());
                insert.setString(8, "cluster-waiting-" + tally);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void waitingMails() throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO outbound_mail (id, purpose, recipient, subject, body, status, attempts,
                            next_attempt_at, created_at, version)
                        VALUES (?, 'CALL_OUT', ?, ?, 'Please come to gate 4.', 'PENDING', 0, ?, ?, 0)""")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int mail = 0; mail < WAITING_MAILS; mail++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, "navigator" + mail + "@example.org");
                insert.setString(3, "Cluster mail " + mail);
                insert.setTimestamp(4, now);
                insert.setTimestamp(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // --- a client of the cluster ---

    /** Requests sent again because no node answered the first time. */
    private final AtomicInteger retries = new AtomicInteger();

    /** A request sent again, unchanged, until a node answers it: a phone or gateway that got no answer. */
    private HttpResponse<String> retried(Call call) throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt < 60; attempt++) {
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            try {
                HttpResponse<String> answer = call.send();
                if (answer.statusCode() < 500) {
                    return answer;
                }
                last = new IllegalStateException(answer.statusCode() + " " + answer.body());
            } catch (IOException noAnswer) {
                last = noAnswer;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no node answered", last);
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    private HttpResponse<String> post(String url, String token, String idempotencyKey, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String tokenOf(String email) throws Exception {
        HttpResponse<String> issued = retried(() -> http.send(HttpRequest.newBuilder(URI.create(nginx.url()
                + "/api/v1/tokens")).timeout(ANSWER).header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((email + ":" + PASSWORD)
                        .getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
        return JSON.readTree(issued.body()).path("token").asString();
    }

    private long total(String token) throws Exception {
        HttpResponse<String> total = retried(() -> http.send(HttpRequest.newBuilder(URI.create(nginx.url()
                + "/api/v1/operations/" + operation + "/engagements/total")).timeout(ANSWER)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
        assertThat(total.statusCode()).as(total.body()).isEqualTo(200);
        JsonNode json = JSON.readTree(total.body());
        return json.path("passengers").asLong();
    }

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SESSION = Pattern.compile("WAYMARK_SESSION=([^;]+)");

    /** Signs in on the sign-in page as a person does; the session cookie. */
    private String signIn(String node, String email) throws Exception {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(URI.create(node + "/sign-in")).timeout(ANSWER)
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = CSRF.matcher(form.body());
        assertThat(csrf.find()).as(form.body()).isTrue();
        String before = cookie(form);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(node + "/sign-in"))
                .timeout(ANSWER).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "WAYMARK_SESSION=" + before)
                .POST(HttpRequest.BodyPublishers.ofString("email=" + email + "&password=" + PASSWORD + "&_csrf="
                        + csrf.group(1)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).doesNotContain("sign-in");
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(SESSION::matcher).filter(Matcher::find)
                .map(m -> m.group(1)).reduce((first, last) -> last)
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }

    private HttpResponse<String> page(String url, String session) throws Exception {
        return retried(() -> http.send(HttpRequest.newBuilder(URI.create(url)).timeout(ANSWER)
                .header("Cookie", "WAYMARK_SESSION=" + session).build(), HttpResponse.BodyHandlers.ofString()));
    }

    // --- the database, read as it is ---

    private long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private String single(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(database);
                ResultSet result = connection.createStatement().executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        }
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
