package org.waymark.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long each class of record is kept, set by the deployment ({@code waymark.retention.*}).
 * Periods are written as {@code 90d}, {@code 6m}, {@code 6y} or ISO 8601 ({@code P6Y}).
 *
 * @param checkWithoutReferral an enhanced check that led to no submitted referral, from its closing
 * @param referral a submitted NRM referral or Duty to Notify and its check, from the last submission
 * @param publicReport a report from the public not linked to an operation, from its receipt
 * @param publicReportLinked a report from the public linked to an operation, from its receipt
 * @param engagement a single tally, from its recording; the counts per flight and day are kept
 * @param auditLog an entry of the audit log, from its writing
 * @param deleteAfterMasking how long a masked record stays, shown as disposed of, before it is deleted
 * @param cron when the daily run starts, in the server's time zone
 * @param passengerDataMask how long after its flight passenger data is masked, written as {@code 48h}
 * @param passengerData how long after its flight passenger data is deleted; the counts per flight are kept
 * @param passengerDataCron when the passenger data is looked at, every hour by default, as its clock is short
 */
@ConfigurationProperties("waymark.retention")
public record RetentionPolicy(@DefaultValue("90d") Period checkWithoutReferral, @DefaultValue("6y") Period referral,
        @DefaultValue("1y") Period publicReport, @DefaultValue("6y") Period publicReportLinked,
        @DefaultValue("1y") Period engagement, @DefaultValue("6y") Period auditLog,
        @DefaultValue("30d") Period deleteAfterMasking, @DefaultValue("0 30 2 * * *") String cron,
        @DefaultValue("48h") Duration passengerDataMask, @DefaultValue("30d") Period passengerData,
        @DefaultValue("0 15 * * * *") String passengerDataCron) {

    public RetentionPolicy {
        positive(checkWithoutReferral, "check-without-referral");
        positive(referral, "referral");
        positive(publicReport, "public-report");
        positive(publicReportLinked, "public-report-linked");
        positive(engagement, "engagement");
        positive(auditLog, "audit-log");
        if (deleteAfterMasking == null || deleteAfterMasking.isNegative()) {
            throw new IllegalArgumentException("waymark.retention.delete-after-masking must be zero or more");
        }
        if (passengerDataMask == null || passengerDataMask.isNegative() || passengerDataMask.isZero()) {
            throw new IllegalArgumentException("waymark.retention.passenger-data-mask must be a time above zero");
        }
        positive(passengerData, "passenger-data");
        Instant at = Instant.parse("2000-01-01T00:00:00Z");
        if (before(at, passengerData).isAfter(at.minus(passengerDataMask))) {
            throw new IllegalArgumentException(
                    "waymark.retention.passenger-data must be no shorter than waymark.retention.passenger-data-mask");
        }
    }

    /** The policy with every default. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Period.ofDays(90), Period.ofYears(6), Period.ofYears(1), Period.ofYears(6),
                Period.ofYears(1), Period.ofYears(6), Period.ofDays(30), "0 30 2 * * *", Duration.ofHours(48),
                Period.ofDays(30), "0 15 * * * *");
    }

    /** The moment a record must be older than, at {@code now}, to have outlived {@code time}. */
    static Instant before(Instant now, Duration time) {
        return now.minus(time);
    }

    /** The moment a record must be older than, at {@code now}, to have outlived {@code period}. */
    static Instant before(Instant now, Period period) {
        return now.atZone(ZoneOffset.UTC).minus(period).toInstant();
    }

    private static void positive(Period period, String name) {
        if (period == null || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("waymark.retention." + name + " must be a period above zero");
        }
    }
}
