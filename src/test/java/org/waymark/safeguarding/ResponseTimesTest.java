package org.waymark.safeguarding;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The median and the 90th percentile (nearest rank) of response times, unanswered requests left out. */
class ResponseTimesTest {

    @Test
    void anOddNumberOfTimesHasItsMiddleOneAsMedian() {
        ResponseTimes.Spread spread = ResponseTimes.Spread.of(minutes(9, 2, 4));

        assertThat(spread.count()).isEqualTo(3);
        assertThat(spread.median()).isEqualTo(Duration.ofMinutes(4));
        assertThat(spread.p90()).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void anEvenNumberHasTheMeanOfTheMiddleTwoAndTheNinetiethPercentileIsTheNinthOfTen() {
        ResponseTimes.Spread spread = ResponseTimes.Spread.of(minutes(1, 2, 3, 4, 5, 6, 7, 8, 9, 30));

        assertThat(spread.median()).isEqualTo(Duration.ofSeconds(330));
        assertThat(spread.p90()).isEqualTo(Duration.ofMinutes(9));
    }

    @Test
    void requestsNotYetAnsweredDoNotCount() {
        ResponseTimes.Spread spread = ResponseTimes.Spread.of(Arrays.asList(null, Duration.ofMinutes(7), null));

        assertThat(spread.count()).isEqualTo(1);
        assertThat(spread.median()).isEqualTo(Duration.ofMinutes(7));
        assertThat(ResponseTimes.Spread.of(Arrays.asList((Duration) null)).median()).isNull();
    }

    private static List<Duration> minutes(long... values) {
        return Arrays.stream(values).mapToObj(Duration::ofMinutes).toList();
    }
}
