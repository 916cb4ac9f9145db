package org.waymark.retention;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.waymark.audit.AuditLog;
import org.waymark.engagement.TallyDisposal;
import org.waymark.identity.Role;
import org.waymark.identity.WaymarkUser;
import org.waymark.passengerdata.PassengerDataDisposal;
import org.waymark.referral.ReferralDisposal;
import org.waymark.retention.Holds.Held;
import org.waymark.retention.RetentionEvents.RunRequested;
import org.waymark.safeguarding.CheckDisposal;
import org.waymark.screening.ScreeningDisposal;
import org.waymark.tips.ReportDisposal;

/**
 * Disposes of what has outlived its retention period: first masks it (the record stays, shown as
 * disposed of, its personal details replaced by a marker), then, once the delay after masking
 * has passed, deletes it. A check and its referrals go together, as one: a check that led to a
 * submitted referral is kept as long as the referral. Held records are left alone. Every
 * disposal is in the register and the audit log. Counts are never touched, so every figure
 * reads the same before and after. Running twice does nothing more; each record is disposed of
 * in a transaction of its own, and tallies and log entries in batches. Passenger data runs on a
 * clock of hours from each flight, so it is also looked at on its own, every hour; a traveller
 * kept for an enhanced check is masked and deleted with the check. Screening's hits and requests
 * to officers are masked with their flight's passenger data, and then kept, naming no one.
 */
