package org.waymark.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The periods as a deployment writes them, the defaults, and periods that make no sense refused at start. */
class RetentionPolicyTest {

    @Test
    void periodsAreReadAsWrittenAndTheRestKeepTheirDefaults() {
        RetentionPolicy policy = bind(Map.of("waymark.retention.check-without-referral", "60d",
                "waymark.retention.referral", "P10Y", "waymark.retention.delete-after-masking", "0d"));

        assertThat(policy.checkWithoutReferral()).isEqualTo(Period.ofDays(60));
        assertThat(policy.referral()).isEqualTo(Period.ofYears(10));
        assertThat(policy.deleteAfterMasking()).isEqualTo(Period.ZERO);
        assertThat(policy.publicReport()).isEqualTo(Period.ofYears(1));
        assertThat(bind(Map.of())).isEqualTo(RetentionPolicy.defaults());
    }

    @Test
    void aPeriodOfNothingIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("waymark.retention.audit-log", "0d")))
                .isInstanceOf(BindException.class).hasStackTraceContaining("waymark.retention.audit-log must be");
        assertThatThrownBy(() -> bind(Map.of("waymark.retention.engagement", "-1y")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void passengerDataCountsInHoursThenDaysAndIsNotDeletedBeforeItIsMasked() {
        RetentionPolicy policy = bind(Map.of("waymark.retention.passenger-data-mask", "6h",
                "waymark.retention.passenger-data", "7d"));

        assertThat(policy.passengerDataMask()).isEqualTo(Duration.ofHours(6));
        assertThat(policy.passengerData()).isEqualTo(Period.ofDays(7));
        assertThat(RetentionPolicy.defaults().passengerDataMask()).isEqualTo(Duration.ofHours(48));
        assertThat(RetentionPolicy.defaults().passengerData()).isEqualTo(Period.ofDays(30));
        assertThat(RetentionPolicy.defaults().passengerDataCron()).as("every hour").isEqualTo("0 15 * * * *");
        assertThatThrownBy(() -> bind(Map.of("waymark.retention.passenger-data-mask", "72h",
                "waymark.retention.passenger-data", "2d"))).isInstanceOf(BindException.class)
                .hasStackTraceContaining("no shorter than waymark.retention.passenger-data-mask");
        assertThatThrownBy(() -> bind(Map.of("waymark.retention.passenger-data-mask", "0h")))
                .isInstanceOf(BindException.class);
    }

    @Test
    void aRecordHasOutlivedItsPeriodByTheCalendar() {
        assertThat(RetentionPolicy.before(Instant.parse("2032-03-01T02:30:00Z"), Period.ofYears(6)))
                .isEqualTo(Instant.parse("2026-03-01T02:30:00Z"));
    }

    private static RetentionPolicy bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("waymark.retention",
                RetentionPolicy.class);
    }
}
