package org.waymark.screening.watchlist;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.waymark.screening.names.NameIndex;
import org.waymark.screening.names.PersonName;
import org.waymark.shared.Actor;
import org.waymark.shared.ConflictException;
import org.waymark.shared.NotFoundException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

import lombok.RequiredArgsConstructor;

/**
 * Safeguarding watch lists: entries added by hand or from a CSV file, changed and removed, each change and
 * each read of entries logged; and the entries a passenger's name matches, found through a name index kept
 * in memory, built from the database on first use and kept up to date as changes commit. An entry past its
 * review date stops matching.
 */
@Service
@Transactional
@RequiredArgsConstructor
public class WatchLists {

    static final int NAME_LENGTH = 200;
    static final int NOTE_LENGTH = 1000;
    /** The largest CSV file taken, on the page and through the API alike: some thousands of rows. */
    public static final int MAX_CSV_BYTES = 2 * 1024 * 1024;
    /** The most problems an import reports row by row; beyond them it says how many more rows have one. */
    public static final int MAX_PROBLEMS_REPORTED = 100;
    /** Entries on a page of a list: enough to look through, few enough for a phone. */
    public static final int PAGE_SIZE = 100;
    /** How long a change of entries made on another node may take to reach this node's index. */
    static final Duration LOOK_FOR_CHANGES_EVERY = Duration.ofSeconds(1);
    // Fields as the API and the forms name them; a CSV file's columns are the same in snake case
    static final String FAMILY_NAME = "familyName";
    static final String GIVEN_NAMES = "givenNames";
    static final String BIRTH_DATE = "birthDate";
    static final String SOURCE = "source";
    static final String OWNER = "owner";
    static final String REVIEW_DATE = "reviewDate";
    static final String CONSENT_RECORDED_BY = "consentRecordedBy";
    static final String CONSENT_RECORDED_ON = "consentRecordedOn";
    static final String NOTE = "note";
    private static final List<String> REQUIRED_COLUMNS = List.of("family_name", "owner", "review_date");
    private static final Set<String> COLUMNS = Set.of("family_name", "given_names", "birth_date", "source", "owner",
            "review_date", "consent_recorded_by", "consent_recorded_on", "note");

    private final WatchListRecords records;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    private final Object indexLock = new Object();
    private final NameIndex<UUID> index = new NameIndex<>();
    private final Map<UUID, WatchListRecords.IndexedEntry> indexed = new ConcurrentHashMap<>();
    private volatile boolean indexBuilt;
    /** The newest version of the entries the index holds; guarded by the index's lock. */
    private long indexedVersion;
    private volatile Instant lookedForChanges;

    /** A new, empty list owned by the actor's agency. */
    public UUID createList(WatchListKind kind, String name, String source, Actor actor) {
        String typedName = required(name, NAME_LENGTH, "name");
        String typedSource = required(source, NAME_LENGTH, SOURCE);
        if (kind == null) {
            throw new RuleViolationException("screening.watchlists.kind.required", "kind");
        }
        UUID id = UUID.randomUUID();
        records.insertList(id, kind, typedName, actor, typedSource, clock.instant());
        events.publishEvent(new WatchListEvents.WatchListCreated(id, actor));
        return id;
    }

    @Transactional(readOnly = true)
    public List<WatchList> lists() {
        return records.lists();
    }

    @Transactional(readOnly = true)
    public WatchList list(UUID id) {
        return records.list(id).orElseThrow(() -> new NotFoundException("watch list", id));
    }

    /** The entries still on a list; the read is logged, one log entry for each entry shown. */
    public List<WatchListEntry> entries(UUID watchListId, Actor actor) {
        list(watchListId);
        return logged(records.entries(watchListId, 0, Integer.MAX_VALUE), actor);
    }

    /**
     * A page of the entries still on a list, by family name, of the size asked for (at least 1); a
     * page past the last shows the last. Only the entries shown are logged as read.
     *
     * @param page the page asked for, from 0
     */
    public EntryPage entries(UUID watchListId, int page, int size, Actor actor) {
        WatchList list = list(watchListId);
        int pageSize = Math.max(1, size);
        int pages = Math.max(1, (list.entries() + pageSize - 1) / pageSize);
        int shown = Math.min(Math.max(page, 0), pages - 1);
        List<WatchListEntry> entries = logged(records.entries(watchListId, (long) shown * pageSize, pageSize), actor);
        return new EntryPage(entries, list.entries(), shown, pages, pageSize);
    }

    private List<WatchListEntry> logged(List<WatchListEntry> entries, Actor actor) {
        if (!entries.isEmpty()) {
            events.publishEvent(new WatchListEvents.EntriesRead(entries.stream().map(WatchListEntry::id).toList(),
                    actor));
        }
        return entries;
    }