@Service
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** How far ahead the overview looks for what is coming due. */
    public static final Period AHEAD = Period.ofDays(30);

    /** Audit entries deleted in one transaction. */
    static final int AUDIT_BATCH = 10_000;

    private final RetentionPolicy policy;
    private final CheckDisposal checks;
    private final ReferralDisposal referrals;
    private final ReportDisposal reports;
    private final TallyDisposal tallies;
    private final PassengerDataDisposal passengerData;
    private final ScreeningDisposal screening;
    private final AuditLog audit;
    private final Holds holds;
    private final DisposalRegister register;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public RetentionPolicy policy() {
        return policy;
    }

    /** What one run disposed of: per class, how many records were masked and how many deleted. */
    public record Run(Map<RecordClass, Long> masked, Map<RecordClass, Long> deleted) {

        public long maskedTotal() {
            return masked.values().stream().mapToLong(Long::longValue).sum();
        }

        public long deletedTotal() {
            return deleted.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The run an administrator asks for now, as the schedule would make it. */
    public Run runNow(WaymarkUser admin) {
        if (!admin.hasRole(Role.ADMIN)) {
            throw new AccessDeniedException("retention runs are asked for by administrators");
        }
        transaction.executeWithoutResult(status -> events.publishEvent(new RunRequested(admin.actor())));
        return run();
    }

    /** Masks and deletes everything due now that no hold keeps. */
    public synchronized Run run() {
        Instant now = clock.instant();
        Map<RecordClass, Long> masked = new EnumMap<>(RecordClass.class);
        Map<RecordClass, Long> deleted = new EnumMap<>(RecordClass.class);
        Held held = holds.held();

        for (UUID check : checksWithoutReferral(checks.toMask(before(now, policy.checkWithoutReferral())))) {
            if (!held.checks().contains(check)) {
                once(() -> maskCheck(check, RecordClass.CHECK_WITHOUT_REFERRAL, now, masked));
            }
        }
        for (ReferralDisposal.Due due : referrals.toMask(before(now, policy.referral()))) {
            if (!held.checks().contains(due.checkId())) {
                once(() -> maskCheck(due.checkId(), RecordClass.REFERRAL_PACKAGE, now, masked));
            }
        }
        List<CheckDisposal.Due> toErase = checks.toErase(before(now, policy.deleteAfterMasking()));
        Set<UUID> referred = referrals.submittedFor(toErase.stream().map(CheckDisposal.Due::checkId).toList());
        for (CheckDisposal.Due due : toErase) {
            if (!held.checks().contains(due.checkId())) {
                RecordClass recordClass = referred.contains(due.checkId()) ? RecordClass.REFERRAL_PACKAGE
                        : RecordClass.CHECK_WITHOUT_REFERRAL;
                once(() -> eraseCheck(due.checkId(), recordClass, now, deleted));
            }
        }

        for (ReportDisposal.Due due : reports.toMask(before(now, policy.publicReport()),
                before(now, policy.publicReportLinked()))) {
            if (!held.reports().contains(due.reportId())) {
                once(() -> {
                    if (reports.mask(due.reportId(), now)) {
                        register.record(RecordClass.PUBLIC_REPORT, HeldType.PUBLIC_REPORT, due.reportId(),
                                DisposalRegister.MASKED);
                        masked.merge(RecordClass.PUBLIC_REPORT, 1L, Long::sum);
                    }
                });
            }
        }
        for (ReportDisposal.Due due : reports.toDelete(before(now, policy.deleteAfterMasking()))) {
            if (!held.reports().contains(due.reportId())) {
                once(() -> {
                    if (reports.delete(due.reportId())) {
                        register.record(RecordClass.PUBLIC_REPORT, HeldType.PUBLIC_REPORT, due.reportId(),
                                DisposalRegister.DELETED);
                        deleted.merge(RecordClass.PUBLIC_REPORT, 1L, Long::sum);
                    }
                });
            }
        }

        disposePassengerData(now, masked, deleted);

        long tallyRows = tallies.deleteBefore(before(now, policy.engagement()));
        if (tallyRows > 0) {
            once(() -> register.deleted(RecordClass.ENGAGEMENT, "ENGAGEMENT_TALLY", tallyRows));
            deleted.put(RecordClass.ENGAGEMENT, tallyRows);
        }
        Instant auditBefore = before(now, policy.auditLog());
        long entries = 0;
        int batch;
        do {
            batch = transaction.execute(status -> audit.deleteBefore(auditBefore, AUDIT_BATCH));
            entries += batch;
        } while (batch >= AUDIT_BATCH);
        if (entries > 0) {
            long total = entries;
            once(() -> register.deleted(RecordClass.AUDIT_LOG, "AUDIT_ENTRY", total));
            deleted.put(RecordClass.AUDIT_LOG, entries);
        }
        Run run = new Run(masked, deleted);
        if (run.maskedTotal() + run.deletedTotal() > 0) {
            log.info("Retention: masked {} and deleted {} records", masked, deleted);
        }
        return run;
    }

    /** Masks and deletes the passenger data due now, as the hourly run does. */
    public synchronized Run runPassengerData() {
        Map<RecordClass, Long> masked = new EnumMap<>(RecordClass.class);
        Map<RecordClass, Long> deleted = new EnumMap<>(RecordClass.class);
        disposePassengerData(clock.instant(), masked, deleted);
        Run run = new Run(masked, deleted);
        if (run.maskedTotal() + run.deletedTotal() > 0) {
            log.info("Retention of passenger data: masked {} and deleted {} records", masked, deleted);
        }
        return run;
    }

    /**
     * Flights first, then the messages whose flights are all done with: each flight and each
     * message is one record of the class.
     */
    private void disposePassengerData(Instant now, Map<RecordClass, Long> masked, Map<RecordClass, Long> deleted) {
        RecordClass recordClass = RecordClass.PASSENGER_DATA;
        Instant maskBefore = RetentionPolicy.before(now, policy.passengerDataMask());
        Instant deleteBefore = before(now, policy.passengerData());
        for (PassengerDataDisposal.Due due : passengerData.flightsToMask(maskBefore)) {
            once(() -> {
                if (passengerData.maskFlight(due.id(), now)) {
                    register.record(recordClass, PassengerDataDisposal.FLIGHT, due.id(), DisposalRegister.MASKED);
                    masked.merge(recordClass, 1L, Long::sum);
                }
            });
        }
        // Screening's hits and requests follow their flight's clock, also for a hit recorded after the flight was masked.
        for (PassengerDataDisposal.Due due : passengerData.flightsPast(screening.flightsToMask(), maskBefore)) {
            once(() -> {
                ScreeningDisposal.Masked done = screening.maskFlight(due.id(), now);
                for (UUID hit : done.hits()) {
                    register.record(recordClass, ScreeningDisposal.HIT, hit, DisposalRegister.MASKED);
                }
                for (UUID request : done.requests()) {
                    register.record(recordClass, ScreeningDisposal.REQUEST, request, DisposalRegister.MASKED);
                }
                long records = done.hits().size() + done.requests().size();
                if (records > 0) {
                    masked.merge(recordClass, records, Long::sum);
                }
            });
        }
        for (PassengerDataDisposal.Due due : passengerData.messagesToMask(maskBefore)) {
            once(() -> {
                if (passengerData.maskMessage(due.id(), now)) {
                    register.record(recordClass, PassengerDataDisposal.MESSAGE, due.id(), DisposalRegister.MASKED);
                    masked.merge(recordClass, 1L, Long::sum);
                }
            });
        }
        for (PassengerDataDisposal.Due due : passengerData.flightsToDelete(deleteBefore)) {
            once(() -> {
                if (passengerData.deleteFlight(due.id(), now)) {
                    register.record(recordClass, PassengerDataDisposal.FLIGHT, due.id(), DisposalRegister.DELETED);
                    deleted.merge(recordClass, 1L, Long::sum);
                }
            });
        }
        for (PassengerDataDisposal.Due due : passengerData.messagesToDelete(deleteBefore)) {
            once(() -> {
                if (passengerData.deleteMessage(due.id())) {
                    register.record(recordClass, PassengerDataDisposal.MESSAGE, due.id(), DisposalRegister.DELETED);
                    deleted.merge(recordClass, 1L, Long::sum);
                }
            });
        }
    }

    /** For each class, what is due now and in the next 30 days, and what a hold keeps. */
    public record ClassOverview(RecordClass recordClass, Period period, Period linkedPeriod, long toMaskNow,
            long toMaskSoon, long toDeleteNow, long toDeleteSoon, long held) {
    }

    /** What is due now and soon, class by class, as the next run would see it. */
    public List<ClassOverview> overview() {
        Instant now = clock.instant();
        Instant soon = now.atZone(java.time.ZoneOffset.UTC).plus(AHEAD).toInstant();
        Held held = holds.held();
        List<ClassOverview> overview = new ArrayList<>();

        Set<UUID> checksNow = Set.copyOf(checksWithoutReferral(checks.toMask(before(now, policy.checkWithoutReferral()))));
        Set<UUID> checksSoon = Set.copyOf(checksWithoutReferral(checks.toMask(before(soon, policy.checkWithoutReferral()))));
        Set<UUID> referralsNow = referrals.toMask(before(now, policy.referral())).stream()
                .map(ReferralDisposal.Due::checkId).collect(Collectors.toSet());
        Set<UUID> referralsSoon = referrals.toMask(before(soon, policy.referral())).stream()
                .map(ReferralDisposal.Due::checkId).collect(Collectors.toSet());
        List<UUID> eraseSoon = checks.toErase(before(soon, policy.deleteAfterMasking())).stream()
                .map(CheckDisposal.Due::checkId).toList();
        Set<UUID> eraseNow = checks.toErase(before(now, policy.deleteAfterMasking())).stream()
                .map(CheckDisposal.Due::checkId).collect(Collectors.toSet());
        Set<UUID> referred = referrals.submittedFor(eraseSoon);
        Set<UUID> checkEraseNow = eraseNow.stream().filter(id -> !referred.contains(id)).collect(Collectors.toSet());
        Set<UUID> checkEraseSoon = eraseSoon.stream().filter(id -> !referred.contains(id)).collect(Collectors.toSet());
        Set<UUID> referralEraseNow = eraseNow.stream().filter(referred::contains).collect(Collectors.toSet());
        Set<UUID> referralEraseSoon = eraseSoon.stream().filter(referred::contains).collect(Collectors.toSet());
        overview.add(row(RecordClass.CHECK_WITHOUT_REFERRAL, policy.checkWithoutReferral(), null, checksNow,
                checksSoon, checkEraseNow, checkEraseSoon, held.checks()));
        overview.add(row(RecordClass.REFERRAL_PACKAGE, policy.referral(), null, referralsNow, referralsSoon,
                referralEraseNow, referralEraseSoon, held.checks()));

        Set<UUID> reportsNow = reports.toMask(before(now, policy.publicReport()), before(now, policy.publicReportLinked()))
                .stream().map(ReportDisposal.Due::reportId).collect(Collectors.toSet());
        Set<UUID> reportsSoon = reports.toMask(before(soon, policy.publicReport()),
                before(soon, policy.publicReportLinked())).stream().map(ReportDisposal.Due::reportId)
                .collect(Collectors.toSet());
        Set<UUID> reportsDeleteNow = reports.toDelete(before(now, policy.deleteAfterMasking())).stream()
                .map(ReportDisposal.Due::reportId).collect(Collectors.toSet());
        Set<UUID> reportsDeleteSoon = reports.toDelete(before(soon, policy.deleteAfterMasking())).stream()
                .map(ReportDisposal.Due::reportId).collect(Collectors.toSet());
        overview.add(row(RecordClass.PUBLIC_REPORT, policy.publicReport(), policy.publicReportLinked(), reportsNow,
                reportsSoon, reportsDeleteNow, reportsDeleteSoon, held.reports()));

        long talliesNow = tallies.countBefore(before(now, policy.engagement()));
        overview.add(new ClassOverview(RecordClass.ENGAGEMENT, policy.engagement(), null, 0, 0, talliesNow,
                tallies.countBefore(before(soon, policy.engagement())) - talliesNow, 0));
        long entriesNow = audit.countBefore(before(now, policy.auditLog()));
        overview.add(new ClassOverview(RecordClass.AUDIT_LOG, policy.auditLog(), null, 0, 0, entriesNow,
                audit.countBefore(before(soon, policy.auditLog())) - entriesNow, 0));

        Instant maskNow = RetentionPolicy.before(now, policy.passengerDataMask());
        Instant maskSoon = RetentionPolicy.before(soon, policy.passengerDataMask());
        List<UUID> withHits = screening.flightsToMask();
        Set<UUID> toMaskNow = passengerData(passengerData.flightsToMask(maskNow), passengerData.messagesToMask(maskNow));
        toMaskNow.addAll(screening.toMask(ids(passengerData.flightsPast(withHits, maskNow))));
        Set<UUID> toMaskSoon = passengerData(passengerData.flightsToMask(maskSoon),
                passengerData.messagesToMask(maskSoon));
        toMaskSoon.addAll(screening.toMask(ids(passengerData.flightsPast(withHits, maskSoon))));
        overview.add(row(RecordClass.PASSENGER_DATA, policy.passengerData(), null, toMaskNow, toMaskSoon,
                passengerData(passengerData.flightsToDelete(before(now, policy.passengerData())),
                        passengerData.messagesToDelete(before(now, policy.passengerData()))),
                passengerData(passengerData.flightsToDelete(before(soon, policy.passengerData())),
                        passengerData.messagesToDelete(before(soon, policy.passengerData()))),
                Set.of()));
        return overview;
    }

    /** The register of disposals, newest first. */
    public List<DisposalEntry> register(int page, int size) {
        return register.page(page, size);
    }

    private static Set<UUID> passengerData(List<PassengerDataDisposal.Due> flights,
            List<PassengerDataDisposal.Due> messages) {
        Set<UUID> ids = new java.util.HashSet<>();
        flights.forEach(due -> ids.add(due.id()));
        messages.forEach(due -> ids.add(due.id()));
        return ids;
    }

    private static List<UUID> ids(List<PassengerDataDisposal.Due> due) {
        return due.stream().map(PassengerDataDisposal.Due::id).toList();
    }

    private static ClassOverview row(RecordClass recordClass, Period period, Period linked, Set<UUID> maskNow,
            Set<UUID> maskSoon, Set<UUID> deleteNow, Set<UUID> deleteSoon, Set<UUID> held) {
        long heldNow = maskNow.stream().filter(held::contains).count()
                + deleteNow.stream().filter(held::contains).count();
        return new ClassOverview(recordClass, period, linked, count(maskNow, held), soon(maskSoon, maskNow, held),
                count(deleteNow, held), soon(deleteSoon, deleteNow, held), heldNow);
    }

    private static long count(Set<UUID> due, Set<UUID> held) {
        return due.stream().filter(id -> !held.contains(id)).count();
    }

    private static long soon(Set<UUID> soon, Set<UUID> now, Set<UUID> held) {
        return soon.stream().filter(id -> !now.contains(id) && !held.contains(id)).count();
    }

    /** The checks among those due that no submitted referral keeps longer. */
    private List<UUID> checksWithoutReferral(List<CheckDisposal.Due> due) {
        List<UUID> ids = due.stream().map(CheckDisposal.Due::checkId).toList();
        Set<UUID> referred = referrals.submittedFor(ids);
        return ids.stream().filter(id -> !referred.contains(id)).toList();
    }

    /** Masks the check and its referrals together, in the caller's transaction. */
    private void maskCheck(UUID check, RecordClass recordClass, Instant now, Map<RecordClass, Long> masked) {
        for (UUID referral : referrals.mask(check, now)) {
            register.record(recordClass, HeldType.REFERRAL, referral, DisposalRegister.MASKED);
            masked.merge(recordClass, 1L, Long::sum);
        }
        if (checks.mask(check, now)) {
            register.record(recordClass, HeldType.ENHANCED_CHECK, check, DisposalRegister.MASKED);
            masked.merge(recordClass, 1L, Long::sum);
        }
        for (UUID traveller : passengerData.maskKeptFor(check)) {
            register.record(recordClass, PassengerDataDisposal.TRAVELLER, traveller, DisposalRegister.MASKED);
            masked.merge(recordClass, 1L, Long::sum);
        }
    }

    private void eraseCheck(UUID check, RecordClass recordClass, Instant now, Map<RecordClass, Long> deleted) {
        for (UUID referral : referrals.erase(check, now)) {
            register.record(recordClass, HeldType.REFERRAL, referral, DisposalRegister.DELETED);
            deleted.merge(recordClass, 1L, Long::sum);
        }
        if (checks.erase(check, now)) {
            register.record(recordClass, HeldType.ENHANCED_CHECK, check, DisposalRegister.DELETED);
            deleted.merge(recordClass, 1L, Long::sum);
        }
        for (UUID traveller : passengerData.deleteKeptFor(check)) {
            register.record(recordClass, PassengerDataDisposal.TRAVELLER, traveller, DisposalRegister.DELETED);
            deleted.merge(recordClass, 1L, Long::sum);
        }
    }

    /** One disposal in a transaction of its own; a failure is logged and left for the next run. */
    private void once(Runnable disposal) {
        try {
            transaction.executeWithoutResult(status -> disposal.run());
        } catch (RuntimeException e) {
            log.warn("Retention: a disposal failed and is left for the next run", e);
        }
    }

    private static Instant before(Instant now, Period period) {
        return RetentionPolicy.before(now, period);
    }
}
