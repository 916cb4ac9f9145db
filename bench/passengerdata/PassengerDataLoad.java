/*
 * End-to-end intake benchmark for passenger data (not part of the test suite; see docs/performance.md).
 *
 *   java bench/passengerdata/PassengerDataLoad.java --base http://localhost:18080 \
 *        --email ADMIN_EMAIL --password ADMIN_PASSWORD --folder DIR [--clients 4] [--server-pid PID] \
 *        [--day-flights 1000] [--rate 0] [--label TEXT]
 *
 * Several nodes of one Waymark (--base http://127.0.0.1:18080,http://127.0.0.1:18081 with
 * --server-pid PID1,PID2) share the clients, client c sending to node c mod the number of nodes.
 * With --rate R the messages go at R a second in all, on a fixed schedule, rather than as fast as
 * the server answers. Where the nodes queue messages through Kafka (answers say QUEUED), it
 * waits until none is queued any more, and says when the last was applied.
 *
 * Single-file Java 17 program, JDK only. DIR holds the interchanges MessageGenerator wrote
 * (NNNNNN-paxlst.edi, NNNNNN-pnrgov.edi, in order: per flight its passenger list, its crew list
 * and its five PNR pushes). With the administrator's credentials it makes an airline agency and a
 * CARRIER_GATEWAY account through the API and takes a token for that account; then --clients
 * threads send every message to POST /api/v1/passenger-data/messages, each thread one flight at a
 * time with that flight's messages in the order the airline sends them. It reports messages and
 * megabytes per second, the minutes the whole set took (and, when the set is a fraction of a day
 * of --day-flights flights, the minutes the day would take at that rate), the answers other than
 * 202, and on Linux the CPU time used by the server (with --server-pid) and by the whole machine.
 *
 * Afterwards it checks that every message was taken in exactly once: every answer was a 202 that
 * was not a duplicate, every id is different, each reads back (GET /messages/{id}) as APPLIED or
 * PARSED (a push that arrived after a later one for its flight), and the failed queue and the
 * queue of messages stored but not applied are both empty. It talks to loopback addresses only.
 *
 * Exit status: 0 all good; 1 set-up failure, a failed message or a check that does not hold;
 * 2 bad arguments.
 */

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class PassengerDataLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> OPTIONS = List.of("base", "email", "password", "folder", "clients",
            "server-pid", "day-flights", "rate", "label");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z_]+)\"");
    private static final Pattern DUPLICATE = Pattern.compile("\"duplicate\"\\s*:\\s*(true|false)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    record Message(Path file, byte[] body) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage("bad argument " + args[i]);
            }
            opts.put(args[i].substring(2), args[++i]);
        }
        for (String name : opts.keySet()) {
            if (!OPTIONS.contains(name)) {
                usage("unknown option --" + name);
            }
        }
        try {
            run(opts);
        } catch (NumberFormatException e) {
            usage("not a number: " + e.getMessage());
        } catch (IOException e) {
            fail("cannot talk to " + opts.get("base") + ": " + e);
        }
    }

    private static void run(Map<String, String> opts) throws Exception {
        List<String> bases = java.util.Arrays.stream(require(opts, "base").split(","))
                .map(b -> b.strip().replaceAll("/+$", "")).toList();
        for (String node : bases) {
            URI baseUri = URI.create(node);
            if (!"http".equals(baseUri.getScheme()) || baseUri.getHost() == null
                    || !(baseUri.getHost().equals("localhost") || isLoopbackLiteral(baseUri.getHost()))) {
                usage("--base must be http://<loopback host>:<port>, or several of them separated by commas");
            }
        }
        String base = bases.get(0);
        int clients = Integer.parseInt(opts.getOrDefault("clients", "4"));
        int dayFlights = Integer.parseInt(opts.getOrDefault("day-flights", "1000"));
        long[] serverPids = java.util.Arrays.stream(opts.getOrDefault("server-pid", "0").split(","))
                .mapToLong(pid -> Long.parseLong(pid.strip())).toArray();
        double rate = Double.parseDouble(opts.getOrDefault("rate", "0"));
        String label = opts.getOrDefault("label", "");
        if (clients < 1 || clients > 256 || rate < 0) {
            usage("--clients must be 1..256, --rate 0 or more");
        }

        List<List<Message>> flights = flights(Path.of(require(opts, "folder")));
        int count = flights.stream().mapToInt(List::size).sum();
        long bytes = flights.stream().flatMap(List::stream).mapToLong(m -> m.body().length).sum();
        System.err.printf("%d messages for %d flights, %.1f MB%n", count, flights.size(), bytes / 1e6);

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String admin = token(http, base, require(opts, "email"), require(opts, "password"));
        String agency = match(ID, expect(http, post(base + "/api/v1/agencies", admin,
                "{\"name\":\"Bench airline gateway " + run + "\",\"type\":\"OTHER\"}"), 201).body());
        String gatewayEmail = "bench-gateway-" + run + "@example.org";
        String gatewayPassword = "bench-" + UUID.randomUUID();
        expect(http, post(base + "/api/v1/users", admin, "{\"name\":\"Bench gateway " + run + "\",\"email\":\""
                + gatewayEmail + "\",\"agencyId\":\"" + agency + "\",\"roles\":[\"CARRIER_GATEWAY\"],\"password\":\""
                + gatewayPassword + "\"}"), 201);
        String gateway = token(http, base, gatewayEmail, gatewayPassword);
        System.err.printf("set up: gateway account %s; sending with %d clients%n", gatewayEmail, clients);

        URI messages = URI.create(base + "/api/v1/passenger-data/messages");
        AtomicInteger next = new AtomicInteger();
        AtomicLong slots = new AtomicLong();
        AtomicInteger sent = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        Set<String> ids = ConcurrentHashMap.newKeySet();
        List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicLong halfAt = new AtomicLong();
        long[] cpuBefore = { processCpuTicks(serverPids), machineTicks()[0], machineTicks()[1], postgresTicks() };
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            URI nodeMessages = URI.create(bases.get(c % bases.size()) + "/api/v1/passenger-data/messages");
            work.add(pool.submit(() -> {
                for (int f; (f = next.getAndIncrement()) < flights.size();) {
                    for (Message m : flights.get(f)) {
                        String outcome;
                        try {
                            if (rate > 0) {
                                long due = start + Math.round(slots.getAndIncrement() * 1e9 / rate);
                                for (long wait; (wait = due - System.nanoTime()) > 0;) {
                                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                                }
                            }
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(nodeMessages)
                                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + gateway)
                                    .header("Content-Type", "application/edifact")
                                    .POST(HttpRequest.BodyPublishers.ofByteArray(m.body())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            String body = r.body();
                            if (r.statusCode() == 202) {
                                boolean duplicate = "true".equals(find(DUPLICATE, body));
                                outcome = "202 " + find(STATUS, body) + (duplicate ? " duplicate" : "");
                                String id = find(ID, body);
                                if (id == null || !ids.add(id) || duplicate) {
                                    problems.add(m.file().getFileName() + ": id " + id + " given twice");
                                }
                            } else {
                                outcome = Integer.toString(r.statusCode());
                                problems.add(m.file().getFileName() + ": " + r.statusCode() + " "
                                        + body.substring(0, Math.min(300, body.length())));
                            }
                        } catch (IOException e) {
                            outcome = "no answer";
                            problems.add(m.file().getFileName() + ": " + e);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                        if (sent.incrementAndGet() == count / 2) {
                            halfAt.set(System.nanoTime());
                        }
                    }
                }
            }));
        }
        for (Future<?> w : work) {
            w.get();
        }
        long end = System.nanoTime();
        pool.shutdown();
        // Through Kafka, a message is answered QUEUED and applied by whichever node consumes it
        long applied = end;
        boolean queued = outcomes.keySet().stream().anyMatch(outcome -> outcome.contains("QUEUED"));
        if (queued) {
            System.err.println("waiting until no message is queued");
            while (!expect(http, HttpRequest.newBuilder(URI.create(messages + "?status=QUEUED"))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + admin).GET().build(), 200).body()
                    .strip().equals("[]")) {
                Thread.sleep(250);
            }
            applied = System.nanoTime();
        }
        long[] cpuAfter = { processCpuTicks(serverPids), machineTicks()[0], machineTicks()[1], postgresTicks() };

        double seconds = (end - start) / 1e9;
        double appliedSeconds = (applied - start) / 1e9;
        double secondHalf = (end - halfAt.get()) / 1e9;
        System.out.println();
        System.out.println("Passenger data intake, end to end" + (label.isEmpty() ? "" : ": " + label));
        System.out.printf("  %d messages (%d flights, %.1f MB) by %d clients in %.1f s = %.1f min%n", count,
                flights.size(), bytes / 1e6, clients, seconds, seconds / 60);
        System.out.printf("  %.1f messages/s, %.2f MB/s (second half of the messages: %.1f messages/s)%n",
                count / seconds, bytes / 1e6 / seconds, (count - count / 2) / secondHalf);
        if (queued) {
            System.out.printf("  queued through Kafka: the last applied %.1f s after the first was sent (%.1f s after"
                    + " the last was sent) = %.1f min%n", appliedSeconds, appliedSeconds - seconds,
                    appliedSeconds / 60);
        }
        if (flights.size() != dayFlights) {
            System.out.printf("  a day of %d flights at this rate: %.1f min%n", dayFlights,
                    appliedSeconds / 60 * dayFlights / flights.size());
        }
        System.out.println("  answers: " + new TreeMap<>(outcomes));
        double hz = 100.0; // USER_HZ on Linux
        if (cpuBefore[1] >= 0) {
            double busy = (cpuAfter[1] - cpuBefore[1]) / hz;
            double total = (cpuAfter[2] - cpuBefore[2]) / hz;
            System.out.printf("  CPU: machine %.0f%% busy (%.0f core-seconds)", 100 * busy / total, busy);
            if (cpuBefore[0] >= 0) {
                double server = (cpuAfter[0] - cpuBefore[0]) / hz;
                System.out.printf(", the server%s %.0f core-seconds (%.2f cores on average, %.1f ms a message)",
                        serverPids.length > 1 ? "'s " + serverPids.length + " nodes" : "", server,
                        server / appliedSeconds, 1000 * server / count);
            }
            double postgres = (cpuAfter[3] - cpuBefore[3]) / hz;
            if (postgres > 0.5) {
                System.out.printf(", PostgreSQL %.0f core-seconds (%.1f ms a message)", postgres,
                        1000 * postgres / count);
            }
            System.out.println();
        }

        // Every message taken in exactly once, and applied.
        boolean good = problems.isEmpty() && ids.size() == count;
        Map<String, Integer> readBack = new TreeMap<>();
        for (String id : ids) {
            HttpResponse<String> r = expect(http, HttpRequest.newBuilder(URI.create(messages + "/" + id))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + admin).GET().build(), 200);
            readBack.merge(find(STATUS, r.body()), 1, Integer::sum);
        }
        good &= readBack.getOrDefault("APPLIED", 0) + readBack.getOrDefault("PARSED", 0) == count;
        for (String queue : List.of("FAILED", "RECEIVED")) {
            String body = expect(http, HttpRequest.newBuilder(URI.create(messages + "?status=" + queue))
                    .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + admin).GET().build(), 200).body();
            boolean empty = body.strip().equals("[]");
            good &= empty;
            System.out.printf("  %s queue: %s%n", queue, empty ? "empty" : "NOT EMPTY");
        }
        System.out.printf("  read back: %d different ids for %d messages, %s%n", ids.size(), count, readBack);
        problems.stream().limit(10).forEach(p -> System.out.println("  problem: " + p));
        System.out.println(good ? "  check: every message taken in once and applied (or kept as an older push)"
                : "  check: FAILED");
        System.exit(good ? 0 : 1);
    }

    /** The messages, one list per flight: a flight starts with a passenger list that follows a PNR push. */
    private static List<List<Message>> flights(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".edi")).sorted().toList();
        }
        if (files.isEmpty()) {
            usage("no .edi files in " + folder);
        }
        List<List<Message>> flights = new ArrayList<>();
        List<Message> current = null;
        boolean lastWasPush = true;
        for (Path file : files) {
            boolean push = file.getFileName().toString().contains("pnrgov");
            if (!push && lastWasPush) {
                current = new ArrayList<>();
                flights.add(current);
            } else if (current == null) {
                current = new ArrayList<>();
                flights.add(current);
            }
            current.add(new Message(file, Files.readAllBytes(file)));
            lastWasPush = push;
        }
        return flights;
    }

    private static String token(HttpClient http, String base, String email, String password) throws Exception {
        String basic = Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens")).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"passenger data benchmark\",\"days\":1}"))
                .build();
        return match(TOKEN, expect(http, request, 201).body());
    }

    private static HttpRequest post(String uri, String token, String json) {
        return HttpRequest.newBuilder(URI.create(uri)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static HttpResponse<String> expect(HttpClient http, HttpRequest request, int status) throws Exception {
        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != status) {
            fail(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": " + r.body());
        }
        return r;
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1) : null;
    }

    private static String match(Pattern pattern, String body) {
        String found = find(pattern, body);
        if (found == null) {
            fail("unexpected answer: " + body);
        }
        return found;
    }

    /** User plus system CPU ticks of the processes together, or -1 where there is no /proc. */
    private static long processCpuTicks(long[] pids) {
        long ticks = 0;
        for (long pid : pids) {
            if (pid <= 0) {
                return -1;
            }
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                return -1;
            }
        }
        return ticks;
    }

    /** User plus system CPU ticks of every process called postgres (those that ended meanwhile are missed). */
    private static long postgresTicks() {
        long ticks = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path p : processes.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    if (stat.contains("(postgres)")) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (IOException | RuntimeException gone) {
                    // ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return ticks;
    }

    /** Busy and total CPU ticks of the machine, or -1s where there is no /proc. */
    private static long[] machineTicks() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[] { total - idle, total };
        } catch (IOException | RuntimeException e) {
            return new long[] { -1, -1 };
        }
    }

    private static boolean isLoopbackLiteral(String host) {
        try {
            return host.matches("[0-9.]+|\\[?[0-9a-fA-F:]+\\]?")
                    && InetAddress.getByName(host.replaceAll("[\\[\\]]", "")).isLoopbackAddress();
        } catch (IOException e) {
            return false;
        }
    }

    private static String require(Map<String, String> opts, String name) {
        String value = opts.get(name);
        if (value == null || value.isBlank()) {
            usage("--" + name + " is required");
        }
        return value;
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: java PassengerDataLoad.java --base http://127.0.0.1:PORT --email E --password P"
                + " --folder DIR [--clients 4] [--server-pid PID[,PID]] [--day-flights 1000] [--rate 0] [--label TEXT]");
        System.exit(2);
    }

    private static void fail(String problem) {
        System.err.println("failed: " + problem);
        System.exit(1);
    }
}
