package org.waymark.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.waymark.flight.FlightStatus;
import org.waymark.operation.OperationEvents;
import org.waymark.operation.OperationStatus;
import org.waymark.passengerdata.PassengerDataDisposal;
import org.waymark.passengerdata.PassengerDataRead;
import org.waymark.passengerdata.Purpose;
import org.waymark.screening.links.LinkedBookingsRead;
import org.waymark.referral.DecisionResult;
import org.waymark.referral.DecisionType;
import org.waymark.retention.HeldType;
import org.waymark.retention.RecordClass;
import org.waymark.retention.RetentionEvents;
import org.waymark.safeguarding.OutcomeCorrection;
import org.waymark.safeguarding.SupportStatus;
import org.waymark.shared.Auditable;

/**
 * Every action and record type that Waymark writes to the audit log has words for the audit
 * page, so that a new one cannot reach the page as a code. The codes are read from the events'
 * source ({@code action()} and {@code recordType()} of each {@link org.waymark.shared.Auditable});
 * a code made of a prefix and a value must have its values listed here, and a new prefix fails
 * until it is.
 */
class EveryActionInWordsTest {

    /** The actions built from a prefix and a value, with every value they take. */
    static final Map<String, List<String>> BUILT_ACTIONS = Map.of(
            "FLIGHT_", Stream.concat(Stream.of("MONITORED", "OFFICERS_ASSIGNED"),
                    Stream.of(FlightStatus.values()).map(Enum::name)).toList(),
            "SUPPORT_", Stream.of(SupportStatus.values()).map(Enum::name).toList(),
            "RECORD_", List.of("MASKED", "DELETED"));

    /** The record types given by a value, with every value they take. */
    static final List<String> GIVEN_RECORD_TYPES = Stream.concat(Stream.of(HeldType.values()).map(Enum::name),
            Stream.of("ENGAGEMENT_TALLY", "AUDIT_ENTRY", PassengerDataDisposal.FLIGHT, PassengerDataDisposal.MESSAGE,
                    PassengerDataDisposal.TRAVELLER)).toList();

    private static final Pattern LITERAL_ACTION = Pattern.compile("action\\(\\)\\s*\\{\\s*return\\s+\"([A-Z0-9_]+)\"\\s*;");
    private static final Pattern BUILT_ACTION = Pattern.compile("action\\(\\)\\s*\\{\\s*return\\s+\"([A-Z0-9_]+)\"\\s*\\+");
    private static final Pattern LITERAL_TYPE = Pattern.compile("recordType\\(\\)\\s*\\{\\s*return\\s+\"([A-Z0-9_]+)\"\\s*;");
    private static final Pattern CONSTANT_TYPE = Pattern.compile("recordType\\(\\)\\s*\\{\\s*return\\s+([A-Z_]+)\\s*;");
    private static final Pattern INDICATOR_ACTION = Pattern.compile("new IndicatorCatalogueChanged\\([^;]*?\"([A-Z_]+)\"");

    @Test
    void everyActionAndRecordTypeHasWords() throws IOException {
        Set<String> actions = new TreeSet<>();
        Set<String> recordTypes = new TreeSet<>(GIVEN_RECORD_TYPES);
        List<String> unknownPrefixes = new ArrayList<>();
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/org/waymark"))) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        for (Path source : sources) {
            String java = Files.readString(source);
            find(LITERAL_ACTION, java, actions);
            find(INDICATOR_ACTION, java, actions);
            find(LITERAL_TYPE, java, recordTypes);
            Matcher built = BUILT_ACTION.matcher(java);
            while (built.find()) {
                List<String> values = BUILT_ACTIONS.get(built.group(1));
                if (values == null) {
                    unknownPrefixes.add(source + ": " + built.group(1));
                } else {
                    values.forEach(value -> actions.add(built.group(1) + value));
                }
            }
            Matcher constant = CONSTANT_TYPE.matcher(java);
            while (constant.find()) {
                Matcher value = Pattern.compile(constant.group(1) + "\\s*=\\s*\"([A-Z0-9_]+)\"").matcher(java);
                assertThat(value.find()).as(source + ": " + constant.group(1)).isTrue();
                recordTypes.add(value.group(1));
            }
        }
        assertThat(unknownPrefixes).as("actions built from a prefix not listed here").isEmpty();
        assertThat(actions).as("actions found").contains("SIGN_IN", "CHECK_READ", "AUDIT_READ", "FLIGHT_DONE",
                "SUPPORT_ACKNOWLEDGED", "INDICATOR_ADDED", "RECORD_MASKED");
        assertThat(recordTypes).as("record types found").contains("USER", "ENHANCED_CHECK", "PUBLIC_REPORT",
                "REFERRAL", "AUDIT_LOG");

