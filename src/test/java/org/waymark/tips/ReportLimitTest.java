package org.waymark.tips;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.waymark.support.DatabaseTests;
import org.waymark.support.TestClock;

/**
 * The limit on reports from the public: five in ten minutes for each client, where a client is
 * an IPv4 address or an IPv6 /64 network (what one home or phone is given), counted in the
 * database so that every node keeps the one count, and forgetting a client once its window has
 * passed. Runs on H2 and on PostgreSQL.
 */
@SpringBootTest(properties = { "waymark.scheduling.enabled=false", "waymark.reports.limit=5",
        "waymark.reports.window=10m" })
@Import(TestClock.InUse.class)
class ReportLimitTest extends DatabaseTests {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Autowired
    TestClock clock;
    @Autowired
    ReportLimit limit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void nobodyCountedYet() {
        jdbc.sql("DELETE FROM report_limit").update();
    }

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
    void ipv4ClientsBehindANat64GatewayAreEachTheirOwnClientNotOneSlash64() {
        for (int i = 0; i < 5; i++) {
            assertThat(limit.allow("64:ff9b::198.51.120.1")).isTrue();
        }

        assertThat(limit.allow("64:ff9b::c633:7801")).as("the same client, written in hex").isFalse();
        assertThat(limit.allow("198.51.120.1")).as("the same client, as IPv4").isFalse();
        assertThat(limit.allow("::198.51.120.1")).as("the same client, in the old compatible form").isFalse();
        assertThat(limit.allow("64:ff9b::198.51.120.2")).as("another client behind the gateway").isTrue();
        assertThat(limit.allow("::2")).as("::/96 holds no IPv4 client below 0.1.0.0").isTrue();
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
    void twoNodesKeepOneCountForAClient() {
        ReportLimit otherNode = new ReportLimit(5, WINDOW, clock, jdbc, transactions);
        assertThat(limit.allow("203.0.113.5")).isTrue();
        assertThat(otherNode.allow("203.0.113.5")).isTrue();
        assertThat(limit.allow("203.0.113.5")).isTrue();
        assertThat(otherNode.allow("203.0.113.5")).isTrue();
        assertThat(otherNode.allow("203.0.113.5")).isTrue();

        assertThat(limit.allow("203.0.113.5")).as("the sixth, on the first node").isFalse();
        assertThat(otherNode.allow("203.0.113.5")).as("the sixth, on the other node").isFalse();
    }

    @Test
    void twentyReportsAtOnceFromOneClientOnTwoNodesLetFiveThrough() throws Exception {
        ReportLimit otherNode = new ReportLimit(5, WINDOW, clock, jdbc, transactions);
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Callable<Boolean>> reports = IntStream.range(0, 20)
                    .mapToObj(i -> (Callable<Boolean>) () -> (i % 2 == 0 ? limit : otherNode).allow("2001:db8:5::" + i))
                    .toList();
            long allowed = 0;
            for (Future<Boolean> report : threads.invokeAll(reports)) {
                allowed += report.get() ? 1 : 0;
            }
            assertThat(allowed).isEqualTo(5);
        } finally {
            threads.shutdown();
        }
    }

    @Test
    void aFloodOfAddressesLeavesAClientThatKeepsTryingLimitedAndIsForgottenOnceItsWindowHasPassed() {
        for (int i = 0; i < 5; i++) {
            limit.allow("2001:db8:dead:beef::1");
        }
        for (int i = 1; i <= 1_000; i++) {
            assertThat(limit.allow(ipv4(i))).isTrue();
        }
        assertThat(limit.allow("2001:db8:dead:beef::2")).as("the limited client, after a thousand others").isFalse();
        assertThat(limit.clients()).isEqualTo(1_001);

        clock.advance(WINDOW.plusSeconds(1));
        assertThat(limit.clients()).isZero();
        assertThat(limit.allow("192.0.2.200")).isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM report_limit").query(Long.class).single())
                .as("a new client's first report forgets those whose window passed").isEqualTo(1);
    }

    /** The i-th address of 10.0.0.0/8. */
    private static String ipv4(int i) {
        return "10." + (i >> 16 & 0xff) + "." + (i >> 8 & 0xff) + "." + (i & 0xff);
    }
}
