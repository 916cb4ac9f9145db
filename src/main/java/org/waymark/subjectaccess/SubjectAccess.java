package org.waymark.subjectaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.waymark.audit.AuditEntry;
import org.waymark.audit.AuditLog;
import org.waymark.audit.AuditQuery;
import org.waymark.identity.Agencies;
import org.waymark.identity.AgencySummary;
import org.waymark.identity.Role;
import org.waymark.identity.UserSummary;
import org.waymark.identity.Users;
import org.waymark.identity.WaymarkUser;
import org.waymark.referral.ReferralSubjectAccess;
import org.waymark.retention.HeldType;
import org.waymark.retention.Hold;
import org.waymark.retention.Holds;
import org.waymark.safeguarding.CheckSubjectAccess;
import org.waymark.shared.CountryCode;
import org.waymark.shared.NameMatch;
import org.waymark.shared.PlainText;
import org.waymark.shared.RuleViolationException;
import org.waymark.shared.UserId;
import org.waymark.subjectaccess.SubjectAccessEvents.Disclosed;
import org.waymark.subjectaccess.SubjectAccessEvents.Exported;
import org.waymark.subjectaccess.SubjectAccessEvents.Searched;
import org.waymark.tips.ReportSubjectAccess;

/**
 * Answers subject access requests, for administrators: finds the records that may be about a
 * named person in each module that holds them, and exports those chosen in one PDF with the
 * audit trail of each. Every search and every disclosure is logged.
 */
@Service
@Transactional
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class SubjectAccess {

    static final int MAX_REFERENCE = 60;
    static final int MAX_NAME = 120;
    static final int MAX_RECORDS = 200;
    static final int MAX_TRAIL = 1_000;

    /** What the administrator typed: the name, and optionally a date of birth and a nationality to narrow it. */
    public record Criteria(String name, LocalDate dateOfBirth, CountryCode nationality) {
        public Criteria {
            name = PlainText.typed(name);
            if (name == null || NameMatch.words(name).isEmpty()) {
                throw new RuleViolationException("subjectAccess.name.required", "name");
            }
            PlainText.check(name, MAX_NAME, "subjectAccess.name.tooLong", "name");
        }
    }

    /** The records that may be about the person, by kind. */
    public record Matches(List<CheckSubjectAccess.Match> checks, List<ReferralSubjectAccess.Match> referrals,
            List<ReportSubjectAccess.Match> reports) {

        public int total() {
            return checks.size() + referrals.size() + reports.size();
        }
    }

    /** The export: the PDF, and how many of the records were newly held. */
    public record Export(byte[] pdf, int held) {
    }

    private final CheckSubjectAccess checks;
    private final ReferralSubjectAccess referrals;
    private final ReportSubjectAccess reports;
    private final AuditLog audit;
    private final Holds holds;
    private final Users users;
    private final Agencies agencies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SubjectAccessPdf pdf;

    /** The records that may be about the person; the search is logged with a digest of the name. */
    public Matches search(Criteria criteria, WaymarkUser admin) {
        requireAdmin(admin);
        List<CheckSubjectAccess.Match> foundChecks = checks.aboutPerson(criteria.name(), criteria.dateOfBirth(),
                criteria.nationality(), admin);
        List<ReferralSubjectAccess.Match> foundReferrals = referrals.aboutPerson(criteria.name(),
                criteria.dateOfBirth(), criteria.nationality() == null ? null : criteria.nationality().value(),
                foundChecks.stream().map(CheckSubjectAccess.Match::checkId).toList(), admin);
        List<ReportSubjectAccess.Match> foundReports = reports.aboutPerson(criteria.name(), admin);
        Matches matches = new Matches(foundChecks, foundReferrals, foundReports);
        events.publishEvent(new Searched(digest(criteria.name()), criteria.dateOfBirth() != null,
                criteria.nationality() != null, matches.total(), admin.actor()));
        return matches;
    }

    /**
     * The chosen records in full in one PDF, after a cover naming the request; each record is
     * logged as disclosed to the person under the request's reference, and held too if asked.
     */
    public Export export(List<RecordRef> records, String reference, boolean hold, WaymarkUser admin) {
        requireAdmin(admin);
        String ref = PlainText.typed(reference);
        if (ref == null) {
            throw new RuleViolationException("subjectAccess.reference.required", "reference");
        }
        PlainText.check(ref, MAX_REFERENCE, "subjectAccess.reference.tooLong", "reference");
        List<RecordRef> chosen = List.copyOf(new LinkedHashSet<>(records == null ? List.of() : records));
        if (chosen.isEmpty()) {
            throw new RuleViolationException("subjectAccess.records.required", "records");
        }
        if (chosen.size() > MAX_RECORDS) {
            throw new RuleViolationException("subjectAccess.records.tooMany", "records");
        }
        List<SubjectAccessPdf.Disclosure> disclosures = new ArrayList<>();
        java.util.Set<UUID> heldAlready = hold ? holds.standing().stream().map(Hold::recordId)
                .collect(java.util.stream.Collectors.toSet()) : java.util.Set.of();
        int held = 0;
        for (RecordRef record : chosen) {
            Object content = switch (record.kind()) {
                case ENHANCED_CHECK -> checks.forSubjectAccess(record.id(), admin);
                case REFERRAL -> referrals.forSubjectAccess(record.id(), admin);
                case PUBLIC_REPORT -> reports.forSubjectAccess(record.id(), record.withContact(), admin);
            };
            events.publishEvent(new Disclosed(record.kind().name(), record.id().toString(), ref, admin.actor()));
            if (hold && !heldAlready.contains(record.id())) {
                holds.place(HeldType.valueOf(record.kind().name()), record.id().toString(),
                        "Subject access request " + ref, admin);
                held++;
            }
            disclosures.add(new SubjectAccessPdf.Disclosure(record, content, trail(record)));
        }
        events.publishEvent(new Exported(ref, chosen.size(), admin.actor()));
        String agency = agencies.find(admin.agencyId()).map(AgencySummary::name).orElse(null);
        return new Export(pdf.render(new SubjectAccessPdf.Cover(ref, clock.instant(), admin.name(), agency),
                disclosures, this::agencyName), held);
    }

    /** Who read or changed the record, oldest first, with their name and agency as their account reads now. */
    private List<SubjectAccessPdf.TrailEntry> trail(RecordRef record) {
        List<AuditEntry> entries = new ArrayList<>(audit.find(
                new AuditQuery(null, record.kind().name(), record.id().toString(), null), 0, MAX_TRAIL));
        java.util.Collections.reverse(entries);
        Map<UUID, String> names = new java.util.HashMap<>();
        return entries.stream().map(entry -> new SubjectAccessPdf.TrailEntry(entry.occurredAt(),
                entry.userId() == null ? null : names.computeIfAbsent(entry.userId(), id -> users.find(new UserId(id))
                        .map(UserSummary::name).orElse(null)),
                entry.agencyId() == null ? null : agencyName(new org.waymark.shared.AgencyId(entry.agencyId())),
                entry.action(), entry.outcome(), entry.detail())).toList();
    }

    private String agencyName(org.waymark.shared.AgencyId id) {
        return id == null ? null : agencies.find(id).map(AgencySummary::name).orElse(null);
    }

    /** The first 16 hex digits of the SHA-256 of the name in lower case without accents. */
    static String digest(String name) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join(" ", NameMatch.words(name)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 16);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void requireAdmin(WaymarkUser user) {
        if (user == null || !user.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("subject access requests are answered by administrators");
        }
    }
}
