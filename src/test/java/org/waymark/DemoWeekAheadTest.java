package org.waymark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The same story when the demo starts before the week of action, in March: the week's tallies,
 * checks and referral all lie ahead, and the referral is still made, and submitted after its
 * check began.
 */
@Import(DemoWeekAheadTest.InMarch.class)
class DemoWeekAheadTest extends DemoWeekOfActionTest {

    @TestConfiguration
    static class InMarch {
        @Bean
        @Primary
        Clock march() {
            Instant march = Year.now(ZoneOffset.UTC).plusYears(1).atMonth(3).atDay(10).atTime(9, 0)
                    .toInstant(ZoneOffset.UTC);
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), march));
        }
    }

    @Autowired
    Clock clock;

    @Test
    void theWeekIsAhead() {
        assertThat(operation.startDate()).isAfter(LocalDate.now(clock));
    }
}
