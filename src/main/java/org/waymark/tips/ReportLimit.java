package org.waymark.tips;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many reports one client may make in a window (5 in 10 minutes unless set): enough for a
 * person, too few for a flood. A client is an IPv4 address, or an IPv6 /64 network: a home, a
 * phone or a server is given a whole /64 and could take a fresh address from it for every
 * report. Counted in the database, so that every node of a cluster keeps the same count: a
 * client's window opens with its first report, and the window's count goes up by one conditional
 * update, which the database serialises for each client (ADR 0019).
 */
@Component
class ReportLimit {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits, dots and a colon: Java reads it as an IPv6 literal or refuses it, never asking DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");
    /** Whatever is not an IP address (only a misconfigured proxy passes one on) shares one count. */
    private static final String NOT_AN_ADDRESS = "not an IP address";

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final JdbcClient jdbc;
    /** Each count in a transaction of its own, committed before the report is kept, as a shared count must be. */
    private final TransactionTemplate ownTransaction;

    ReportLimit(@Value("${waymark.reports.limit:5}") int limit,
            @Value("${waymark.reports.window:10m}") Duration window, Clock clock, JdbcClient jdbc,
            PlatformTransactionManager transactions) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts one report from the address's client, if it is still within the limit. */
    boolean allow(String address) {
        String client = client(address);
        try {
            return Boolean.TRUE.equals(ownTransaction.execute(status -> count(client)));
        } catch (DuplicateKeyException sameMoment) {
            // Another request of the client's, perhaps on another node, opened its window first: count in that.
            return Boolean.TRUE.equals(ownTransaction.execute(status -> count(client)));
        }
    }

    private boolean count(String client) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp opened = Timestamp.from(clock.instant().minus(window));
        if (jdbc.sql("""
                UPDATE report_limit SET reports = reports + 1
                WHERE client = :client AND window_start > :opened AND reports < :limit""")
                .param("client", client).param("opened", opened).param("limit", limit).update() == 1) {
            return true;
        }
        if (jdbc.sql("UPDATE report_limit SET window_start = :now, reports = 1 WHERE client = :client"
                + " AND window_start <= :opened").param("now", now).param("client", client).param("opened", opened)
                .update() == 1) {
            return true;
        }
        if (jdbc.sql("SELECT COUNT(*) FROM report_limit WHERE client = :client").param("client", client)
                .query(Integer.class).single() > 0) {
            return false; // at the limit, its window still open
        }
        // A new client: those whose window has passed are forgotten first, so the table holds one window's clients.
        jdbc.sql("DELETE FROM report_limit WHERE window_start <= :opened").param("opened", opened).update();
        jdbc.sql("INSERT INTO report_limit (client, window_start, reports) VALUES (:client, :now, 1)")
                .param("client", client).param("now", now).update();
        return true;
    }

    /** How many clients are counted now: those whose window is still open. */
    long clients() {
        return jdbc.sql("SELECT COUNT(*) FROM report_limit WHERE window_start > :opened")
                .param("opened", Timestamp.from(clock.instant().minus(window))).query(Long.class).single();
    }

    /** The NAT64 well-known prefix 64:ff9b::/96 (RFC 6052), whose last 32 bits are an IPv4 client's address. */
    private static final byte[] NAT64 = { 0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0 };

    /**
     * Whether an IPv6 address is an IPv4 address in disguise: translated by NAT64 (64:ff9b::/96) or
     * written in the old IPv4-compatible form (::/96, but for :: and ::1).
     */
    private static boolean carriesIpv4(byte[] address) {
        byte[] prefix = Arrays.copyOf(address, 12);
        boolean compatible = Arrays.equals(prefix, new byte[12]) && (address[12] | address[13] | address[14]) != 0;
        return Arrays.equals(prefix, NAT64) || compatible;
    }

    /**
     * The client an address belongs to: an IPv4 address itself (also written as IPv6, or translated
     * by NAT64), or an IPv6 address's /64 network.
     */
    static String client(String address) {
        String literal = address.strip();
        if (literal.startsWith("[") && literal.endsWith("]")) {
            literal = literal.substring(1, literal.length() - 1);
        }
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        Matcher ipv4 = IPV4.matcher(literal);
        if (ipv4.matches()) {
            int[] parts = new int[4];
            for (int i = 0; i < 4; i++) {
                parts[i] = Integer.parseInt(ipv4.group(i + 1));
                if (parts[i] > 255) {
                    return NOT_AN_ADDRESS;
                }
            }
            return parts[0] + "." + parts[1] + "." + parts[2] + "." + parts[3];
        }
        if (!IPV6.matcher(literal).matches()) {
            return NOT_AN_ADDRESS;
        }
        try {
            InetAddress parsed = InetAddress.getByName(literal);
            if (parsed instanceof Inet4Address) {
                return parsed.getHostAddress(); // an IPv4 address written as IPv6 (::ffff:192.0.2.1)
            }
            byte[] bytes = parsed.getAddress();
            if (carriesIpv4(bytes)) {
                // Every IPv4 client behind a NAT64 gateway shares its /64: each is its own client
                return InetAddress.getByAddress(Arrays.copyOfRange(bytes, 12, 16)).getHostAddress();
            }
            byte[] network = Arrays.copyOf(bytes, 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return NOT_AN_ADDRESS;
        }
    }
}