    /** One entry still on the list; the read is logged. An entry of another list, or one removed, is not found. */
    public WatchListEntry entry(UUID watchListId, UUID entryId, Actor actor) {
        list(watchListId);
        WatchListEntry entry = current(watchListId, entryId);
        events.publishEvent(new WatchListEvents.EntriesRead(List.of(entryId), actor));
        return entry;
    }

    public UUID addEntry(UUID watchListId, EntryDetails details, Actor actor) {
        WatchList list = list(watchListId);
        EntryDetails checked = checked(details, list);
        // Taking the version locks its row until this transaction ends, and so serialises every change of
        // entries: the same person added at once by two people is found here by the second.
        long version = records.nextVersion();
        if (records.samePerson(watchListId, checked, null)) {
            throw new ConflictException("screening.watchlists.entry.alreadyOnList", FAMILY_NAME);
        }
        UUID id = UUID.randomUUID();
        records.insertEntry(id, watchListId, checked, actor, clock.instant(), version);
        events.publishEvent(new WatchListEvents.EntryAdded(id, actor));
        afterCommit(() -> put(id, list, checked));
        entriesChanged(watchListId);
        return id;
    }

    /** Changes an entry still on the list; an entry of another list, or one removed, is not found. */
    public void changeEntry(UUID watchListId, UUID entryId, EntryDetails details, Actor actor) {
        WatchList list = list(watchListId);
        current(watchListId, entryId);
        EntryDetails checked = checked(details, list);
        // After the version's lock, which serialises changes of entries (see addEntry)
        long version = records.nextVersion();
        if (records.samePerson(watchListId, checked, entryId)) {
            throw new ConflictException("screening.watchlists.entry.alreadyOnList", FAMILY_NAME);
        }
        // Checked again as it is written: the entry may have been removed since it was read
        if (!records.updateEntry(watchListId, entryId, checked, version)) {
            throw new NotFoundException("watch-list entry", entryId);
        }
        events.publishEvent(new WatchListEvents.EntryChanged(entryId, actor));
        afterCommit(() -> put(entryId, list, checked));
        entriesChanged(watchListId);
    }

    /** Takes the entry off its list; an entry of another list, or one removed already, is not found. */
    public void removeEntry(UUID watchListId, UUID entryId, Actor actor) {
        if (!records.removeEntry(watchListId, entryId, actor, clock.instant(), records.nextVersion())) {
            throw new NotFoundException("watch-list entry", entryId);
        }
        events.publishEvent(new WatchListEvents.EntryRemoved(entryId, actor));
        afterCommit(() -> {
            indexed.remove(entryId);
            index.remove(entryId);
        });
    }

    private WatchListEntry current(UUID watchListId, UUID entryId) {
        return records.entry(entryId)
                .filter(entry -> entry.watchListId().equals(watchListId) && entry.removedAt() == null)
                .orElseThrow(() -> new NotFoundException("watch-list entry", entryId));
    }

