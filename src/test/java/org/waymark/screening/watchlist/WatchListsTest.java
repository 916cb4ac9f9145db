package org.waymark.screening.watchlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.waymark.shared.Actor;
import org.waymark.shared.AgencyId;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;
import org.waymark.support.DatabaseTests;
import org.waymark.support.TestClock;

/**
 * Watch lists kept in the database and matched through the name index: entries by hand and from CSV,
 * changed and removed, past their review date no longer matching, every change and read logged. Runs on
 * H2 and on PostgreSQL.
 */
@SpringBootTest(properties = "waymark.scheduling.enabled=false")
@Import(TestClock.InUse.class)
class WatchListsTest extends DatabaseTests {

    private static final Actor OFFICER = new Actor(UserId.random(), AgencyId.random());
    private static final LocalDate BORN = LocalDate.of(1990, 3, 4);

    @Autowired
    WatchLists watchLists;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WatchListRecords records;
    @Autowired
    ApplicationEventPublisher events;

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private EntryDetails entry(String family, String given, LocalDate born) {
        return new EntryDetails(family, given, born, "Missing persons unit", "DS Jones", today().plusDays(30), null,
                null, null);
    }

    @Test
    void anEntryAddedByHandIsMatchedAcrossScriptsAndExplained() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Missing adults", "Missing persons unit",
                OFFICER);
        UUID entry = watchLists.addEntry(list, entry("Иванова", "Мария", BORN), OFFICER);

        List<WatchListMatch> matches = watchLists.matches("IVANOWA", "MARIA", BORN);

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.entryId()).isEqualTo(entry);
            assertThat(match.watchListId()).isEqualTo(list);
            assertThat(match.kind()).isEqualTo(WatchListKind.MISSING_PERSON);
            assertThat(match.score().score()).isGreaterThan(0.9);
            assertThat(match.score().reasons()).extracting(r -> r.code()).contains("family.spelling", "born.sameDay");
        });
        assertThat(watchLists.matches("PETROVA", "MARIA", BORN)).isEmpty();
        assertThat(logged("WATCH_LIST_ENTRY_ADDED", entry)).isEqualTo(1);
    }

    @Test
    void anEntryAddedChangedOrRemovedOnOneNodeIsMatchedSoOnAnotherNode() {
        WatchLists otherNode = new WatchLists(records, events, clock);
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Missing adults (nodes)",
                "Missing persons unit", OFFICER);
        assertThat(otherNode.matches("KOVACHEVA", "ELENA", BORN)).isEmpty();

        UUID entry = watchLists.addEntry(list, entry("Ковачева", "Елена", BORN), OFFICER);
        clock.advance(WatchLists.LOOK_FOR_CHANGES_EVERY);
        assertThat(otherNode.matches("KOVACHEVA", "ELENA", BORN)).singleElement()
                .satisfies(match -> assertThat(match.entryId()).isEqualTo(entry));

        watchLists.changeEntry(list, entry, entry("Ковачева", "Анна", BORN), OFFICER);
        clock.advance(WatchLists.LOOK_FOR_CHANGES_EVERY);
        assertThat(otherNode.matches("KOVACHEVA", "ELENA", BORN)).as("the name it had").isEmpty();
        assertThat(otherNode.matches("KOVACHEVA", "ANNA", BORN)).hasSize(1);

        watchLists.removeEntry(list, entry, OFFICER);
        clock.advance(WatchLists.LOOK_FOR_CHANGES_EVERY);
        assertThat(otherNode.matches("KOVACHEVA", "ANNA", BORN)).isEmpty();
    }

    @Test
    void consentIsKeptOnlyOnTheListThatAsksForIt() {
        UUID missing = watchLists.createList(WatchListKind.MISSING_PERSON, "Missing adults (consent)",
                "Missing persons unit", OFFICER);
        UUID entry = watchLists.addEntry(missing, new EntryDetails("Rusu", "Ana", BORN, "Missing persons unit",
                "DS Jones", today().plusDays(30), "J Lee", today(), null), OFFICER);

        assertThat(watchLists.entry(missing, entry, OFFICER).details().consentRecordedBy())
                .as("consent is not asked of a missing person, so not kept").isNull();
        assertThat(watchLists.entry(missing, entry, OFFICER).details().consentRecordedOn()).isNull();
    }

    @Test
    void aChangedOrRemovedEntryMatchesAsItIsNow() {
        UUID list = watchLists.createList(WatchListKind.PERSON_OF_INTEREST, "Persons of interest", "Enquiry 7",
                OFFICER);
        UUID entry = watchLists.addEntry(list, entry("Şahin", "Mehmet", BORN), OFFICER);
        assertThat(watchLists.matches("SAKHIN", "MEHMET", BORN)).hasSize(1);

        watchLists.changeEntry(list, entry, entry("Yıldız", "Ayşe", BORN), OFFICER);

        assertThat(watchLists.matches("SAKHIN", "MEHMET", BORN)).isEmpty();
        assertThat(watchLists.matches("YILDIZ", "AYSE", BORN)).hasSize(1);

        UUID other = watchLists.createList(WatchListKind.PERSON_OF_INTEREST, "Other list", "Enquiry 8", OFFICER);
        assertThatThrownBy(() -> watchLists.changeEntry(other, entry, entry("Demir", "Ali", BORN), OFFICER))
                .as("an entry is changed on its own list only").isInstanceOf(NotFoundException.class);
        assertThat(watchLists.matches("DEMIR", "ALI", BORN)).isEmpty();
        assertThatThrownBy(() -> watchLists.removeEntry(other, entry, OFFICER))
                .as("an entry is removed from its own list only").isInstanceOf(NotFoundException.class);
        assertThat(watchLists.matches("YILDIZ", "AYSE", BORN)).hasSize(1);

        watchLists.removeEntry(list, entry, OFFICER);

        assertThat(watchLists.matches("YILDIZ", "AYSE", BORN)).isEmpty();
        assertThat(watchLists.entries(list, OFFICER)).isEmpty();
        assertThat(logged("WATCH_LIST_ENTRY_CHANGED", entry)).isEqualTo(1);
        assertThat(logged("WATCH_LIST_ENTRY_REMOVED", entry)).isEqualTo(1);
        assertThatThrownBy(() -> watchLists.removeEntry(list, entry, OFFICER)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> watchLists.changeEntry(list, entry, entry("Yıldız", "Ayşe", BORN), OFFICER))
                .as("a removed entry is not changed").isInstanceOf(NotFoundException.class);
        assertThat(watchLists.matches("YILDIZ", "AYSE", BORN)).as("nor put back").isEmpty();
    }

    @Test
    void anEntryPastItsReviewDateStopsMatching() {
        UUID list = watchLists.createList(WatchListKind.MISSING_CHILD, "Missing children", "Missing persons unit",
                OFFICER);
        watchLists.addEntry(list, new EntryDetails("Țurcanu", "Ioana", LocalDate.of(2012, 5, 6), "MPU", "DS Jones",
                today().plusDays(2), null, null, null), OFFICER);
        assertThat(watchLists.matches("TSURCANU", "IOANA", LocalDate.of(2012, 5, 6))).hasSize(1);

        clock.advance(Duration.ofDays(3));

        assertThat(watchLists.matches("TSURCANU", "IOANA", LocalDate.of(2012, 5, 6))).isEmpty();
    }

    @Test
    void readingEntriesIsLoggedOnceForEachEntryShown() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Read list", "MPU", OFFICER);
        UUID first = watchLists.addEntry(list, entry("Nguyễn", "Thị Thu", BORN), OFFICER);
        UUID second = watchLists.addEntry(list, entry("Hoxha", "Dritë", null), OFFICER);

        assertThat(watchLists.entries(list, OFFICER)).extracting(WatchListEntry::id).containsExactly(second, first);

        assertThat(logged("WATCH_LIST_ENTRY_READ", first)).isEqualTo(1);
        assertThat(logged("WATCH_LIST_ENTRY_READ", second)).isEqualTo(1);
    }

    @Test
    void aPersonAtRiskOfRetraffickingIsListedOnlyWithTheirConsentRecorded() {
        UUID list = watchLists.createList(WatchListKind.RE_TRAFFICKING_RISK, "Asked for help", "NRM support",
                OFFICER);

        assertThatThrownBy(() -> watchLists.addEntry(list, entry("Munteanu", "Ștefan", BORN), OFFICER))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.messageCode()).isEqualTo("screening.watchlists.consent.required");
                    assertThat(e.field()).isEqualTo("consentRecordedBy");
                });

        UUID entry = watchLists.addEntry(list, new EntryDetails("Munteanu", "Ștefan", BORN, "NRM support",
                "Support worker", today().plusDays(90), "A. Support worker", today(), "Asked for help at STN"),
                OFFICER);
        assertThat(watchLists.matches("MUNTEANU", "SHTEFAN", BORN)).extracting(WatchListMatch::entryId)
                .containsExactly(entry);
    }

    @Test
    void badEntriesByHandAreRefusedWithTheFieldToFix() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Refusals", "MPU", OFFICER);

        assertThatThrownBy(() -> watchLists.addEntry(list, entry(" ", "Maria", BORN), OFFICER))
                .hasMessage("screening.watchlists.familyName.required");
        assertThatThrownBy(() -> watchLists.addEntry(list, entry("Ivanova\u0000", "Maria", BORN), OFFICER))
                .hasMessage("text.controlCharacters");
        assertThatThrownBy(() -> watchLists.addEntry(list, new EntryDetails("Ivanova", "Maria", BORN, "MPU",
                "DS Jones", today().minusDays(1), null, null, null), OFFICER))
                .hasMessage("screening.watchlists.reviewDate.past");
        assertThatThrownBy(() -> watchLists.addEntry(list, entry("Ivanova", "Maria", today().plusDays(1)), OFFICER))
                .hasMessage("screening.watchlists.birthDate.future");
        assertThatThrownBy(() -> watchLists.addEntry(UUID.randomUUID(), entry("Ivanova", "Maria", BORN), OFFICER))
                .isInstanceOf(NotFoundException.class);
        assertThat(watchLists.list(list).entries()).isZero();
    }

    @Test
    void aCsvFileIsImportedWhole() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Imported", "Missing persons unit",
                OFFICER);
        String review = today().plusDays(60).toString();

        ImportReport report = watchLists.importCsv(list, new StringReader("""
                family_name,given_names,birth_date,owner,review_date,note
                Кузнецова,Юлия,1985-07-01,DS Jones,%s,
                "Ştefănescu","Cătălin",,DS Jones,%s,"Seen at OTP, 2026"
                """.formatted(review, review)), OFFICER);

        assertThat(report.succeeded()).isTrue();
        assertThat(report.imported()).isEqualTo(2);
        assertThat(watchLists.matches("KUZNETSOVA", "YULIYA", LocalDate.of(1985, 7, 1))).hasSize(1);
        assertThat(watchLists.matches("STEFANESCU", "CATALIN", null)).hasSize(1);
        assertThat(watchLists.entries(list, OFFICER)).extracting(e -> e.details().source())
                .containsOnly("Missing persons unit");
    }

    @Test
    void aCsvFileWithBadRowsAddsNothingAndSaysWhichRowsAndColumns() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Bad file", "MPU", OFFICER);
        String review = today().plusDays(60).toString();

        ImportReport report = watchLists.importCsv(list, new StringReader("""
                family_name,given_names,birth_date,owner,review_date
                Зайцева,Ксения,1987-02-11,DS Jones,%s
                ,Maria,1985-07-01,DS Jones,%s
                Petrova,Elena,01/07/1985,DS Jones,%s
                Popescu,Ion,1985-07-01,,%s
                """.formatted(review, review, review, review)), OFFICER);

        assertThat(report.imported()).isZero();
        assertThat(report.problems()).containsExactly(
                new ImportReport.RowProblem(2, "family_name", "screening.watchlists.familyName.required"),
                new ImportReport.RowProblem(3, "birth_date", "screening.watchlists.date.invalid"),
                new ImportReport.RowProblem(4, "owner", "screening.watchlists.owner.required"));
        assertThat(watchLists.list(list).entries()).isZero();
        assertThat(watchLists.matches("ZAYTSEVA", "KSENIYA", LocalDate.of(1987, 2, 11))).isEmpty();
    }

    @Test
    void aFileThatIsNotTheRightCsvIsReportedNotThrown() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Odd files", "MPU", OFFICER);

        assertThat(watchLists.importCsv(list, new StringReader("surname,forename\nIvanova,Maria\n"), OFFICER)
                .problems()).extracting(ImportReport.RowProblem::column, ImportReport.RowProblem::messageCode)
                .contains(org.assertj.core.groups.Tuple.tuple("family_name", "screening.watchlists.import.columnMissing"),
                        org.assertj.core.groups.Tuple.tuple("surname", "screening.watchlists.import.columnUnknown"));
        assertThat(watchLists.importCsv(list, new StringReader("family_name,owner,review_date\n"), OFFICER)
                .problems()).extracting(ImportReport.RowProblem::messageCode)
                .containsExactly("screening.watchlists.import.empty");
        assertThat(watchLists.importCsv(list, new StringReader("family_name,owner,review_date\n\"Ivanova,x,y\n"),
                OFFICER).problems()).extracting(ImportReport.RowProblem::messageCode)
                .containsExactly("screening.watchlists.import.unreadable");
        assertThat(watchLists.list(list).entries()).isZero();
    }

    @Test
    void anEntryIsNotChangedIntoAnotherEntryOfTheSamePersonButMayBeSavedAsItIs() {
        UUID list = watchLists.createList(WatchListKind.MISSING_PERSON, "Same person", "MPU", OFFICER);
        watchLists.addEntry(list, entry("Petrova", "Elena", BORN), OFFICER);
        UUID other = watchLists.addEntry(list, entry("Petrova", "Elena", null), OFFICER);

        assertThatThrownBy(() -> watchLists.changeEntry(list, other, entry("PETROVA", " elena", BORN), OFFICER))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.messageCode()).isEqualTo("screening.watchlists.entry.alreadyOnList");
                    assertThat(e.field()).isEqualTo("familyName");
                });
        watchLists.changeEntry(list, other, entry("Petrova", "Elena", null), OFFICER);
        UUID elsewhere = watchLists.createList(WatchListKind.MISSING_PERSON, "Same person, other list", "MPU",
                OFFICER);
        watchLists.addEntry(elsewhere, entry("Petrova", "Elena", BORN), OFFICER);
        assertThat(watchLists.list(list).entries()).isEqualTo(2);
    }

    private int logged(String action, UUID record) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry WHERE action = ? AND record_id = ?")
                .params(action, record.toString()).query(Integer.class).single();
    }
}
