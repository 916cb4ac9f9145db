package org.waymark.tips;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import org.waymark.shared.ConflictException;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;

/** Information given by a member of the public, with a reference they can quote, and its triage. */
@Table("public_report")
class PublicReport {

    static final int MAX_NOTE = 2000;

    @Id
    private final UUID id;
    private final String reference;
    private final String what;
    private final String place;
    private final String happened;
    private final String who;
    private final String contact;
    private ReportStatus status;
    private final Instant receivedAt;
    private UUID assigneeId;
    private UUID operationId;
    /** When the retention period ended and the words and contact details were replaced by a marker. */
    private Instant maskedAt;
    @MappedCollection(idColumn = "public_report_id", keyColumn = "entry_index")
    private List<Note> notes;
    @Version
    private Long version;

    /** A note of the triage, by whom and when. */
    @Table("public_report_note")
    record Note(UUID authorId, Instant writtenAt, String text) {
    }

    @PersistenceCreator
    PublicReport(UUID id, String reference, String what, String place, String happened, String who, String contact,
            ReportStatus status, Instant receivedAt, UUID assigneeId, UUID operationId, Long version) {
        this.id = id;
        this.reference = reference;
        this.what = what;
        this.place = place;
        this.happened = happened;
        this.who = who;
        this.contact = contact;
        this.status = status;
        this.receivedAt = receivedAt;
        this.assigneeId = assigneeId;
        this.operationId = operationId;
        this.version = version;
        this.notes = new ArrayList<>();
    }

    static PublicReport received(String reference, NewReport report, Instant now) {
        return new PublicReport(UUID.randomUUID(), reference, report.what(), report.where(), report.when(),
                report.who(), report.contact(), ReportStatus.NEW, now, null, null, null);
    }

    /** Assigned to someone, it is under review unless it has already moved on. */
    void assign(UUID assignee) {
        requireNotDisposed();
        assigneeId = assignee;
        if (status == ReportStatus.NEW) {
            status = ReportStatus.IN_REVIEW;
        }
    }

    void link(UUID operation) {
        requireNotDisposed();
        operationId = operation;
    }

    void changeStatus(ReportStatus next) {
        requireNotDisposed();
        if (next == null) {
            throw new RuleViolationException("report.status.required", "status");
        }
        status = next;
    }

    void note(String text, UUID author, Instant now) {
        requireNotDisposed();
        String tidy = PlainText.typed(text);
        if (tidy == null) {
            throw new RuleViolationException("report.note.required", "note");
        }
        if (tidy.length() > MAX_NOTE) {
            throw new RuleViolationException("report.note.tooLong", "note");
        }
        notes.add(new Note(author, now, tidy));
    }

    /** A report disposed of at the end of its retention period no longer changes. */
    private void requireNotDisposed() {
        if (maskedAt != null) {
            throw new ConflictException("report.disposed", null);
        }
    }

    Instant maskedAt() {
        return maskedAt;
    }

    UUID id() {
        return id;
    }

    String reference() {
        return reference;
    }

    String what() {
        return what;
    }

    String place() {
        return place;
    }

    String happened() {
        return happened;
    }

    String who() {
        return who;
    }

    String contact() {
        return contact;
    }

    ReportStatus status() {
        return status;
    }

    Instant receivedAt() {
        return receivedAt;
    }

    UUID assigneeId() {
        return assigneeId;
    }

    UUID operationId() {
        return operationId;
    }

    List<Note> notes() {
        return List.copyOf(notes);
    }
}