    /**
     * Entries from a CSV file with a header row (columns family_name, given_names, birth_date as
     * yyyy-MM-dd, source, owner, review_date, consent_recorded_by, consent_recorded_on, note; family_name,
     * owner and review_date required; each column once). A byte order mark before the header, as Excel
     * writes, is passed over. Every row is checked first: when any is wrong, nothing is added and each
     * problem is reported with its row and column, the first {@link #MAX_PROBLEMS_REPORTED} of them with
     * the count of the rest. A row with more cells than the header, or a person already on the list or
     * on an earlier row, is a problem.
     */
    public ImportReport importCsv(UUID watchListId, Reader csv, Actor actor) {
        WatchList list = list(watchListId);
        List<ImportReport.RowProblem> problems = new ArrayList<>();
        int rowsWithProblems = 0;
        List<EntryDetails> rows = new ArrayList<>();
        long version;
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get().parse(withoutByteOrderMark(csv))) {
            List<String> header = parser.getHeaderNames().stream().map(String::strip).toList();
            for (String column : REQUIRED_COLUMNS) {
                if (!header.contains(column)) {
                    problems.add(new ImportReport.RowProblem(0, column, "screening.watchlists.import.columnMissing"));
                }
            }
            Set<String> seen = new HashSet<>();
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    problems.add(new ImportReport.RowProblem(0, column, "screening.watchlists.import.columnUnknown"));
                } else if (!seen.add(column)) {
                    problems.add(new ImportReport.RowProblem(0, column, "screening.watchlists.import.columnTwice"));
                }
            }
            if (!problems.isEmpty()) {
                return new ImportReport(0, problems);
            }
            // The version's lock serialises changes of entries (see addEntry), so the people already on
            // the list stay as read until this import commits.
            version = records.nextVersion();
            Set<WatchListRecords.Person> onTheList = records.people(watchListId);
            Set<WatchListRecords.Person> inTheFile = new HashSet<>();
            for (CSVRecord row : parser) {
                long number = parser.getRecordNumber();
                ImportReport.RowProblem problem = null;
                if (row.size() > header.size()) {
                    problem = new ImportReport.RowProblem(number, null, "screening.watchlists.import.tooManyCells");
                } else {
                    try {
                        EntryDetails details = checked(details(row, list), list);
                        WatchListRecords.Person person = WatchListRecords.Person.of(details);
                        if (onTheList.contains(person)) {
                            problem = new ImportReport.RowProblem(number, column(FAMILY_NAME),
                                    "screening.watchlists.import.alreadyOnList");
                        } else if (!inTheFile.add(person)) {
                            problem = new ImportReport.RowProblem(number, column(FAMILY_NAME),
                                    "screening.watchlists.import.repeated");
                        } else {
                            rows.add(details);
                        }
                    } catch (RuleViolationException e) {
                        problem = new ImportReport.RowProblem(number, column(e.field()), e.messageCode());
                    }
                }
                if (problem != null) {
                    rowsWithProblems++;
                    if (problems.size() < MAX_PROBLEMS_REPORTED) {
                        problems.add(problem);
                    }
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Commons CSV reports a malformed file (an unclosed quote) this way
            return new ImportReport(0, List.of(new ImportReport.RowProblem(0, null,
                    "screening.watchlists.import.unreadable")));
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new ImportReport.RowProblem(0, null, "screening.watchlists.import.empty"));
        }
        if (!problems.isEmpty()) {
            return new ImportReport(0, problems, Math.max(0, rowsWithProblems - problems.size()));
        }
        for (EntryDetails details : rows) {
            UUID id = UUID.randomUUID();
            records.insertEntry(id, watchListId, details, actor, clock.instant(), version);
            events.publishEvent(new WatchListEvents.EntryAdded(id, actor));
            afterCommit(() -> put(id, list, details));
        }
        entriesChanged(watchListId);
        return new ImportReport(rows.size(), List.of());
    }

    /** The text, less the byte order mark at its start, if any (Excel's CSV UTF-8 writes one). */
    private static Reader withoutByteOrderMark(Reader csv) throws IOException {
        PushbackReader reader = new PushbackReader(csv, 1);
        int first = reader.read();
        if (first != -1 && first != '\uFEFF') {
            reader.unread(first);
        }
        return reader;
    }

    /** The entries still current whose names the passenger's name matches, best first. */
    @Transactional(readOnly = true)
    public List<WatchListMatch> matches(String familyName, String givenNames, LocalDate birthDate) {
        buildIndexOnce();
        takeChangesFromOtherNodes();
        LocalDate today = LocalDate.now(clock);
        List<WatchListMatch> matches = new ArrayList<>();
        for (NameIndex.Found<UUID> found : index.find(new PersonName(familyName, givenNames, birthDate))) {
            WatchListRecords.IndexedEntry entry = indexed.get(found.id());
            if (entry != null && !entry.reviewDate().isBefore(today)) {
                matches.add(new WatchListMatch(entry.id(), entry.watchListId(), entry.kind(), found.match()));
            }
        }
        return matches;
    }

    private void buildIndexOnce() {
        if (indexBuilt) {
            return;
        }
        synchronized (indexLock) {
            if (!indexBuilt) {
                // The version first: whatever commits while the entries are read is read again at the next look.
                indexedVersion = records.currentVersion();
                records.allCurrent().forEach(this::put);
                indexBuilt = true;
                lookedForChanges = clock.instant();
            }
        }
    }

    /**
     * Brings the index up to the changes of entries made on other nodes (this node's own are put in
     * as they commit), looking at most once every {@link #LOOK_FOR_CHANGES_EVERY}: one small query.
     */
    private void takeChangesFromOtherNodes() {
        Instant now = clock.instant();
        if (now.isBefore(lookedForChanges.plus(LOOK_FOR_CHANGES_EVERY))) {
            return;
        }
        synchronized (indexLock) {
            lookedForChanges = now;
            long version = records.currentVersion();
            if (version > indexedVersion) {
                records.changedAfter(indexedVersion).forEach(this::put);
                indexedVersion = version;
            }
        }
    }

    private void put(WatchListRecords.IndexedEntry entry) {
        if (entry.removed()) {
            indexed.remove(entry.id());
            index.remove(entry.id());
        } else {
            indexed.put(entry.id(), entry);
            index.put(entry.id(), new PersonName(entry.familyName(), entry.givenNames(), entry.birthDate()));
        }
    }

    private void put(UUID id, WatchList list, EntryDetails details) {
        put(new WatchListRecords.IndexedEntry(id, list.id(), list.kind(), details.familyName(),
                details.givenNames(), details.birthDate(), details.reviewDate(), false));
    }

    /**
     * Tells screening, once the index holds the entries: published after their changes of the index
     * are registered, whose after-commit work then runs first, so a listener finds them there.
     */
    private void entriesChanged(UUID watchListId) {
        events.publishEvent(new WatchListEvents.EntriesChanged(watchListId));
    }

    /** Runs the change of the index once the transaction commits, and only if the index is built. */
    private void afterCommit(Runnable change) {
        Runnable guarded = () -> {
            synchronized (indexLock) {
                if (indexBuilt) {
                    change.run();
                }
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    guarded.run();
                }
            });
        } else {
            guarded.run();
        }
    }

    private EntryDetails details(CSVRecord row, WatchList list) {
        String source = column(row, SOURCE);
        return new EntryDetails(column(row, FAMILY_NAME), column(row, GIVEN_NAMES), date(row, BIRTH_DATE),
                source == null ? list.source() : source, column(row, OWNER), date(row, REVIEW_DATE),
                column(row, CONSENT_RECORDED_BY), date(row, CONSENT_RECORDED_ON), column(row, NOTE));
    }

    /** The row's value of a field, from the field's column; null when empty or absent. */
    private static String column(CSVRecord row, String field) {
        String column = column(field);
        return row.isMapped(column) && row.isSet(column) ? PlainText.typed(row.get(column)) : null;
    }

    private static LocalDate date(CSVRecord row, String field) {
        String text = column(row, field);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new RuleViolationException("screening.watchlists.date.invalid", field);
        }
    }

    /** The details with spaces trimmed, or the first rule they break. */
    EntryDetails checked(EntryDetails details, WatchList list) {
        LocalDate today = LocalDate.now(clock);
        String familyName = required(details.familyName(), NAME_LENGTH, FAMILY_NAME);
        if (!hasLetter(familyName)) {
            throw new RuleViolationException("screening.watchlists.familyName.noLetter", FAMILY_NAME);
        }
        String givenNames = optional(details.givenNames(), NAME_LENGTH, GIVEN_NAMES);
        if (givenNames != null && !hasLetter(givenNames)) {
            throw new RuleViolationException("screening.watchlists.givenNames.noLetter", GIVEN_NAMES);
        }
        if (details.birthDate() != null && details.birthDate().isAfter(today)) {
            throw new RuleViolationException("screening.watchlists.birthDate.future", BIRTH_DATE);
        }
        String source = required(details.source(), NAME_LENGTH, SOURCE);
        String owner = required(details.owner(), NAME_LENGTH, OWNER);
        if (details.reviewDate() == null) {
            throw new RuleViolationException("screening.watchlists.reviewDate.required", REVIEW_DATE);
        }
        if (details.reviewDate().isBefore(today)) {
            throw new RuleViolationException("screening.watchlists.reviewDate.past", REVIEW_DATE);
        }
        String consentBy = optional(details.consentRecordedBy(), NAME_LENGTH, CONSENT_RECORDED_BY);
        if (list.kind().needsConsent()) {
            if (consentBy == null) {
                throw new RuleViolationException("screening.watchlists.consent.required", CONSENT_RECORDED_BY);
            }
            if (details.consentRecordedOn() == null) {
                throw new RuleViolationException("screening.watchlists.consent.required", CONSENT_RECORDED_ON);
            }
        }
        if (details.consentRecordedOn() != null && details.consentRecordedOn().isAfter(today)) {
            throw new RuleViolationException("screening.watchlists.consent.future", CONSENT_RECORDED_ON);
        }
        String note = optional(details.note(), NOTE_LENGTH, NOTE);
        // Consent is asked of those at risk who asked for help only; on other lists it is not kept.
        boolean keepConsent = list.kind().needsConsent();
        return new EntryDetails(familyName, givenNames, details.birthDate(), source, owner, details.reviewDate(),
                keepConsent ? consentBy : null, keepConsent ? details.consentRecordedOn() : null, note);
    }

    /** Whether the text has a letter of any script: a name of digits, marks or emoji only is no name. */
    private static boolean hasLetter(String text) {
        return text.codePoints().anyMatch(Character::isLetter);
    }

    private static String required(String text, int length, String field) {
        String typed = optional(text, length, field);
        if (typed == null) {
            throw new RuleViolationException("screening.watchlists." + field + ".required", field);
        }
        return typed;
    }

    private static String optional(String text, int length, String field) {
        PlainText.check(text, Integer.MAX_VALUE, null, field);
        String typed = PlainText.typed(text);
        if (typed != null && typed.length() > length) {
            throw new RuleViolationException("screening.watchlists." + field + ".tooLong", field);
        }
        return typed;
    }

    /** The CSV column of a field: familyName is family_name. */
    private static String column(String field) {
        return field == null ? null : field.replaceAll("([A-Z])", "_$1").toLowerCase(java.util.Locale.ROOT);
    }
}
