package org.waymark.passengerdata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.passengerdata.Messages.paxlst;
import static org.waymark.passengerdata.Messages.pnrgov;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.kafka.support.ProducerListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import org.waymark.passengerdata.edifact.EdifactReader;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.MessageGenerator.Generated;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;

import tools.jackson.databind.json.JsonMapper;

/**
 * With Kafka brokers configured (here one KRaft broker in the test's process), messages sent to
 * the intake endpoint or dropped in the watched folder are kept, answered as queued, and applied
 * by the consumer: a flight's
 * messages in the order they were sent, a record delivered twice applied once, and one that cannot
 * be applied set aside on the dead-letter topic and in the failed queue, from where a replay
 * applies it after the fault is fixed. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = { "waymark.scheduling.enabled=false", "waymark.passenger-data.kafka.partitions=3",
        "waymark.passenger-data.kafka.retry-after=50ms", "spring.kafka.listener.concurrency=3" })
class PassengerDataThroughKafkaTest extends ApiTests {

    static final String MESSAGES = "/api/v1/passenger-data/messages";
    static final String TOPIC = "waymark.passenger-data";
    static final String DEAD_LETTERS = "waymark.passenger-data.dlt";

    private static final String BROKERS = "waymark.test.kafka.brokers";
    private static EmbeddedKafkaKraftBroker broker;
    private static Path inbox;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) throws IOException {
        if (broker == null) {
            broker = new EmbeddedKafkaKraftBroker(1, 3);
            // The broker names itself in system properties: under names no application reads, so
            // that the applications of later test classes in this process do not find Kafka
            broker.brokerListProperty(BROKERS);
            broker.afterPropertiesSet();
            inbox = Files.createTempDirectory("waymark-kafka-inbox-test");
        }
        registry.add("spring.kafka.bootstrap-servers", broker::getBrokersAsString);
        registry.add("waymark.passenger-data.inbox", inbox::toString);
    }

    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaListenerEndpointRegistry listeners;
    @Autowired
    PassengerDataQueue queue;
    @Autowired
    KeyedHash keyedHash;
    @Autowired
    MessageRecords messages;
    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    Inbox watchedFolder;

    String gateway;
    String piu;

    @BeforeAll
    void people() {
        String borderForce = given.agency("Border Force", "BORDER_FORCE");
        String airline = given.agency("Wizz Air gateway", "OTHER");
        gateway = given.user("gateway", airline, "CARRIER_GATEWAY");
        piu = given.user("piu", borderForce, "PASSENGER_DATA");
    }

    @BeforeAll
    void stopTheBrokerAfterTheApplication() {
        // Stopped with the application's beans, after its consumers have left
        EmbeddedKafkaKraftBroker started = broker;
        Path folder = inbox;
        ((DefaultSingletonBeanRegistry) context.getBeanFactory()).registerDisposableBean("testKafkaBroker", () -> {
            started.destroy();
            broker = null;
            System.clearProperty(BROKERS);
            System.clearProperty(EmbeddedKafkaBroker.SPRING_EMBEDDED_KAFKA_BROKERS);
            FileSystemUtils.deleteRecursively(folder);
        });
    }

    @Test
    void noOtherApplicationInThisProcessIsToldOfTheBroker() {
        assertThat(System.getProperty("spring.kafka.bootstrap-servers")).isNull();
    }

    @Test
    void aQueuedMessageIsAnsweredAsQueuedUntilANodeHasAppliedIt() {
        consumer().stop();
        Response sent;
        try {
            sent = send(pnrgov("Q1", "261130:0900", "011226", 1));
            assertThat(sent.status()).as(sent.raw().body()).isEqualTo(202);
            assertThat(sent.text("status")).as("never applied before it is").isEqualTo("QUEUED");
            assertThat(sent.json().path("bookings").asInt()).as("what was read").isEqualTo(1);
            assertThat(api.get(MESSAGES + "/" + sent.text("id"), gateway).text("status")).isEqualTo("QUEUED");
        } finally {
            consumer().start();
        }
        awaitStatus(sent.text("id"), "APPLIED");
        assertThat(api.get(MESSAGES + "/" + sent.text("id"), gateway).text("status")).isEqualTo("APPLIED");
        assertThat(jdbc.sql("SELECT card_hash FROM pd_booking WHERE message_id = :id").param("id", uuid(sent))
                .query(String.class).single()).as("the card linked by its keyed hash, as without Kafka")
                .isEqualTo(keyedHash.of("4111111111111111"));
    }

    @Test
    void eachFlightsMessagesAreAppliedInTheOrderTheyWereSent() {
        List<Generated> generated = new MessageGenerator(49).flights(4, 12);
        // Flight by flight in the generator's order (lists, then five pushes, newest last), the flights interleaved
        List<Generated> sends = new ArrayList<>();
        for (int message = 0; message < 7; message++) {
            for (int flight = 0; flight < 4; flight++) {
                sends.add(generated.get(flight * 7 + message));
            }
        }
        List<String> ids = new ArrayList<>();
        for (Generated message : sends) {
            Response sent = send(message.body());
            assertThat(sent.status()).as(message.label() + ": " + sent.raw().body()).isEqualTo(202);
            assertThat(sent.text("status")).as(message.label()).isIn("QUEUED", "APPLIED");
            ids.add(sent.text("id"));
        }
        Awaitility.await("every message applied").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT COUNT(*) FROM pd_message WHERE status = 'QUEUED'") == 0);
        for (int i = 0; i < ids.size(); i++) {
            // An older push applied after a newer one would be kept but not applied (PARSED)
            assertThat(statusOf(ids.get(i))).as(sends.get(i).label()).isEqualTo("APPLIED");
        }
        for (int flight = 0; flight < 4; flight++) {
            ParsedInterchange newestPush = generated.get(flight * 7 + 6).truth();
            assertThat(count("SELECT COUNT(*) FROM pd_booking b JOIN pd_message_flight f ON f.flight_id = b.flight_id"
                    + " WHERE f.message_id = '" + ids.get(6 * 4 + flight) + "'"))
                    .as("the flight holds its newest push's bookings").isEqualTo(newestPush.bookings());
        }
    }

    @Test
    void aFileDroppedInTheWatchedFolderIsQueuedMovedToDoneAndApplied() throws IOException {
        byte[] list = paxlst("F1", "2612061030", "2612061215");
        Files.write(inbox.resolve("W64301-queued.edi"), list);

        assertThat(watchedFolder.look()).as("first seen").isEqualTo(new Inbox.Look(0, 0, 1));
        assertThat(watchedFolder.look()).isEqualTo(new Inbox.Look(1, 0, 0));

        assertThat(inbox.resolve("done/W64301-queued.edi")).hasBinaryContent(list);
        String id = jdbc.sql("SELECT id FROM pd_message WHERE received_from = 'Inbox: W64301-queued.edi'")
                .query(String.class).single();
        awaitStatus(id, "APPLIED");
        assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE message_id = '" + id + "'")).isEqualTo(2);
    }

    @Test
    void aMessageTheBrokersDoNotTakeIsStoredNotAppliedAndAReplayAppliesIt(CapturedOutput output) {
        // A node whose brokers cannot be reached: nothing listens on port 1 of the loopback
        var producers = new DefaultKafkaProducerFactory<String, String>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 1000));
        try {
            KafkaTemplate<String, String> template = new KafkaTemplate<>(producers);
            template.setProducerListener(context.getBean(ProducerListener.class));
            PassengerDataQueue unreachable = new PassengerDataQueue(template,
                    context.getBean(JsonMapper.class), keyedHash, TOPIC, Duration.ofSeconds(1));
            PassengerDataIntake cutOff = new PassengerDataIntake(context.getBean(MessageRecords.class),
                    context.getBean(FlightRecords.class), context.getBean(FlightLinks.class),
                    context.getBean(TransactionTemplate.class), context, context.getBean(Clock.class),
                    Optional.of(unreachable));

            Receipt receipt = cutOff.receive(pnrgov("U1", "261206:0900", "071226", 1), "test: brokers away");

            assertThat(receipt.status()).as("stored, not applied, and not said to be queued")
                    .isEqualTo(MessageStatus.RECEIVED);
            Response replayed = api.post(MESSAGES + "/" + receipt.id() + "/replay", "", piu);
            assertThat(replayed.text("status")).isEqualTo("APPLIED");
            assertThat(output).as("the record's failure logged without its card's hash")
                    .contains("Exception thrown when sending a message")
                    .doesNotContain(keyedHash.of("4111111111111111").substring(0, 12));
        } finally {
            producers.destroy();
        }
    }

    @Test
    void aMessageKeptButNeverQueuedWhenItsNodeStoppedIsQueuedWhenItsSenderSendsItAgain() {
        byte[] push = pnrgov("K1", "261203:0900", "041226", 1);
        ParsedInterchange parsed = new EdifactReader().read(push);
        // What a node leaves when it stops between storing a message and putting it on the queue
        UUID kept = messages.store(new MessageRecords.NewMessage(PassengerDataIntake.sha256(push),
                PassengerDataIntake.blank(push, parsed), push.length, "node stopped", null, Instant.now(), parsed,
                null));
        messages.status(kept, MessageStatus.QUEUED);

        Response again = send(push);

        assertThat(again.text("id")).isEqualTo(kept.toString());
        awaitStatus(kept.toString(), "APPLIED");
        assertThat(jdbc.sql("SELECT card_hash FROM pd_booking WHERE message_id = :id").param("id", kept)
                .query(String.class).single()).as("the card's hash from the bytes sent again")
                .isEqualTo(keyedHash.of("4111111111111111"));
    }

    @Test
    void aRecordDeliveredTwiceIsAppliedOnce() {
        byte[] list = paxlst("R1", "2612021030", "2612021215");
        consumer().stop();
        Response sent;
        try {
            sent = send(list);
            assertThat(sent.text("status")).isEqualTo("QUEUED");
            // The same record a second time, as after a consumer lost its place
            assertThat(queue.publish(uuid(sent), new EdifactReader().read(list))).isTrue();
        } finally {
            consumer().start();
        }
        // A later message of the same flight goes to the same partition, behind both copies
        Response push = send(pnrgov("R2", "261201:0900", "021226", 2));
        awaitStatus(push.text("id"), "APPLIED");

        assertThat(statusOf(sent.text("id"))).isEqualTo("APPLIED");
        assertThat(count("SELECT COUNT(*) FROM pd_message_flight WHERE message_id = '" + sent.text("id") + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE message_id = '" + sent.text("id") + "'"))
                .as("its two passengers, once").isEqualTo(2);
    }

    @Test
    void aMessageThatCannotBeAppliedIsSetAsideOnTheDeadLetterTopicAndInTheFailedQueueAndReplayedAfterAFix() {
        Response earlier = send(paxlst("D0", "2612041030", "2612041215"));
        awaitStatus(earlier.text("id"), "APPLIED");
        String someFlight = jdbc.sql("SELECT flight_id FROM pd_message_flight WHERE message_id = :id")
                .param("id", uuid(earlier)).query(String.class).single();

        consumer().stop();
        Response sent;
        try {
            sent = send(paxlst("D1", "2612051030", "2612051215"));
            assertThat(sent.text("status")).isEqualTo("QUEUED");
            // A fault while it is applied: a row in the way that the database refuses to have twice
            jdbc.sql("INSERT INTO pd_message_flight (message_id, ordinal, flight_id) VALUES (:id, 0, :flight)")
                    .param("id", uuid(sent)).param("flight", UUID.fromString(someFlight)).update();
        } finally {
            consumer().start();
        }
        awaitStatus(sent.text("id"), "FAILED");

        Response failed = api.get(MESSAGES + "/" + sent.text("id"), piu);
        assertThat(failed.json().path("failure").path("message").asString())
                .contains("could not apply this message from the passenger data queue", "3 times",
                        "can be replayed once the fault is fixed");
        Response queueOfFailed = api.get(MESSAGES + "?status=FAILED", piu);
        assertThat(queueOfFailed.json().valueStream().map(m -> m.path("id").asString()).toList())
                .as("on the failed queue").contains(sent.text("id"));

        ConsumerRecord<String, String> deadLetter = deadLetterOf(sent.text("id"));
        assertThat(deadLetter.key()).isEqualTo("W6 4301 2026-12-05");
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-fqcn")).as("the kind of fault").isNotNull();
        assertThat(deadLetter.headers().lastHeader("kafka_dlt-exception-message")).as("not its text").isNull();
        assertThat(deadLetter.value()).as("an id and hashes, never the message").doesNotContain("IVANOVA");

        // The fault fixed, a replay applies it
        jdbc.sql("DELETE FROM pd_message_flight WHERE message_id = :id").param("id", uuid(sent)).update();
        Response replayed = api.post(MESSAGES + "/" + sent.text("id") + "/replay", "", piu);
        assertThat(replayed.status()).as(replayed.raw().body()).isEqualTo(202);
        assertThat(replayed.text("status")).isEqualTo("APPLIED");
        assertThat(replayed.json().path("passengers").asInt()).isEqualTo(2);
    }

    private Response send(byte[] body) {
        return api.sendBytes(MESSAGES, "application/edifact", body, gateway);
    }

    private MessageListenerContainer consumer() {
        return listeners.getListenerContainer("waymark-passenger-data");
    }

    private void awaitStatus(String id, String status) {
        Awaitility.await("message " + id + " " + status).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50)).until(() -> status.equals(statusOf(id)));
    }

    private String statusOf(String id) {
        return jdbc.sql("SELECT status FROM pd_message WHERE id = :id").param("id", UUID.fromString(id))
                .query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static UUID uuid(Response sent) {
        return UUID.fromString(sent.text("id"));
    }

    private ConsumerRecord<String, String> deadLetterOf(String id) {
        Properties properties = new Properties();
        properties.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "dead-letter-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(properties)) {
            reader.subscribe(List.of(DEAD_LETTERS));
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            Awaitility.await("the dead-letter record").atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().contains(id)) {
                        found.add(record);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
