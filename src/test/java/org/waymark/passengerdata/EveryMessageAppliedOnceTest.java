package org.waymark.passengerdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.waymark.passengerdata.edifact.EdifactReader;
import org.waymark.passengerdata.edifact.Manifest;
import org.waymark.passengerdata.edifact.MessageType;
import org.waymark.passengerdata.edifact.ParsedInterchange;
import org.waymark.passengerdata.generator.MessageGenerator;
import org.waymark.passengerdata.generator.MessageGenerator.Generated;
import org.waymark.support.DatabaseTests;

/**
 * Every message the generator writes, sent twice over in a shuffled order by four senders at
 * once, is kept once and applied once: each flight ends as its newest messages say, whatever
 * order they came in; the damaged ones are read with warnings or wait in the failed queue. Runs
 * on H2 and on PostgreSQL.
 */
@SpringBootTest
@TestPropertySource(properties = { "waymark.scheduling.enabled=false" })
class EveryMessageAppliedOnceTest extends DatabaseTests {

    @Autowired
    PassengerDataIntake intake;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MessageRecords messages;

    @Test
    void everyMessageIsAppliedExactlyOnceHoweverOftenAndInWhateverOrderItIsSent() throws Exception {
        List<Generated> generated = new MessageGenerator(2026).flights(4, 50);
        List<Generated> sends = new ArrayList<>(generated);
        sends.addAll(generated);
        Collections.shuffle(sends, new Random(7));

        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<Receipt>> receipts = new ArrayList<>();
        try {
            for (Generated message : sends) {
                receipts.add(senders.submit(() -> intake.receive(message.body(), "applied once: " + message.label())));
            }
            for (Future<Receipt> receipt : receipts) {
                if (!receipt.get().duplicate()) {
                    // a copy answered while the first is still being applied says RECEIVED, truly
                    assertThat(receipt.get().status()).isIn(MessageStatus.APPLIED, MessageStatus.PARSED);
                }
            }
        } finally {
            senders.shutdown();
        }

        assertThat(count("SELECT COUNT(*) FROM pd_message WHERE received_from LIKE 'applied once:%'")).as("each kept once").isEqualTo(generated.size());
        assertThat(receipts.stream().filter(r -> get(r).duplicate()).count()).isEqualTo(generated.size());
        assertThat(count("SELECT COUNT(*) FROM pd_message WHERE received_from LIKE 'applied once:%'"
                + " AND status NOT IN ('APPLIED', 'PARSED')")).isZero();

        // Per flight, in the generator's order: the passenger list, the crew list, then five pushes, newest last
        for (int flight = 0; flight < 4; flight++) {
            ParsedInterchange passengerList = generated.get(flight * 7).truth();
            ParsedInterchange newestPush = generated.get(flight * 7 + 6).truth();
            Manifest listed = passengerList.manifests().get(0);
            String id = flightId(listed);

            assertThat(count("SELECT passengers FROM pd_flight WHERE id = '" + id + "'"))
                    .as("passengers by the API list").isEqualTo(passengerList.passengers());
            assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE flight_id = '" + id + "' AND source = 'PAXLST'"
                    + " AND type <> 'CREW'")).isEqualTo(passengerList.passengers());
            assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE flight_id = '" + id + "' AND type = 'CREW'"))
                    .as("the crew list, apart").isEqualTo(generated.get(flight * 7 + 1).truth().manifests().get(0)
                            .travellers().size());
            assertThat(newestPush.type()).isEqualTo(MessageType.PNRGOV);
            assertThat(count("SELECT COUNT(*) FROM pd_booking WHERE flight_id = '" + id + "'"))
                    .as("bookings of the newest push only").isEqualTo(newestPush.bookings());
            assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE flight_id = '" + id + "' AND source = 'PNRGOV'"))
                    .isEqualTo(newestPush.manifests().get(0).travellers().size());
        }
    }

    @Test
    void aMessageKeptButNotAppliedWhenItsNodeStoppedIsAppliedWhenItsSenderSendsItAgain() {
        Generated list = new MessageGenerator(31).flights(1, 20).get(0);
        // What a node leaves when it stops between storing a message and applying it: kept, never answered
        ParsedInterchange parsed = new EdifactReader().read(list.body());
        UUID kept = messages.store(new MessageRecords.NewMessage(PassengerDataIntake.sha256(list.body()),
                PassengerDataIntake.blank(list.body(), parsed), list.body().length, "node stopped", null,
                Instant.now(), parsed, null));

        Receipt again = intake.receive(list.body(), "node stopped: sent again");

        assertThat(again.duplicate()).isTrue();
        assertThat(again.id()).isEqualTo(kept);
        assertThat(again.status()).as("applied now, not left waiting for a replay").isEqualTo(MessageStatus.APPLIED);
        assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE source = 'PAXLST' AND type <> 'CREW'"
                + " AND flight_id IN (SELECT flight_id FROM pd_message_flight WHERE message_id = '" + kept + "')"))
                .isEqualTo(list.truth().passengers());
        assertThat(intake.receive(list.body(), "node stopped: a third time").status()).isEqualTo(MessageStatus.APPLIED);
        assertThat(count("SELECT COUNT(*) FROM pd_traveller WHERE source = 'PAXLST' AND type <> 'CREW'"
                + " AND flight_id IN (SELECT flight_id FROM pd_message_flight WHERE message_id = '" + kept + "')"))
                .as("once").isEqualTo(list.truth().passengers());
    }

    @Test
    void damagedMessagesAreReadWithWarningsOrWaitInTheFailedQueue() {
        for (Generated message : new MessageGenerator(5).damaged()) {
            Receipt receipt = intake.receive(message.body(), "test: " + message.label());
            if (message.readable()) {
                assertThat(receipt.status()).as(message.label()).isIn(MessageStatus.APPLIED, MessageStatus.PARSED);
            } else {
                assertThat(receipt.status()).as(message.label()).isEqualTo(MessageStatus.FAILED);
                assertThat(receipt.failure().message()).as(message.label()).isNotBlank();
            }
        }
    }

    private String flightId(Manifest manifest) {
        return jdbc.sql("""
                SELECT id FROM pd_flight WHERE carrier = :carrier AND number = :number AND origin = :origin
                AND departure_date = :day""")
                .param("carrier", manifest.flight().carrier()).param("number", manifest.flight().number())
                .param("origin", manifest.flight().origin())
                .param("day", java.sql.Date.valueOf(manifest.flight().departure().toLocalDate()))
                .query(String.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static Receipt get(Future<Receipt> receipt) {
        try {
            return receipt.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
