package org.waymark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.waymark.support.ApiClient.bearer;
import static org.waymark.support.ApiClient.json;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.waymark.passengerdata.Messages;
import org.waymark.passengerdata.MessageStatus;
import org.waymark.passengerdata.PassengerDataIntake;
import org.waymark.passengerdata.Receipt;
import org.waymark.screening.review.HitKind;
import org.waymark.screening.review.Hits;
import org.waymark.screening.review.NewHit;
import org.waymark.screening.review.Outcomes;
import org.waymark.screening.review.Precision;
import org.waymark.shared.Disposal;
import org.waymark.shared.FlightId;
import org.waymark.shared.OperationId;
import org.waymark.support.ApiClient.Response;
import org.waymark.support.ApiTests;
import org.waymark.support.TestClock;

import tools.jackson.databind.JsonNode;

/**
 * Screening's hits and requests to officers on their passenger data's clock, moved on by the
 * test: 48 hours after its flight lands, a flight's hits and requests name no one (name, seat,
 * reasons, notes, the person key and the watch list entry gone), the open one closes, the queue
 * and the flight's page no longer show the passenger, each is in the register and the audit log,
 * and every rule's and list's figures read the same; the hits of a flight not due are untouched.
 * Runs on H2 and on PostgreSQL.
 */
@TestPropertySource(properties = { "waymark.scheduling.enabled=false" })
@Import(TestClock.InUse.class)
class ScreeningRetentionTest extends ApiTests {

    private static final DateTimeFormatter EDIFACT = DateTimeFormatter.ofPattern("yyMMddHHmm");
    private static final String NEUTRAL = "A routine welfare conversation: check that they are travelling safely.";

    @Autowired
    TestClock clock;
    @Autowired
    PassengerDataIntake intake;
    @Autowired
    Hits hits;
    @Autowired
    Outcomes outcomes;
    @Autowired
    JdbcClient jdbc;

    String operation;
    String reviewer;
    String officer;
    String coordinator;

    @BeforeAll
    void people() {
        String police = given.agency("Essex Police", "POLICE");
        String borderForce = given.agency("Border Force PIU", "BORDER_FORCE");
        coordinator = given.userWithEmail("Cat", "coordinator-" + UUID.randomUUID() + "@waymark.test", police,
                "COORDINATOR");
        officer = given.userWithEmail("Oli", "officer-" + UUID.randomUUID() + "@waymark.test", police, "OFFICER");
        reviewer = given.userWithEmail("Pia", "piu-" + UUID.randomUUID() + "@waymark.test", borderForce,
                "PASSENGER_DATA");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        operation = given.operation().between(today, today.plusDays(10)).withPartners(borderForce)
                .plannedBy(as(coordinator));
    }

