package org.waymark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.shared.Disposal;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.TestClock;

import tools.jackson.databind.JsonNode;

/**
 * Passenger data on its own clock, moved on by the test: masked 48 hours after its flight lands
 * (names, dates of birth, documents, payers and contacts gone, the message as received emptied,
 * each flight's count kept), deleted 30 days after it (the flight and its count still there),
 * every step in the register and the audit log; a traveller kept for an enhanced check is left
 * alone and goes with the check; a failed message is masked 48 hours after it came; a message
 * arriving after its flight was masked is kept, not applied. Runs on H2 and on PostgreSQL. The clock only moves forward, so the tests run in order.
 */
@TestPropertySource(properties = { "waymark.scheduling.enabled=false" })
@Import(TestClock.InUse.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PassengerDataRetentionTest extends ApiTests {

    private static final DateTimeFormatter EDIFACT = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final DateTimeFormatter PNR_DAY = DateTimeFormatter.ofPattern("ddMMyy");
    private static final DateTimeFormatter PNR_PREPARED = DateTimeFormatter.ofPattern("yyMMdd:HHmm");

    @Autowired
    TestClock clock;
    @Autowired
    PassengerDataIntake intake;
    @Autowired
    Retention retention;
    @Autowired
    JdbcClient jdbc;

    String charity;
    final Map<String, String> emails = new HashMap<>();

    @BeforeAll
    void people() {
        String police = given.agency("Essex Police", "POLICE");
        charity = given.agency("Justice & Care", "CHARITY");
        user("coordinator", police, "COORDINATOR");
        user("officer", police, "OFFICER");
    }

    @Test
    @Order(1)
    void passengerDataIsMaskedTwoDaysAfterItsFlightAndDeletedAfterThirtyKeepingTheCounts() {
        Flight flight = flight("4101");
        UUID paxlst = flight.paxlst();
        UUID pnr = flight.pnrgov();
        UUID flightId = flightOf(paxlst);
        UUID kept = traveller(flightId, "PETROV");
        jdbc.sql("INSERT INTO pd_kept_for_check (traveller_id, check_id, kept_at) VALUES (?, ?, ?)")
                .params(kept, UUID.randomUUID(), Timestamp.from(clock.instant())).update();
        jdbc.sql("UPDATE pd_booking SET payer_name = 'DIMOV GEORGI', travel_agency = 'SOFIA TRAVEL 123' WHERE flight_id = ?")
                .param(flightId).update(); // as a fuller PNR says who paid and through which agency
        assertThat(passengers(flightId)).isEqualTo(2);
        assertThat(names(flightId)).contains("IVANOVA", "PETROV");
        Receipt failed = intake.receive(("not EDIFACT at all " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII),
                "test");
        assertThat(failed.status()).isEqualTo(MessageStatus.FAILED);

        assertThat(retention.runPassengerData().maskedTotal()).as("the flight has not landed").isZero();
        JsonNode overview = overview();
        assertThat(overview.path("toMaskNow").asLong()).isZero();
        assertThat(overview.path("toMaskSoon").asLong()).as("the flight and its 3 messages").isEqualTo(4);
        assertThat(overview.path("period").asString()).isEqualTo("P30D");

        clock.advance(Duration.ofHours(46));
        assertThat(retention.runPassengerData().maskedTotal()).as("46 hours on, 41 after landing").isZero();
        clock.advance(Duration.ofHours(7));
        assertThat(overview().path("toMaskNow").asLong()).isEqualTo(4);
        Retention.Run ran = run();
        assertThat(ran.masked().get(RecordClass.PASSENGER_DATA)).isEqualTo(4);

        assertThat(names(flightId)).as("the kept traveller is untouched").containsExactlyInAnyOrder(
                Disposal.MARKER, "PETROV", Disposal.MARKER, Disposal.MARKER);
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM pd_traveller WHERE flight_id = ? AND id <> ?
                AND (birth_date IS NOT NULL OR document_number <> ? OR given_names <> ?)""")
                .params(flightId, kept, Disposal.MARKER, Disposal.MARKER).query(Long.class).single())
                .as("no date of birth, document or given name left but the kept one's").isZero();
        assertThat(jdbc.sql("SELECT birth_date FROM pd_traveller WHERE id = ?").param(kept).query(Object.class)
                .single()).isNotNull();
        assertThat(jdbc.sql("SELECT payer_name, travel_agency FROM pd_booking WHERE flight_id = ?").param(flightId)
                .query((rs, row) -> rs.getString(1) + "|" + rs.getString(2)).list())
                .as("the payer is a person; the agency is not").containsExactly(Disposal.MARKER + "|SOFIA TRAVEL 123");
        assertThat(jdbc.sql("SELECT normalised FROM pd_contact c JOIN pd_booking b ON b.id = c.booking_id WHERE b.flight_id = ?")
                .param(flightId).query(String.class).list()).isNotEmpty().containsOnly(Disposal.MARKER);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_booking WHERE flight_id = ? AND card_hash IS NOT NULL")
                .param(flightId).query(Long.class).single()).isZero();
        for (UUID message : List.of(paxlst, pnr, failed.id())) {
            assertThat(jdbc.sql("SELECT raw FROM pd_message WHERE id = ?").param(message).query(byte[].class)
                    .optional()).as("emptied").isEmpty();
            assertThat(register(message)).containsExactly("MASKED");
            assertThat(actions(message)).contains("RECORD_MASKED");
        }
        assertThat(register(flightId)).containsExactly("MASKED");
        assertThat(passengers(flightId)).as("the count is kept").isEqualTo(2);
        assertThat(api.post("/api/v1/passenger-data/messages/" + failed.id() + "/replay", null, admin()).status())
                .as("a masked message can no longer be replayed").isEqualTo(422);

        Receipt late = intake.receive(Messages.paxlst("4199", flight.departure(), flight.arrival()), "test");
        assertThat(late.status()).as("a late message is kept, not applied").isEqualTo(MessageStatus.PARSED);
        assertThat(names(flightId)).doesNotContain("IVANOVA");
        assertThat(run().masked().get(RecordClass.PASSENGER_DATA)).as("only the late message").isEqualTo(1);
        assertThat(run().maskedTotal() + run().deletedTotal()).as("a second run finds nothing more").isZero();

        clock.advance(Duration.ofDays(27));
        assertThat(run().deletedTotal()).isZero();
        clock.advance(Duration.ofDays(2));
        assertThat(overview().path("toDeleteNow").asLong()).as("the flight and the messages but the kept one's")
                .isEqualTo(4);
        ran = run();
        assertThat(ran.deleted().get(RecordClass.PASSENGER_DATA)).isEqualTo(4);
        assertThat(jdbc.sql("SELECT id FROM pd_traveller WHERE flight_id = ?").param(flightId).query(UUID.class)
                .list()).as("only the kept traveller").containsExactly(kept);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM pd_booking WHERE flight_id = ?").param(flightId).query(Long.class)
                .single()).as("the kept traveller's booking (the PNR's travellers were not kept)").isZero();
        assertThat(passengers(flightId)).as("the count is still there").isEqualTo(2);
        assertThat(jdbc.sql("SELECT deleted_at FROM pd_flight WHERE id = ?").param(flightId).query(Timestamp.class)
                .single()).isNotNull();
        assertThat(register(flightId)).containsExactly("DELETED", "MASKED");
        assertThat(register(pnr)).containsExactly("DELETED", "MASKED");
        assertThat(register(failed.id())).containsExactly("DELETED", "MASKED");
        assertThat(register(paxlst)).as("the kept traveller came from it: it waits").containsExactly("MASKED");
        assertThat(actions(flightId)).contains("RECORD_MASKED", "RECORD_DELETED");
        assertThat(api.get("/api/v1/passenger-data/messages/" + pnr, admin()).status()).isEqualTo(404);
        assertThat(run().maskedTotal() + run().deletedTotal()).as("a second run finds nothing more").isZero();
    }

    @Test
    @Order(2)
    void aTravellerKeptForAnEnhancedCheckGoesWithTheCheck() {
        Flight flight = flight("4202");
        UUID flightId = flightOf(flight.paxlst());
        UUID kept = traveller(flightId, "IVANOVA");
        String operation = given.operation().withPartners(charity).plannedBy(as("coordinator"));
        String check = given.check(operation, Map.of("location", "Arrivals hall", "category", "POTENTIAL_VICTIM",
                "person", Map.of("name", "Maria", "under18", "NO", "gender", "FEMALE", "nationality", "BG",
                        "languages", List.of("bg"))), as("officer"));
        assertThat(api.post("/api/v1/checks/" + check + "/outcome", json(Map.of("outcomes",
                List.of("SAFEGUARDING_ADVICE"))), as("officer")).status()).isEqualTo(200);
        jdbc.sql("INSERT INTO pd_kept_for_check (traveller_id, check_id, kept_at) VALUES (?, ?, ?)")
                .params(kept, UUID.fromString(check), Timestamp.from(clock.instant())).update();

        clock.advance(Duration.ofDays(31));
        run();
        assertThat(names(flightId)).as("the flight's data is gone but the kept traveller").containsExactly("IVANOVA");

        clock.advance(Duration.ofDays(60));
        Retention.Run ran = run();
        assertThat(ran.masked().get(RecordClass.CHECK_WITHOUT_REFERRAL)).as("the check and its traveller")
                .isEqualTo(2);
        assertThat(names(flightId)).containsExactly(Disposal.MARKER);
        assertThat(register(kept)).containsExactly("MASKED");

        clock.advance(Duration.ofDays(31));
        ran = run();
        assertThat(ran.deleted().get(RecordClass.CHECK_WITHOUT_REFERRAL)).isEqualTo(2);
        assertThat(names(flightId)).isEmpty();
        assertThat(register(kept)).containsExactly("DELETED", "MASKED");
        assertThat(passengers(flightId)).isEqualTo(2);
        assertThat(register(flight.paxlstId())).as("and its message, freed, with it")
                .containsExactly("DELETED", "MASKED");
    }

    /** A flight of W6 from Sofia to Stansted leaving in two hours, with its API and PNR messages. */
    private final class Flight {
        private final String number;
        private final Instant leaves;
        private UUID paxlstId;

        Flight(String number) {
            this.number = number;
            this.leaves = clock.instant().plus(Duration.ofHours(2));
        }

        String departure() {
            return EDIFACT.format(leaves.atZone(ZoneId.of("Europe/Sofia")));
        }

        String arrival() {
            return EDIFACT.format(leaves.plus(Duration.ofMinutes(165)).atZone(ZoneId.of("Europe/London")));
        }

        UUID paxlst() {
            paxlstId = receive(Messages.paxlst(number, departure(), arrival()));
            return paxlstId;
        }

        UUID paxlstId() {
            return paxlstId;
        }

        UUID pnrgov() {
            return receive(Messages.pnrgov(number + "1", PNR_PREPARED.format(clock.instant().atZone(ZoneId.of("UTC"))),
                    PNR_DAY.format(leaves.atZone(ZoneId.of("Europe/Sofia"))), 2));
        }
    }

    private Flight flight(String number) {
        return new Flight(number);
    }

    private UUID receive(byte[] message) {
        Receipt receipt = intake.receive(message, "test");
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(MessageStatus.APPLIED);
        return receipt.id();
    }

    private UUID flightOf(UUID message) {
        return jdbc.sql("SELECT flight_id FROM pd_message_flight WHERE message_id = ?").param(message)
                .query(UUID.class).single();
    }

    private UUID traveller(UUID flight, String familyName) {
        return jdbc.sql("SELECT id FROM pd_traveller WHERE flight_id = ? AND family_name = ? AND source = 'PAXLST'")
                .params(flight, familyName).query(UUID.class).single();
    }

    private List<String> names(UUID flight) {
        return jdbc.sql("SELECT family_name FROM pd_traveller WHERE flight_id = ?").param(flight).query(String.class)
                .list();
    }

    private int passengers(UUID flight) {
        return jdbc.sql("SELECT passengers FROM pd_flight WHERE id = ?").param(flight).query(Integer.class).single();
    }

    /** The run an administrator asks for, through the API, as the page does. */
    private Retention.Run run() {
        Response response = api.post("/api/v1/retention/runs", null, admin());
        assertThat(response.status()).as(response.raw().body()).isEqualTo(200);
        JsonNode run = response.json();
        Map<RecordClass, Long> masked = new java.util.EnumMap<>(RecordClass.class);
        Map<RecordClass, Long> deleted = new java.util.EnumMap<>(RecordClass.class);
        run.path("masked").properties().forEach(e -> masked.put(RecordClass.valueOf(e.getKey()), e.getValue().asLong()));
        run.path("deleted").properties().forEach(e -> deleted.put(RecordClass.valueOf(e.getKey()), e.getValue().asLong()));
        return new Retention.Run(masked, deleted);
    }

    /** The passenger data row of the overview, as administrators get it. */
    private JsonNode overview() {
        JsonNode overview = api.get("/api/v1/retention", admin()).json();
        assertThat(overview.path("policy").path("passengerDataMask").asString()).isEqualTo("PT48H");
        return overview.path("classes").valueStream()
                .filter(row -> row.path("recordClass").asString().equals("PASSENGER_DATA")).findFirst().orElseThrow();
    }

    private List<String> actions(UUID record) {
        return api.get("/api/v1/audit?recordId=" + record, admin()).json().valueStream()
                .map(entry -> entry.path("action").asString()).toList();
    }

    /** The register's disposals of the record, newest first. */
    private List<String> register(UUID record) {
        return api.get("/api/v1/retention/disposals?size=500", admin()).json().valueStream()
                .filter(entry -> record.toString().equals(entry.path("recordId").asString()))
                .map(entry -> entry.path("action").asString()).toList();
    }

    private String as(String who) {
        return given.tokenOf(emails.get(who));
    }

    private String admin() {
        return bearer(api.token(ADMIN, PASSWORD));
    }

    private void user(String name, String agency, String role) {
        emails.put(name, given.userWithEmail(name, name + "-" + UUID.randomUUID() + "@waymark.test", agency, role));
    }
}
