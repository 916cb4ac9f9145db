package org.waymark.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.waymark.support.TestClock;

/**
 * The limit on reports from the public: five in ten minutes for each client, where a client is
 * an IPv4 address or an IPv6 /64 network (what one home or phone is given), remembered in a
 * bounded memory that forgets a client once its window has passed.
 */
class ReportLimitTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    private final TestClock clock = new TestClock();
    private final ReportLimit limit = new ReportLimit(5, WINDOW, clock);

    @Test
    void anAddressMakesFiveReportsThenWaitsForItsWindowToPass() {
        assertThat(IntStream.range(0, 6).mapToObj(i -> limit.allow("192.0.2.1")))
                .containsExactly(true, true, true, true, true, false);
        assertThat(limit.allow("192.0.2.2")).as("the next address along is another client").isTrue();

        clock.advance(WINDOW);

        assertThat(limit.allow("192.0.2.1")).isTrue();
    }

    @Test
    void anIpv6ClientCountsAsOneWhicheverAddressOfItsSlash64ItUses() {
        assertThat(limit.allow("2001:db8:1:2::1")).isTrue();
        assertThat(limit.allow("2001:db8:1:2::2")).isTrue();
        assertThat(limit.allow("2001:DB8:1:2:a:b:c:d")).isTrue();
        assertThat(limit.allow("2001:0db8:0001:0002:ffff:ffff:ffff:fffe")).isTrue();
        assertThat(limit.allow("[2001:db8:1:2::5]")).isTrue();

        assertThat(limit.allow("2001:db8:1:2:ffff:ffff:ffff:ffff")).as("a sixth address in the same /64").isFalse();
        assertThat(limit.allow("2001:db8:1:3::1")).as("the next /64 is another client").isTrue();
    }

    @Test
    void anIpv4AddressWrittenAsIpv6IsTheSameClient() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.allow("198.51.100.7")).isTrue();
        }

        assertThat(limit.allow("::ffff:198.51.100.7")).isFalse();
        assertThat(limit.allow("0:0:0:0:0:ffff:c633:6407")).isFalse();
    }

    @Test
    void whatIsNotAnIpAddressSharesOneCountRatherThanEscapingTheLimit() {
        for (String madeUp : new String[] { "unknown", "proxy.example", "not an address", "999.1.1.1", "" }) {
            assertThat(limit.allow(madeUp)).isTrue();
        }

        assertThat(limit.allow("yet another")).isFalse();
        assertThat(limit.allow("192.0.2.9")).isTrue();
    }

    @Test
    void aFloodOfAddressesIsRememberedWithinTheCapWhileAClientThatKeepsTryingStaysLimited() {
        for (int i = 0; i < 5; i++) {
            limit.allow("2001:db8:dead:beef::1");
        }

        for (int i = 1; i <= 300_000; i++) {
            limit.allow(ipv4(i));
            if (i % 1_000 == 0) {
                assertThat(limit.clients()).as("clients remembered after %,d addresses", i)
                        .isLessThanOrEqualTo(ReportLimit.MAX_CLIENTS);
                assertThat(limit.allow("2001:db8:dead:beef::" + Integer.toHexString(i / 1_000)))
                        .as("the limited client, after %,d other addresses", i).isFalse();
            }
        }
    }

    @Test
    void aClientIsForgottenOnceItsWindowHasPassed() {
        for (int i = 1; i <= 1_000; i++) {
            limit.allow(ipv4(i));
        }
        assertThat(limit.clients()).isEqualTo(1_000);

        clock.advance(WINDOW.plusSeconds(1));

        assertThat(limit.clients()).isZero();
    }

    /** The i-th address of 10.0.0.0/8. */
    private static String ipv4(int i) {
        return "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
    }
}