    @Test
    void hitsAndRequestsAreMaskedWithTheirFlightsPassengerDataAndTheFiguresStay() {
        Instant leaves = clock.instant().plus(Duration.ofHours(2));
        UUID pdFlight = flightOf(receive(Messages.paxlst("4101", departure(leaves), arrival(leaves))));
        Instant later = leaves.plus(Duration.ofDays(5));
        UUID laterPdFlight = flightOf(receive(Messages.paxlst("4102", departure(later), arrival(later))));
        UUID traveller = jdbc.sql("SELECT id FROM pd_traveller WHERE flight_id = ? AND family_name = 'IVANOVA'")
                .param(pdFlight).query(UUID.class).single();
        FlightId flight = operationFlight("W64101");
        FlightId laterFlight = operationFlight("W64102");
        UUID rule = UUID.randomUUID();
        UUID version = UUID.randomUUID();
        UUID list = UUID.randomUUID();
        UUID entry = UUID.randomUUID();

        UUID asked = hit(flight, pdFlight, traveller, "key maria", "IVANOVA, MARIA", "12A", HitKind.RULE, version,
                rule, "Family name same after transliteration Иванова → Ivanova");
        UUID noConcern = hit(flight, pdFlight, null, "key ivan", "PETROV, IVAN", "12B", HitKind.RULE, version, rule,
                "Paid for by IVANOVA, MARIA, who travels");
        UUID open = hit(flight, pdFlight, null, "key elena", "DIMOVA, ELENA", "3C", HitKind.RULE, version, rule,
                "One-way ticket");
        UUID watched = hit(flight, pdFlight, traveller, "key maria", "IVANOVA, MARIA", "12A", HitKind.WATCH_LIST,
                entry, list, "Name close to IVANOVA, MARIYA");
        UUID laterHit = hit(laterFlight, laterPdFlight, null, "key nadia", "PETROVA, NADIA", "4D", HitKind.RULE,
                version, rule, "One-way ticket");
        decide(asked, Map.of("decision", "ASK", "description", "Red coat, about 20", "why", NEUTRAL));
        decide(laterHit, Map.of("decision", "ASK", "description", "Green scarf", "why", NEUTRAL));
        UUID askedRequest = jdbc.sql("SELECT id FROM screening_request WHERE hit_id = ?").param(asked)
                .query(UUID.class).single();
        Response result = api.post(requests(flight) + "/" + askedRequest + "/result",
                json(Map.of("result", "SPOKE_WITH", "note", "Maria is travelling to study")), as(officer));
        assertThat(result.status()).as(result.raw().body()).isEqualTo(204);
        decide(noConcern, Map.of("decision", "NO_CONCERN", "note", "Travelling with her brother Ivan"));
        decide(watched, Map.of("decision", "REFER_ELSEWHERE", "referredTo", "Kent Police PIU, for Maria"));

        Precision ruleBefore = outcomes.forRule(rule);
        Precision listBefore = outcomes.forWatchList(list);
        assertThat(ruleBefore).isEqualTo(new Precision(4, 3, 2, 1, 0, 0, 1, 0));
        assertThat(listBefore).isEqualTo(new Precision(1, 1, 0, 0, 0, 0, 0, 1));
        assertThat(queue().toString()).contains("IVANOVA, MARIA", "DIMOVA, ELENA", "PETROVA, NADIA");
        assertThat(api.get(requests(flight), as(officer)).raw().body()).contains("IVANOVA, MARIA");

        clock.advance(Duration.ofHours(46));
        assertThat(run().maskedTotal()).as("the flight landed 41 hours ago").isZero();
        clock.advance(Duration.ofHours(7));
        assertThat(overview().path("toMaskNow").asLong()).as("the flight, its message, 4 hits and a request")
                .isEqualTo(7);
        Retention.Run ran = run();
        assertThat(ran.masked().get(RecordClass.PASSENGER_DATA)).isEqualTo(7);

        List<String> kept = jdbc.sql("""
                SELECT CONCAT(name, '|', COALESCE(seat, '-'), '|', reasons, '|', person_key, '|',
                    COALESCE(decision_note, '-'), '|', COALESCE(referred_to, '-'), '|',
                    COALESCE(CAST(traveller_id AS VARCHAR(36)), '-'), '|', CAST(source_id AS VARCHAR(36)))
                FROM screening_hit WHERE pd_flight_id = ?""").param(pdFlight).query(String.class).list();
        assertThat(kept).hasSize(4).allSatisfy(row -> assertThat(row).startsWith(Disposal.MARKER + "|-|"
                + Disposal.MARKER + "|" + Disposal.MARKER + " ").doesNotContain("IVAN", "Иван", "MARIA", "12A", "key ",
                        "Kent", traveller.toString(), entry.toString()));
        assertThat(statuses(pdFlight)).as("the open hit can no longer be acted on").containsExactlyInAnyOrder(
                "ASKED RULE", "NO_CONCERN RULE", "EXPIRED RULE", "REFERRED_ELSEWHERE WATCH_LIST");
        assertThat(jdbc.sql("""
                SELECT CONCAT(name, '|', COALESCE(seat, '-'), '|', description, '|', why, '|', result_note, '|', result)
                FROM screening_request WHERE id = ?""").param(askedRequest).query(String.class).single())
                .isEqualTo(String.join("|", Disposal.MARKER, "-", Disposal.MARKER, Disposal.MARKER, Disposal.MARKER,
                        "SPOKE_WITH"));
        assertThat(outcomes.forRule(rule)).as("every figure reads the same").isEqualTo(ruleBefore);
        assertThat(outcomes.forWatchList(list)).isEqualTo(listBefore);
        assertThat(outcomes.forPeople(List.of("key maria", "key ivan", "key nadia")))
                .as("no one is known by their names and date of birth any more but the later flight's")
                .containsOnlyKeys("key nadia");

        String queue = queue().toString();
        assertThat(queue).doesNotContain("IVANOVA", "PETROV, IVAN", "DIMOVA", "12A").contains("PETROVA, NADIA");
        assertThat(queue().path("open").asInt()).as("the expired hit is not open").isZero();
        assertThat(queue().path("expired").asInt()).isEqualTo(1);
        assertThat(api.get(requests(flight), as(officer)).json()).as("the flight's page asks no one now").isEmpty();
        assertThat(api.get(requests(laterFlight), as(officer)).raw().body()).contains("PETROVA, NADIA", "Green scarf");
        Response late = api.post("/api/v1/screening/hits/" + open + "/decision", json(Map.of("decision",
                "NO_CONCERN")), as(reviewer));
        assertThat(late.status()).as("an expired hit can no longer be decided").isEqualTo(409);

        assertThat(jdbc.sql("SELECT CONCAT(name, '|', seat, '|', reasons, '|', person_key) FROM screening_hit WHERE id = ?")
                .param(laterHit).query(String.class).single()).as("the later flight's hit is untouched")
                .isEqualTo("PETROVA, NADIA|4D|One-way ticket|key nadia");
        assertThat(jdbc.sql("SELECT description FROM screening_request WHERE hit_id = ?").param(laterHit)
                .query(String.class).single()).isEqualTo("Green scarf");

        for (UUID hit : List.of(asked, noConcern, open, watched)) {
            assertThat(register(hit)).containsExactly("MASKED");
            assertThat(actions(hit)).contains("RECORD_MASKED");
        }
        assertThat(register(askedRequest)).containsExactly("MASKED");
        assertThat(actions(askedRequest)).contains("RECORD_MASKED");
        assertThat(register(laterHit)).isEmpty();
        assertThat(run().maskedTotal() + run().deletedTotal()).as("a second run finds nothing more").isZero();

        // A hit recorded late for a flight masked already is masked at the next run.
        UUID straggler = hit(flight, pdFlight, null, "key late", "LATE, LARA", "9F", HitKind.RULE, version, rule,
                "One-way ticket");
        assertThat(run().masked().get(RecordClass.PASSENGER_DATA)).isEqualTo(1);
        assertThat(register(straggler)).containsExactly("MASKED");

        clock.advance(Duration.ofDays(30));
        run();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM screening_hit WHERE pd_flight_id = ?").param(pdFlight)
                .query(Integer.class).single()).as("masked hits are kept, naming no one, for the figures")
                .isEqualTo(5);
        assertThat(outcomes.forRule(rule).hits()).isEqualTo(5);
        assertThat(register(asked)).containsExactly("MASKED");
    }

    private UUID hit(FlightId flight, UUID pdFlight, UUID traveller, String personKey, String name, String seat,
            HitKind kind, UUID source, UUID owner, String reason) {
        return hits.record(new NewHit(new OperationId(UUID.fromString(operation)), flight, pdFlight, traveller,
                personKey, name, seat, clock.instant().plus(Duration.ofHours(2)), kind, source, owner,
                kind == HitKind.RULE ? "Ticket bought by someone else" : "Missing persons", 2,
                kind == HitKind.RULE ? null : 0.9, List.of(reason)));
    }

    private JsonNode decide(UUID hit, Map<String, String> decision) {
        Response decided = api.post("/api/v1/screening/hits/" + hit + "/decision", json(decision), as(reviewer));
        assertThat(decided.status()).as(decided.raw().body()).isEqualTo(200);
        return decided.json();
    }

    private List<String> statuses(UUID pdFlight) {
        return jdbc.sql("SELECT CONCAT(status, ' ', kind) FROM screening_hit WHERE pd_flight_id = ?").param(pdFlight)
                .query(String.class).list();
    }

    private JsonNode queue() {
        Response queue = api.get("/api/v1/screening/operations/" + operation
                + "/hits?purpose=THE_OPERATION&purposeText=Reviewing", as(reviewer));
        assertThat(queue.status()).as(queue.raw().body()).isEqualTo(200);
        return queue.json();
    }

    private String requests(FlightId flight) {
        return "/api/v1/operations/" + operation + "/flights/" + flight.value() + "/requests";
    }

    /** A flight of the operation arriving today, its officer assigned. */
    private FlightId operationFlight(String number) {
        String today = LocalDate.now(ZoneId.of("Europe/London")).toString();
        String flight = given.flight(operation, number, "ARRIVAL", "SOF", today + "T23:30", as(coordinator));
        Response assigned = api.put("/api/v1/operations/" + operation + "/flights/" + flight + "/officers",
                json(Map.of("officerIds", List.of(given.userId(officer)))), as(coordinator));
        assertThat(assigned.status()).as(assigned.raw().body()).isEqualTo(200);
        return new FlightId(UUID.fromString(flight));
    }

    private static String departure(Instant leaves) {
        return EDIFACT.format(leaves.atZone(ZoneId.of("Europe/Sofia")));
    }

    private static String arrival(Instant leaves) {
        return EDIFACT.format(leaves.plus(Duration.ofMinutes(165)).atZone(ZoneId.of("Europe/London")));
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
        return api.get("/api/v1/retention", admin()).json().path("classes").valueStream()
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

    private String as(String email) {
        return given.tokenOf(email);
    }

    private String admin() {
        return bearer(api.token(ADMIN, PASSWORD));
    }
}