        Properties words = new Properties();
        try (Reader reader = new InputStreamReader(
                getClass().getResourceAsStream("/messages.properties"), StandardCharsets.UTF_8)) {
            words.load(reader);
        }
        assertThat(actions.stream().filter(action -> !words.containsKey("audit.action." + action)))
                .as("actions without words (audit.action.<code> in messages.properties)").isEmpty();
        assertThat(recordTypes.stream().filter(type -> !words.containsKey("audit.recordType." + type)))
                .as("record types without words (audit.recordType.<code> in messages.properties)").isEmpty();
    }

    /**
     * The details made of codes have words too, whatever values their codes take: an operation's
     * status change, a record disposed of or records deleted at the end of their retention
     * period (the number of them an argument, {@code n} in the key), a referral's decision.
     */
    @Test
    void everyDetailMadeOfCodesHasWords() throws IOException {
        List<String> keys = new ArrayList<>();
        for (OperationStatus from : OperationStatus.values()) {
            for (OperationStatus to : OperationStatus.values()) {
                if (from != to) {
                    keys.add(key(new OperationEvents.OperationStatusChanged(null, from, to, null)));
                }
            }
        }
        for (RecordClass recordClass : RecordClass.values()) {
            keys.add(key(new RetentionEvents.RecordDisposed(recordClass, "", new UUID(0, 1), "DELETED")));
            if (recordClass.masked()) {
                keys.add(key(new RetentionEvents.RecordDisposed(recordClass, "", new UUID(0, 1), "MASKED")));
            }
            keys.add("audit.action.RECORDS_DELETED." + slug(new RetentionEvents.RecordsDeleted(recordClass, "", 2)
                    .detail().replace("2", "n")));
        }
        for (DecisionType type : DecisionType.values()) {
            for (DecisionResult result : DecisionResult.values()) {
                keys.add("audit.action.REFERRAL_DECISION_RECORDED." + slug(type + " " + result));
            }
        }
        keys.add("audit.action.REFERRAL_DECISION_RECORDED." + slug("RECONSIDERATION_REQUESTED"));
        for (OutcomeCorrection why : OutcomeCorrection.values()) {
            keys.add("audit.action.CHECK_OUTCOME_CORRECTED." + slug(why.name()));
        }
        // A read of passenger data gives the purpose stated, its kind first: the rest is the person's words.
        for (Purpose.Kind kind : Purpose.Kind.values()) {
            Purpose purpose = new Purpose(kind, null, null, "words", null);
            for (Auditable read : List.<Auditable>of(new PassengerDataRead.ListRead(List.of(), purpose.detail(), null),
                    new PassengerDataRead.TravellerRead(new UUID(0, 1), purpose.detail(), null),
                    new PassengerDataRead.BookingRead(new UUID(0, 1), purpose.detail(), null))) {
                keys.add("audit.action." + read.action() + "." + slug(read.detail().split(" ")[0]));
            }
        }
        // An operation's linked bookings are read for the operation only.
        Auditable linksRead = new LinkedBookingsRead(List.of(), new Purpose(Purpose.Kind.THE_OPERATION, null, null,
                "words", null).detail(), null);
        keys.add("audit.action." + linksRead.action() + "." + slug(linksRead.detail().split(" ")[0]));
        Properties words = words();
        assertThat(keys.stream().filter(key -> !words.containsKey(key))).as("details without words").isEmpty();
    }

    private static String key(Auditable event) {
        return "audit.action." + event.action() + "." + slug(event.detail());
    }

    /** As the audit page makes a detail a key's last part. */
    private static String slug(String detail) {
        return detail.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private Properties words() throws IOException {
        Properties words = new Properties();
        try (Reader reader = new InputStreamReader(
                getClass().getResourceAsStream("/messages.properties"), StandardCharsets.UTF_8)) {
            words.load(reader);
        }
        return words;
    }

    private static void find(Pattern pattern, String java, Set<String> into) {
        Matcher matcher = pattern.matcher(java);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }
}
