package org.waymark.tips;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * How many reports one client may make in a window (5 in 10 minutes unless set): enough for a
 * person, too few for a flood. A client is an IPv4 address, or an IPv6 /64 network: a home, a
 * phone or a server is given a whole /64 and could take a fresh address from it for every
 * report. Kept in memory, so each instance counts its own.
 */
@Component
class ReportLimit {

    /**
     * Clients remembered at most. Past it, those seen least are forgotten first, which can only
     * let a forgotten client report again sooner, never keep anyone out.
     */
    static final int MAX_CLIENTS = 100_000;

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits, dots and a colon: Java reads it as an IPv6 literal or refuses it, never asking DNS. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f]*:[0-9A-Fa-f:.]*");
    /** Whatever is not an IP address (only a misconfigured proxy passes one on) shares one count. */
    private static final String NOT_AN_ADDRESS = "not an IP address";

    private final int limit;
    private final Duration window;
    private final Clock clock;
    /** Each client's reports still in the window; a client goes once its last report is a window old. */
    private final Cache<String, Deque<Instant>> recent;

    ReportLimit(@Value("${waymark.reports.limit:5}") int limit,
            @Value("${waymark.reports.window:10m}") Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
        this.recent = Caffeine.newBuilder()
                .maximumSize(MAX_CLIENTS)
                .expireAfterWrite(window)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(Runnable::run)
                .build();
    }

    /** Counts one report from the address's client, if it is still within the limit. */
    boolean allow(String address) {
        Instant now = clock.instant();
        Instant windowStart = now.minus(window);
        boolean[] allowed = { false };
        recent.asMap().compute(client(address), (key, times) -> {
            Deque<Instant> counted = times == null ? new ArrayDeque<>(limit) : times;
            while (!counted.isEmpty() && !counted.peekFirst().isAfter(windowStart)) {
                counted.pollFirst();
            }
            if (counted.size() < limit) {
                counted.addLast(now);
                allowed[0] = true;
            }
            return counted;
        });
        return allowed[0];
    }

    /** How many clients are remembered now. */
    long clients() {
        recent.cleanUp();
        return recent.estimatedSize();
    }

    /** The client an address belongs to: an IPv4 address itself, or an IPv6 address's /64 network. */
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
            byte[] network = Arrays.copyOf(parsed.getAddress(), 16);
            Arrays.fill(network, 8, 16, (byte) 0);
            return InetAddress.getByAddress(network).getHostAddress() + "/64";
        } catch (UnknownHostException notAnAddress) {
            return NOT_AN_ADDRESS;
        }
    }
}
