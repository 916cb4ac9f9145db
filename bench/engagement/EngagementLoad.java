/*
 * Load benchmark for the engagement API (not part of the test suite; see docs/performance.md).
 *
 *   java bench/engagement/EngagementLoad.java --base http://localhost:18080 \
 *        --email ADMIN_EMAIL --password ADMIN_PASSWORD --clients 1,16,64 --seconds 20 --warmup 5 \
 *        [--settle 0] [--rate 0] [--operations 1] [--server-pid PID] [--label TEXT]
 *
 * Several nodes of one Waymark (--base http://localhost:18080,http://localhost:18081, with
 * --server-pid PID1,PID2) share the clients: client i tallies in operation i mod --operations,
 * through node (i div --operations) mod the number of nodes, so that with clients = operations x
 * nodes each operation has one phone on each node.
 *
 * Single-file Java 17 program, JDK only. With the administrator's credentials it sets up its
 * own agency, coordinator/officer, operations (one unless --operations says more) and a flight in
 * each through the API; warms the server up
 * with the largest number of clients for --warmup seconds, then waits --settle seconds without
 * load; then, for each client count, runs that many threads that each submit tallies in a
 * closed loop (send, wait for the answer, send again) for --seconds, each with a fresh
 * Idempotency-Key. With --rate R one more row follows: the largest number of clients sending
 * R requests per second in all on a fixed schedule (open loop), latency counted from each
 * request's planned time, so that a slow server is not excused by the requests it held back.
 * Each client keeps its own HTTP/1.1 connection from row to row and talks over a plain
 * blocking socket: the server shares the machine's cores with this program, which should take
 * as little of them as it can (the JDK's HTTP client took three to five times as much).
 *
 * Per row it reports successful submissions (201) per second, latency percentiles (of the 201s,
 * nearest rank) and any other answers, and checks that the server's passenger total grew by
 * exactly the number of 201s (every tally is one passenger). On Linux it also reports the CPU
 * time used by the server (with --server-pid), by itself, by processes called postgres and by
 * everything else. It talks to loopback addresses only and stops by itself.
 *
 * Exit status: 0 all good; 1 set-up failure, an answer other than 201 in a measured row, or a
 * total that does not match; 2 bad arguments.
 */

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class EngagementLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_CLIENTS = 512;
    private static final long LEAD_IN_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final int MAX_SECONDS = 600;

    private static final List<String> OPTIONS = List.of("base", "email", "password", "clients", "seconds", "warmup",
            "settle", "rate", "operations", "server-pid", "label");

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        for (String name : opts.keySet()) {
            if (!OPTIONS.contains(name)) {
                usage("unknown option --" + name);
            }
        }
        try {
            run(opts);
        } catch (NumberFormatException e) {
            usage("not a number: " + e.getMessage());
        } catch (java.io.IOException e) {
            fail("cannot talk to " + opts.get("base") + ": " + e);
        }
    }

    private static void run(Map<String, String> opts) throws Exception {
        List<String> bases = Arrays.stream(require(opts, "base").split(",")).map(String::strip)
                .map(EngagementLoad::stripSlash).toList();
        String base = bases.get(0);
        String email = require(opts, "email");
        String password = require(opts, "password");
        int[] clients = Arrays.stream(opts.getOrDefault("clients", "1,16,64").split(","))
                .map(String::strip).mapToInt(Integer::parseInt).toArray();
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        int warmup = Integer.parseInt(opts.getOrDefault("warmup", "5"));
        int settle = Integer.parseInt(opts.getOrDefault("settle", "0"));
        int rate = Integer.parseInt(opts.getOrDefault("rate", "0"));
        long[] serverPids = Arrays.stream(opts.getOrDefault("server-pid", "0").split(",")).map(String::strip)
                .mapToLong(Long::parseLong).toArray();
        int operations = Integer.parseInt(opts.getOrDefault("operations", "1"));
        String label = opts.getOrDefault("label", "");
        for (int n : clients) {
            if (n < 1 || n > MAX_CLIENTS) {
                usage("--clients must be between 1 and " + MAX_CLIENTS);
            }
        }
        if (seconds < 1 || seconds > MAX_SECONDS || warmup < 0 || warmup > MAX_SECONDS || settle < 0
                || settle > MAX_SECONDS || rate < 0 || operations < 1 || operations > MAX_CLIENTS) {
            usage("--seconds must be 1.." + MAX_SECONDS + ", --warmup and --settle 0.." + MAX_SECONDS
                    + ", --rate 0 or more, --operations 1.." + MAX_CLIENTS);
        }
        for (String node : bases) {
            requireLoopback(URI.create(node));
        }

        int maxClients = Arrays.stream(clients).max().orElse(1);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newFixedThreadPool(4, daemon("http-client"))).build();
        Api api = new Api(http, base);

        // Set-up through the API, as an administrator would.
        String run = Long.toString(System.currentTimeMillis(), 36) + Integer.toString((int) (Math.random() * 1296), 36);
        String adminToken = api.token(email, password);
        String agencyId = api.createId(adminToken, "/api/v1/agencies",
                "{\"name\":\"Bench agency " + run + "\",\"type\":\"POLICE\"}");
        String userEmail = "bench-" + run + "@example.org";
        String userPassword = "bench-" + UUID.randomUUID();
        api.createId(adminToken, "/api/v1/users", "{\"name\":\"Bench officer " + run + "\",\"email\":\"" + userEmail
                + "\",\"agencyId\":\"" + agencyId + "\",\"roles\":[\"COORDINATOR\",\"OFFICER\"],\"password\":\""
                + userPassword + "\"}");
        String token = api.token(userEmail, userPassword);
        List<String> paths = new ArrayList<>();
        List<Load.Target> targets = new ArrayList<>();
        for (int o = 0; o < operations; o++) {
            String operationId = api.createId(token, "/api/v1/operations", "{\"name\":\"Bench operation " + run
                    + (operations == 1 ? "" : " " + (o + 1)) + "\",\"port\":\"STN\",\"startDate\":\"2026-09-16\","
                    + "\"endDate\":\"2026-09-19\",\"focusExploitationTypes\":[\"SEXUAL\"],\"focusCountries\":[\"BG\"],"
                    + "\"agencyIds\":[]}");
            String flightId = api.createId(token, "/api/v1/operations/" + operationId + "/flights",
                    "{\"flightNumber\":\"FR1234\",\"direction\":\"ARRIVAL\",\"airport\":\"SOF\","
                            + "\"scheduled\":\"2026-09-16T07:35\"}");
            String path = "/api/v1/operations/" + operationId + "/engagements";
            paths.add(path);
            String body = "{\"flightId\":\"" + flightId + "\",\"passengers\":1,\"languages\":[\"bg\"],\"leaflets\":1}";
            System.err.printf("set up: operation %s, flight %s, user %s%n", operationId, flightId, userEmail);
            for (String node : bases) {
                targets.add(new Load.Target(URI.create(node + path), body));
            }
        }
        // Client i: operation i mod operations, node (i div operations) mod nodes
        List<Load.Target> byClient = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            int operation = i % operations;
            int node = (i / operations) % bases.size();
            byClient.add(targets.get(operation * bases.size() + node));
        }

        Load load = new Load(byClient, token, run);
        boolean consistent = true;
        if (warmup > 0) {
            System.err.printf("warming up: %d clients for %d s%n", maxClients, warmup);
            long before = api.total(token, paths);
            Result w = load.run(maxClients, warmup, 0);
            long after = api.total(token, paths);
            System.err.printf("warm-up: %d created, %.0f/s, server total +%d%n", w.created, w.throughput(),
                    after - before);
            consistent &= after - before == w.created;
        }
        if (settle > 0) {
            // A pause after the warm-up: on a small machine the JIT compiler threads fall minutes
            // behind while every core serves requests; idle, they catch up.
            System.err.printf("settling: %d s without load%n", settle);
            Thread.sleep(settle * 1000L);
        }
        List<Result> results = new ArrayList<>();
        List<int[]> rows = new ArrayList<>();
        for (int n : clients) {
            rows.add(new int[] { n, 0 });
        }
        if (rate > 0) {
            rows.add(new int[] { maxClients, rate });
        }
        for (int[] row : rows) {
            int n = row[0];
            System.err.printf("measuring: %d clients for %d s%s%n", n, seconds,
                    row[1] == 0 ? "" : ", " + row[1] + " requests/s in all");
            long before = api.total(token, paths);
            CpuSnapshot cpu0 = CpuSnapshot.take(serverPids);
            Result r = load.run(n, seconds, row[1]);
            r.cpu = CpuSnapshot.take(serverPids).since(cpu0);
            r.serverDelta = api.total(token, paths) - before;
            consistent &= r.serverDelta == r.created && r.others.isEmpty() && r.created > 0;
            results.add(r);
            System.err.printf("  %.0f/s, p50 %.1f ms, p99 %.1f ms%n", r.throughput(), r.percentile(50),
                    r.percentile(99));
        }
        long serverTotal = api.total(token, paths);
        long created = load.totalCreated();

        System.out.println();
        if (!label.isBlank()) {
            System.out.println("#### " + label);
            System.out.println();
        }
        System.out.println("| Clients | Offered | Submissions (201) | Other answers | Submissions/s | p50 ms | p90 ms "
                + "| p99 ms | max ms | Server total grew by | Match |");
        System.out.println("|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|");
        for (Result r : results) {
            System.out.printf("| %d | %s | %d | %s | %.0f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n", r.clients,
                    r.rate == 0 ? "closed loop" : r.rate + "/s", r.created,
                    r.others(), r.throughput(), r.percentile(50), r.percentile(90), r.percentile(99),
                    r.percentile(100), r.serverDelta, r.serverDelta == r.created ? "yes" : "**NO**");
        }
        System.out.println();
        if (results.get(0).cpu != null) {
            System.out.printf("CPU time during each row, from /proc (%d cores; \"other\" is everything else"
                    + " on the machine):%n%n", Runtime.getRuntime().availableProcessors());
            System.out.println("| Clients | Offered | Machine busy, cores | Server, ms/submission | Load generator, "
                    + "ms/submission | PostgreSQL processes, ms/submission | Other, cores |");
            System.out.println("|--:|--:|--:|--:|--:|--:|--:|");
            for (Result r : results) {
                double seconds1 = r.cpu.wallSeconds;
                System.out.printf("| %d | %s | %.2f | %s | %.2f | %.2f | %.2f |%n", r.clients,
                        r.rate == 0 ? "closed loop" : r.rate + "/s", r.cpu.machineBusy / seconds1,
                        r.cpu.server < 0 ? "n/a" : String.format("%.2f", r.cpu.server * 1000 / r.created),
                        r.cpu.self * 1000 / r.created, r.cpu.postgres * 1000 / r.created,
                        (r.cpu.machineBusy - Math.max(0, r.cpu.server) - r.cpu.self - r.cpu.postgres) / seconds1);
            }
            System.out.println();
        }
        System.out.printf("%d s per row, after %d s of warm-up with %d clients and %d s without load. All 201s of"
                + " the run, warm-up included: %d; GET .../engagements/total passengers: %d (%s).%n", seconds, warmup,
                maxClients, settle, created, serverTotal, serverTotal == created ? "equal" : "NOT EQUAL");
        consistent &= serverTotal == created;
        System.exit(consistent ? 0 : 1);
    }

    /** N threads, each sending one request at a time until the time is up. */
    static final class Load {
        /** Where a client sends its tallies: a node's engagements of one operation, and the tally. */
        record Target(URI uri, String body) {
        }

        /** Client i's target is targets[i mod size], its request head and body made once. */
        private final List<URI> uris = new ArrayList<>();
        private final List<byte[]> heads = new ArrayList<>();
        private final List<byte[]> bodies = new ArrayList<>();
        private final String keyPrefix;
        private long sequence;
        private long totalCreated;
        /** Client i's connection, kept from row to row as a phone keeps its own. */
        private final List<Connection> connections = new ArrayList<>();

        Load(List<Target> targets, String token, String run) {
            for (Target target : targets) {
                URI uri = target.uri();
                byte[] body = target.body().getBytes(StandardCharsets.UTF_8);
                uris.add(uri);
                bodies.add(body);
                // Everything but the Idempotency-Key line, which each request adds with its own key.
                heads.add(("POST " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            this.keyPrefix = "Idempotency-Key: bench-" + run + "-";
        }

        long totalCreated() {
            return totalCreated;
        }

        /** rate 0: closed loop; otherwise that many requests per second in all, on a fixed schedule. */
        Result run(int clients, int seconds, int rate) throws Exception {
            ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newFixedThreadPool(clients, daemon("client"));
            pool.prestartAllCoreThreads();
            // Every client ready before the first request is due, so that none starts late.
            long start = System.nanoTime() + LEAD_IN_NANOS;
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            long firstKey = sequence;
            sequence += 1L << 48; // room for every key of this round (2^32 per client)
            List<Future<Worker>> futures = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                long period = rate == 0 ? 0 : Math.round(clients * 1e9 / rate);
                int target = i % uris.size();
                if (i == connections.size()) {
                    connections.add(new Connection(uris.get(target)));
                }
                Worker worker = new Worker(connections.get(i), heads.get(target), bodies.get(target),
                        firstKey + ((long) i << 32), start + period * i / clients, period, end);
                futures.add(pool.submit(() -> {
                    worker.loop();
                    return worker;
                }));
            }
            Result result = new Result(clients, rate);
            for (Future<Worker> f : futures) {
                Worker w = f.get(seconds + REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
                result.add(w);
            }
            result.elapsedNanos = System.nanoTime() - start;
            pool.shutdownNow();
            totalCreated += result.created;
            return result;
        }

        final class Worker {
            private long key;
            private final long end;
            private final long period;
            private long next;
            private final Connection connection;
            private final byte[] head;
            private final byte[] body;
            long[] latencies = new long[4096];
            int count;
            long created;
            final Map<String, Long> others = new TreeMap<>();

            Worker(Connection connection, byte[] head, byte[] body, long firstKey, long first, long period, long end) {
                this.connection = connection;
                this.head = head;
                this.body = body;
                this.key = firstKey;
                this.next = first;
                this.period = period;
                this.end = end;
            }

            /**
             * Closed loop: the next request as soon as the answer is in. On a schedule (period > 0):
             * each request at its planned time, or at once when late; latency then counts from the
             * planned time, so a slow server is not excused by the requests it held back.
             */
            void loop() {
                waitUntil(next);
                while (System.nanoTime() < end && (period == 0 || next < end)) {
                    if (period > 0) {
                        waitUntil(next);
                    }
                    byte[] request = request(head, body, keyPrefix + Long.toString(key++, 36));
                    long t0 = period > 0 ? next : System.nanoTime();
                    next += period;
                    String outcome;
                    try {
                        int status = connection.exchange(request);
                        outcome = status == 201 ? null : Integer.toString(status);
                    } catch (java.io.IOException e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    long latency = System.nanoTime() - t0;
                    if (outcome == null) {
                        created++;
                        if (count == latencies.length) {
                            latencies = Arrays.copyOf(latencies, count * 2);
                        }
                        latencies[count++] = latency;
                    } else {
                        others.merge(outcome, 1L, Long::sum);
                    }
                }
            }
        }

        private static void waitUntil(long time) {
            for (long wait; (wait = time - System.nanoTime()) > 0;) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
        }

        private static byte[] request(byte[] head, byte[] body, String keyLine) {
            byte[] key = (keyLine + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] request = Arrays.copyOf(head, head.length + key.length + body.length);
            System.arraycopy(key, 0, request, head.length, key.length);
            System.arraycopy(body, 0, request, head.length + key.length, body.length);
            return request;
        }
    }

    /**
     * One kept-alive HTTP/1.1 connection on a blocking socket: the least a client can do per
     * request (one write, usually one read), so that on a small machine the load generator takes
     * as little as possible of the CPU it shares with the server. A connection the server has
     * closed (Tomcat closes one after 100 requests) is opened again; a request that found its
     * connection closed before any answer is sent again, with the same Idempotency-Key.
     */
    static final class Connection {
        private final URI uri;
        private java.net.Socket socket;
        private java.io.InputStream in;
        private java.io.OutputStream out;
        private final byte[] buffer = new byte[16384];
        private int start;
        private int limit;

        Connection(URI uri) {
            this.uri = uri;
        }

        /** Sends the request and reads the whole answer; returns its status code. */
        int exchange(byte[] request) throws java.io.IOException {
            boolean reused = socket != null;
            try {
                return send(request);
            } catch (java.io.EOFException | java.net.SocketException closed) {
                close();
                if (!reused) {
                    throw closed;
                }
                return send(request);
            }
        }

        private int send(byte[] request) throws java.io.IOException {
            if (socket == null) {
                socket = new java.net.Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout((int) REQUEST_TIMEOUT.toMillis());
                in = socket.getInputStream();
                out = socket.getOutputStream();
                start = limit = 0;
            }
            out.write(request);
            out.flush();
            String status = line();
            if (!status.startsWith("HTTP/1.1 ") || status.length() < 12) {
                throw new java.io.IOException("not an HTTP/1.1 answer: " + status);
            }
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                String name = colon < 0 ? header : header.substring(0, colon).trim();
                String value = colon < 0 ? "" : header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Long.parseLong(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                    chunked = value.equalsIgnoreCase("chunked");
                } else if (name.equalsIgnoreCase("Connection")) {
                    close = value.equalsIgnoreCase("close");
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line().split(";")[0].trim(), 16)) > 0; ) {
                    skip(size);
                    line();
                }
                while (!line().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                skip(length);
            } else {
                close = true; // the answer ends with the connection
            }
            if (close) {
                close();
            }
            return Integer.parseInt(status.substring(9, 12));
        }

        private String line() throws java.io.IOException {
            StringBuilder line = new StringBuilder();
            while (true) {
                if (start == limit) {
                    fill();
                }
                byte b = buffer[start++];
                if (b == '\n') {
                    int n = line.length();
                    return n > 0 && line.charAt(n - 1) == '\r' ? line.substring(0, n - 1) : line.toString();
                }
                line.append((char) b);
            }
        }

        private void skip(long n) throws java.io.IOException {
            while (n > 0) {
                if (start == limit) {
                    fill();
                }
                int step = (int) Math.min(n, limit - start);
                start += step;
                n -= step;
            }
        }

        private void fill() throws java.io.IOException {
            int read = in.read(buffer, 0, buffer.length);
            if (read < 0) {
                throw new java.io.EOFException("connection closed by the server");
            }
            start = 0;
            limit = read;
        }

        void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (java.io.IOException ignored) {
                    // closing anyway
                }
                socket = null;
            }
        }
    }

    static final class Result {
        final int clients;
        final int rate;
        long created;
        long elapsedNanos;
        long serverDelta;
        CpuSnapshot cpu;
        long[] latencies = new long[0];
        final Map<String, Long> others = new TreeMap<>();

        Result(int clients, int rate) {
            this.clients = clients;
            this.rate = rate;
        }

        void add(Load.Worker w) {
            created += w.created;
            long[] merged = Arrays.copyOf(latencies, latencies.length + w.count);
            System.arraycopy(w.latencies, 0, merged, latencies.length, w.count);
            latencies = merged;
            w.others.forEach((k, v) -> others.merge(k, v, Long::sum));
        }

        double throughput() {
            return created / (elapsedNanos / 1e9);
        }

        /** Nearest-rank percentile of the successful submissions, in milliseconds; 100 is the maximum. */
        double percentile(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
        }

        String others() {
            if (others.isEmpty()) {
                return "0";
            }
            StringBuilder s = new StringBuilder();
            others.forEach((k, v) -> s.append(s.length() == 0 ? "" : ", ").append(v).append(" × ").append(k));
            return s.toString();
        }
    }

    /**
     * CPU seconds used so far by the machine (all cores), the server process, this process and
     * the processes called postgres, read from Linux's /proc; null elsewhere. The server's is
     * -1 when its process id was not given or cannot be read.
     */
    static final class CpuSnapshot {
        private static final double TICKS = 100.0; // USER_HZ on Linux
        final double wallSeconds;
        /** Busy core-seconds, in a difference of two snapshots. */
        final double machineBusy;
        /** Idle core-seconds so far. */
        private final double idle;
        final double server;
        final double self;
        final double postgres;
        /** Each postgres process's own, by process id. */
        private final Map<String, Double> postgresByPid;

        private CpuSnapshot(double wallSeconds, double machineBusy, double idle, double server, double self,
                double postgres, Map<String, Double> postgresByPid) {
            this.wallSeconds = wallSeconds;
            this.machineBusy = machineBusy;
            this.idle = idle;
            this.server = server;
            this.self = self;
            this.postgres = postgres;
            this.postgresByPid = postgresByPid;
        }

        static CpuSnapshot take(long[] serverPids) {
            try {
                String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0)
                        .trim().split("\\s+");
                // Busy is what is not idle: the kernel times idle periods exactly, whereas it
                // samples busy time at each tick and misses short bursts between idle periods.
                long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle iowait
                Map<String, Double> postgres = new TreeMap<>();
                try (var dirs = java.nio.file.Files.newDirectoryStream(java.nio.file.Path.of("/proc"), "[0-9]*")) {
                    for (var dir : dirs) {
                        try {
                            if ("postgres".equals(java.nio.file.Files.readString(dir.resolve("comm")).trim())) {
                                postgres.put(dir.getFileName().toString(), ticks(dir));
                            }
                        } catch (java.io.IOException | RuntimeException gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                double server = -1;
                for (long serverPid : serverPids) {
                    if (serverPid <= 0) {
                        continue;
                    }
                    try {
                        server = Math.max(server, 0) + ticks(java.nio.file.Path.of("/proc", Long.toString(serverPid)));
                    } catch (java.io.IOException | RuntimeException unreadable) {
                        server = -1;
                        break;
                    }
                }
                double self = ticks(java.nio.file.Path.of("/proc/self"));
                return new CpuSnapshot(System.nanoTime() / 1e9, 0, idle / TICKS, server, self,
                        postgres.values().stream().mapToDouble(Double::doubleValue).sum(), postgres);
            } catch (java.io.IOException | RuntimeException notLinux) {
                return null;
            }
        }

        /** utime + stime of a process, in seconds. */
        private static double ticks(java.nio.file.Path proc) throws java.io.IOException {
            String stat = java.nio.file.Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        }

        CpuSnapshot since(CpuSnapshot before) {
            if (before == null) {
                return null;
            }
            // Process by process: one that started meanwhile counts from zero; one that ended is
            // left out, its time in the row falling to "other".
            double postgresSince = 0;
            for (Map.Entry<String, Double> p : postgresByPid.entrySet()) {
                postgresSince += p.getValue() - before.postgresByPid.getOrDefault(p.getKey(), 0.0);
            }
            double wall = wallSeconds - before.wallSeconds;
            return new CpuSnapshot(wall, wall * Runtime.getRuntime().availableProcessors() - (idle - before.idle), 0,
                    server < 0 || before.server < 0 ? -1 : server - before.server, self - before.self,
                    postgresSince, Map.of());
        }
    }

    /** The few set-up calls, with just enough JSON handling for their answers. */
    static final class Api {
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern PASSENGERS = Pattern.compile("\"passengers\"\\s*:\\s*(\\d+)");
        private final HttpClient http;
        private final String base;

        Api(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        String token(String email, String password) throws Exception {
            String basic = Base64.getEncoder()
                    .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"engagement benchmark\",\"days\":1}")),
                    201);
            return group(TOKEN, r.body());
        }

        String createId(String token, String path, String json) throws Exception {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)), 201);
            return group(ID, r.body());
        }

        /** The passengers tallied in all the given operations. */
        long total(String token, List<String> engagementsPaths) throws Exception {
            long total = 0;
            for (String engagementsPath : engagementsPaths) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + engagementsPath + "/total"))
                        .header("Authorization", "Bearer " + token).GET(), 200);
                total += Long.parseLong(group(PASSENGERS, r.body()));
            }
            return total;
        }

        private HttpResponse<String> send(HttpRequest.Builder builder, int expected) throws Exception {
            HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                fail(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": "
                        + r.body());
            }
            return r;
        }

        private static String group(Pattern pattern, String body) {
            Matcher m = pattern.matcher(body);
            if (!m.find()) {
                fail("unexpected answer: " + body);
            }
            return m.group(1);
        }
    }

    /** Only localhost or a literal loopback address; other names are refused without looking them up. */
    private static void requireLoopback(URI uri) throws Exception {
        String host = uri.getHost();
        if (!"http".equals(uri.getScheme()) || host == null) {
            usage("--base must be http://<loopback host>:<port>");
        }
        boolean literal = host.matches("[0-9.]+") || host.startsWith("[");
        if (!literal && !host.equalsIgnoreCase("localhost")) {
            usage("--base must be on this machine: localhost, 127.0.0.1 or [::1], not " + host);
        }
        for (InetAddress address : InetAddress.getAllByName(host)) {
            if (!address.isLoopbackAddress()) {
                usage("--base must be a loopback address; " + host + " is " + address.getHostAddress());
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return new java.util.concurrent.ThreadFactory() {
            private int n;

            @Override
            public synchronized Thread newThread(Runnable r) {
                Thread t = new Thread(r, name + "-" + n++);
                t.setDaemon(true);
                return t;
            }
        };
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("unexpected argument: " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null || value.isBlank()) {
            usage("--" + name + " is required");
        }
        return value;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java bench/engagement/EngagementLoad.java --base http://localhost:PORT "
                + "--email ADMIN_EMAIL --password ADMIN_PASSWORD [--clients 1,16,64] [--seconds 20] [--warmup 5] "
                + "[--settle 0] [--rate 0] [--operations 1] [--server-pid PID[,PID]] [--label TEXT]");
        System.exit(2);
    }

    private static void fail(String problem) {
        System.err.println("benchmark failed: " + problem);
        System.exit(1);
    }
}
