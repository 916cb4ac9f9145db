/*
 * Benchmark of an operation's results at scale (not part of the test suite; see docs/performance.md).
 * Run by bench/results/run.sh, in two phases against the same database:
 *
 *   java -cp <JDBC driver jar> bench/results/ResultsLoad.java --phase unfolded \
 *        --base http://localhost:18080 --email ADMIN_EMAIL --password ADMIN_PASSWORD \
 *        --jdbc-url URL [--jdbc-user U] [--jdbc-password P] --state FILE [options]
 *   java -cp <JDBC driver jar> bench/results/ResultsLoad.java --phase folded \
 *        --base http://localhost:18080 --jdbc-url URL [...] --state FILE [options]
 *
 * Single-file Java 17 program; the JDK and a JDBC driver (H2's or PostgreSQL's) on the class path.
 *
 * Phase "unfolded", against Waymark started with its scheduled jobs off (so that nothing is
 * folded): with the administrator's credentials it creates an agency, a coordinator/officer and
 * an operation at STN over the --days days up to today, imports --flights flights through the API
 * (one CSV file) and monitors the suggested ones (those from or to the focus countries); then
 * inserts --rows tallies straight into the database with JDBC, as Waymark would have recorded
 * them, all past the undo window and none folded, and lets the database update its statistics
 * (ANALYZE). It checks the figures and measures the summary and the dashboard with every tally
 * unfolded (the worst case, as after a backlog), one request at a time. It writes what the
 * second phase needs to --state.
 *
 * Phase "folded", against Waymark restarted on the same database with folding on: it times the
 * scheduled fold of the backlog from the database's side (until its commit shows, then until
 * Waymark's process is idle again), checks the figures, then, while officers' tallies trickle in
 * through the API (--trickle per second, so that the tables change as they do during an
 * operation), warms the server up and measures the summary and the dashboard with 1 and with
 * --clients clients, --requests requests per row in a closed loop (each client sends its next
 * request when the answer is in).
 *
 * Every answer is checked: status 200 and passengersEngaged equal to the passengers inserted,
 * less those taken back (plus the trickled ones so far); once per phase also leaflets,
 * passengers per language, by day, flights monitored and the flights the dashboard lists.
 * Latency percentiles are nearest rank. The report's own SQL statements (copies of those in
 * Flights.outlines, EngagementFigures and CheckFigures) are also timed over JDBC, with their
 * plans written to --plans if given. Markdown to stdout, progress to stderr.
 *
 * Exit status: 0 all good; 1 set-up failure, an answer other than 200, or a figure that does not
 * match; 2 bad arguments.
 */

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.Writer;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ResultsLoad {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(300);
    private static final ZoneId PORT_ZONE = ZoneId.of("Europe/London"); // STN
    private static final List<String> FOCUS = List.of("BG", "RO", "MD", "TR", "AL");
    /** Airports and their countries: half in the focus countries, half elsewhere. */
    private static final String[][] AIRPORTS = { { "SOF", "BG" }, { "VAR", "BG" }, { "BOJ", "BG" }, { "OTP", "RO" },
            { "CLJ", "RO" }, { "IAS", "RO" }, { "KIV", "MD" }, { "IST", "TR" }, { "SAW", "TR" }, { "ADB", "TR" },
            { "TIA", "AL" }, { "WAW", "PL" }, { "KRK", "PL" }, { "VNO", "LT" }, { "RIX", "LV" }, { "BUD", "HU" },
            { "DUB", "IE" }, { "BCN", "ES" }, { "AGP", "ES" }, { "FAO", "PT" }, { "LIS", "PT" }, { "PRG", "CZ" } };
    private static final String[] AIRLINES = { "FR", "W6", "U2", "0B", "RO", "TK", "PC", "LS", "BA" };
    private static final String[] LOCATIONS = { "Arrivals hall", "Departures security", "Coach station",
            "Train station", "Drop-off zone" };
    private static final String[] LANGUAGES = { "en", "en", "en", "bg", "ro", "ro", "tr", "ru", "uk", "sq", "pl",
            "ar" };
    private static final long SEED = 20261201L;

    private static final List<String> OPTIONS = List.of("phase", "base", "email", "password", "jdbc-url", "jdbc-user",
            "jdbc-password", "state", "plans", "flights", "rows", "days", "clients", "requests", "unfolded-requests",
            "unfolded-seconds", "row-seconds", "warmup", "settle", "trickle", "fold-wait", "server-pid", "app-started", "label");

    private static boolean allGood = true;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        for (String name : opts.keySet()) {
            if (!OPTIONS.contains(name)) {
                usage("unknown option --" + name);
            }
        }
        try {
            String phase = require(opts, "phase");
            if (phase.equals("unfolded")) {
                unfolded(new Settings(opts), opts);
            } else if (phase.equals("folded")) {
                folded(new Settings(opts), Long.parseLong(opts.getOrDefault("app-started", "0")));
            } else {
                usage("--phase must be unfolded or folded");
            }
        } catch (NumberFormatException e) {
            usage("not a number: " + e.getMessage());
        } catch (IOException e) {
            fail("cannot talk to " + opts.get("base") + ": " + e);
        }
        System.exit(allGood ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------
    // Phase 1: set up, insert, measure with every tally unfolded

    private static void unfolded(Settings s, Map<String, String> opts) throws Exception {
        Api api = s.api();
        PrintStream out = System.out;

        String run = Long.toString(System.currentTimeMillis(), 36);
        String adminToken = api.token(require(opts, "email"), require(opts, "password"));
        String agencyId = api.createId(adminToken, "/api/v1/agencies",
                "{\"name\":\"Results bench agency " + run + "\",\"type\":\"POLICE\"}");
        String userEmail = "results-" + run + "@example.org";
        String userPassword = "bench-" + UUID.randomUUID();
        String userId = api.createId(adminToken, "/api/v1/users", "{\"name\":\"Results bench coordinator " + run
                + "\",\"email\":\"" + userEmail + "\",\"agencyId\":\"" + agencyId
                + "\",\"roles\":[\"COORDINATOR\",\"OFFICER\"],\"password\":\"" + userPassword + "\"}");
        String token = api.token(userEmail, userPassword);
        LocalDate end = LocalDate.now(PORT_ZONE);
        LocalDate start = end.minusDays(s.days - 1);
        String operationId = api.createId(token, "/api/v1/operations", "{\"name\":\"Results bench " + run
                + "\",\"port\":\"STN\",\"startDate\":\"" + start + "\",\"endDate\":\"" + end
                + "\",\"focusExploitationTypes\":[\"SEXUAL\"],\"focusCountries\":[\"" + String.join("\",\"", FOCUS)
                + "\"],\"agencyIds\":[]}");
        UUID operation = UUID.fromString(operationId);
        System.err.printf("set up: operation %s (%s to %s), user %s%n", operationId, start, end, userEmail);

        String flightsPath = "/api/v1/operations/" + operationId + "/flights";
        long t0 = System.nanoTime();
        String imported = api.send("POST", token, flightsPath + "/import", "text/csv", schedule(s.flights, start, s.days),
                200);
        double importSeconds = (System.nanoTime() - t0) / 1e9;
        long accepted = number(imported, "accepted");
        if (accepted != s.flights) {
            fail("the import accepted " + accepted + " of " + s.flights + " flights: "
                    + imported.substring(0, Math.min(500, imported.length())));
        }
        t0 = System.nanoTime();
        long monitored = number(api.send("POST", token, flightsPath + "/monitor-suggested", null, null, 200),
                "monitored");
        double monitorSeconds = (System.nanoTime() - t0) / 1e9;
        System.err.printf("flights: %d imported in %.1f s, %d monitored in %.1f s%n", accepted, importSeconds,
                monitored, monitorSeconds);

        Expected expected;
        double insertSeconds;
        double analyzeSeconds;
        long loadedSize;
        try (Connection db = s.connect()) {
            List<FlightRow> flights = flights(db, operation);
            System.err.printf("inserting %,d tallies%n", s.rows);
            t0 = System.nanoTime();
            expected = insert(db, s.rows, operation, UUID.fromString(userId), UUID.fromString(agencyId), flights,
                    start, s.days);
            insertSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            analyze(db);
            analyzeSeconds = (System.nanoTime() - t0) / 1e9;
            expected.monitored = monitored;
            expected.flightsWithPassengers = expected.flightsWithTallies.size();
            long unfolded = count(db, "SELECT COUNT(*) FROM engagement WHERE operation_id = ? AND fold_batch IS NULL",
                    operation);
            loadedSize = new DiskWatch(s.jdbcUrl).size(db);
            System.err.printf("inserted in %.1f s, analysed in %.1f s; %,d unfolded in the database%n", insertSeconds,
                    analyzeSeconds, unfolded);
            if (unfolded != s.rows) {
                fail(unfolded + " unfolded tallies in the database, " + s.rows + " inserted");
            }
        }
        State state = new State(operationId, token, expected);
        state.save(s.state);

        out.println();
        if (!s.label.isBlank()) {
            out.println("#### " + s.label);
            out.println();
        }
        out.printf("Set-up: %,d flights over %d days (%s to %s) imported through the API as one CSV file in %.1f s; "
                + "%,d of them monitored (those from or to %s) with monitor-suggested in %.1f s; %,d tallies "
                + "(%,d passengers, %,d language rows) inserted with JDBC in %.1f s (%,.0f tallies/s), then ANALYZE "
                + "in %.1f s; the database then took %s on disk.%n%n", s.flights, s.days, start, end, importSeconds,
                monitored, String.join(", ", FOCUS), monitorSeconds, s.rows,
                expected.passengers + expected.undonePassengers, expected.languageRows, insertSeconds,
                s.rows / insertSeconds, analyzeSeconds, DiskWatch.gib(loadedSize));

        Measure measure = new Measure(s, api, state, null);
        measure.checkFigures("unfolded", 0);
        List<Row> rows = new ArrayList<>();
        for (String endpoint : List.of("summary", "dashboard")) {
            rows.add(measure.row("all unfolded", endpoint, 1, s.unfoldedRequests, s.unfoldedSeconds));
        }
        out.printf("All %,d tallies unfolded, one request at a time, right after one summary and one dashboard that "
                + "checked the figures; a row stops after %d requests or %d s:%n%n", s.rows, s.unfoldedRequests,
                s.unfoldedSeconds);
        Row.table(out, rows);
        try (Connection db = s.connect()) {
            queries(out, db, s, operation, "all tallies unfolded", 0, 3);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Phase 2: the fold, then measure with everything folded

    private static void folded(Settings s, long appStarted) throws Exception {
        State state = State.load(s.state);
        PrintStream out = System.out;
        UUID operation = UUID.fromString(state.operationId);

        // The fold of the backlog begins as Waymark starts; find when, and wait for its commit.
        Instant foldStart = null;
        Instant firstLook = Instant.now();
        Instant foldVisible;
        DiskWatch disk = new DiskWatch(s.jdbcUrl);
        long sizeBefore;
        long sizeAfter;
        try (Connection db = s.connect()) {
            sizeBefore = disk.size(db);
            boolean postgres = isPostgres(db);
            String activity = postgres
                    ? "SELECT MIN(xact_start) FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND pid <> pg_backend_pid() AND xact_start IS NOT NULL AND (query LIKE "
                            + "'%fold_batch = %' OR query LIKE '%engagement_count%' OR query LIKE "
                            + "'%engagement_language_count%')"
                    : "SELECT MIN(EXECUTING_STATEMENT_START) FROM INFORMATION_SCHEMA.SESSIONS WHERE "
                            + "EXECUTING_STATEMENT LIKE 'UPDATE engagement SET fold_batch%'";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(s.foldWait);
            for (long polls = 0;; polls++) {
                if (polls % 20 == 0) {
                    disk.size(db);
                }
                try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(activity)) {
                    rs.next();
                    Timestamp seen = rs.getTimestamp(1);
                    if (seen != null && (foldStart == null || seen.toInstant().isBefore(foldStart))) {
                        foldStart = seen.toInstant();
                    }
                }
                if (!exists(db, "SELECT id FROM engagement WHERE operation_id = ? AND fold_batch IS NULL "
                        + "FETCH FIRST 1 ROWS ONLY", operation)) {
                    foldVisible = Instant.now();
                    break;
                }
                if (System.nanoTime() > deadline) {
                    fail("the tallies were not folded within " + s.foldWait + " s");
                }
                Thread.sleep(50);
            }
        }
        System.err.printf("fold: its commit showed %.1f s after it began%n",
                foldStart == null ? Double.NaN : Duration.between(foldStart, foldVisible).toMillis() / 1e3);
        // The commit shows before the database has finished with it (H2 then goes on through its
        // undo log for minutes): measuring before Waymark is idle again would measure the fold.
        Instant idle;
        try (Connection db = s.connect()) {
            idle = waitUntilIdle(s.serverPid, s.foldWait, () -> disk.size(db));
            sizeAfter = disk.size(db);
        }
        Instant from = foldStart != null ? foldStart : Instant.ofEpochMilli(appStarted);
        String fold = foldStart != null
                ? String.format("its transaction began %.1f s after Waymark was launched; the commit showed %.1f s "
                        + "after it began (the database's clock for the start, polling every 50 ms for the end)",
                        Duration.between(Instant.ofEpochMilli(appStarted), foldStart).toMillis() / 1e3,
                        Duration.between(foldStart, foldVisible).toMillis() / 1e3)
                : String.format("it was over at the first look, %.1f s after Waymark was launched",
                        Duration.between(Instant.ofEpochMilli(appStarted), firstLook).toMillis() / 1e3);
        String afterwards = idle == null ? String.format("Waymark was still busy %d s later", s.foldWait)
                : String.format("Waymark's process was idle again (under 0.2 cores over 5 s) %.1f s after the fold "
                        + "began", Duration.between(from, idle).toMillis() / 1e3);

        long countRows;
        long languageCountRows;
        List<UUID> trickleFlights;
        try (Connection db = s.connect()) {
            analyze(db);
            countRows = count(db, "SELECT COUNT(*) FROM engagement_count WHERE operation_id = ?", operation);
            languageCountRows = count(db, "SELECT COUNT(*) FROM engagement_language_count WHERE operation_id = ?",
                    operation);
            // Monitored flights that already have passengers, so that the flights with passengers stay as many.
            java.util.Set<UUID> counted = new java.util.HashSet<>();
            try (PreparedStatement st = db.prepareStatement(
                    "SELECT DISTINCT flight_id FROM engagement_count WHERE operation_id = ? AND flight_id IS NOT NULL")) {
                st.setObject(1, operation);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        counted.add(rs.getObject(1, UUID.class));
                    }
                }
            }
            trickleFlights = flights(db, operation).stream().filter(FlightRow::monitored).map(FlightRow::id)
                    .filter(counted::contains).toList();
        }
        out.printf("The fold of the %,d tallies by the scheduled job after the restart: %s; %s. It left %,d rows in "
                + "engagement_count and %,d in engagement_language_count. The database took %s on disk before the "
                + "fold, up to %s during it (sampled every second or so) and %s once Waymark was idle. Then ANALYZE."
                + "%n%n", s.rows, fold, afterwards, countRows, languageCountRows, DiskWatch.gib(sizeBefore),
                DiskWatch.gib(disk.peak()), DiskWatch.gib(sizeAfter));

        Api api = s.api();
        Trickle trickle = new Trickle(api, state, trickleFlights, s.trickle);
        Measure measure = new Measure(s, api, state, trickle);
        measure.checkFigures("folded", 0);
        trickle.start();
        System.err.printf("warming up: %d clients for %d s, then %d s without load%n", s.clients, s.warmup, s.settle);
        measure.warmUp(s.warmup, s.settle);
        List<Row> rows = new ArrayList<>();
        for (String endpoint : List.of("summary", "dashboard")) {
            for (int clients : new int[] { 1, s.clients }) {
                rows.add(measure.row("folded", endpoint, clients, s.requests, s.rowSeconds));
            }
        }
        trickle.stop();
        measure.checkFigures("folded, after the rows", trickle.created.get());
        out.printf("Folded, %d s of warm-up with %d clients and %d s without load before the rows; meanwhile %s"
                + " (%,d recorded, %s other answers):%n%n", s.warmup, s.clients, s.settle,
                s.trickle == 0 ? "no tallies came in" : "officers' tallies came in through the API, "
                        + s.trickle + " a second on monitored flights",
                trickle.created.get(), trickle.others.get());
        Row.table(out, rows);
        try (Connection db = s.connect()) {
            queries(out, db, s, operation, "folded", 1, 9);
        }
        out.printf("Figures: every answer was checked for status 200 and passengersEngaged (%,d inserted and not taken "
                + "back, plus the trickled ones so far); leaflets, passengers per language and by day, flights "
                + "monitored (%,d) and flights with passengers on the dashboard (%,d) once before and once after the rows: %s.%n",
                state.expected.passengers, state.expected.monitored, state.expected.flightsWithPassengers,
                allGood ? "all as inserted" : "**SOME DID NOT MATCH** (see the messages of the run)");
    }

    /**
     * Fresh statistics for the planner, as autovacuum (PostgreSQL) or H2's own count of changed
     * rows would soon after a million rows changed: the plans are then those of an operation
     * running normally.
     */
    static void analyze(Connection db) throws SQLException {
        String analyze = isPostgres(db) ? "ANALYZE " : "ANALYZE TABLE ";
        try (Statement st = db.createStatement()) {
            for (String table : List.of("flight", "engagement", "engagement_language", "engagement_count",
                    "engagement_language_count")) {
                st.execute(analyze + table);
            }
        }
    }

    /** When the process last used under 0.2 cores over 5 s, or null if not within the time given. */
    interface Check {
        Object run() throws Exception;
    }

    static Instant waitUntilIdle(long pid, int seconds, Check meanwhile) throws Exception {
        if (pid <= 0) {
            return null;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            CpuSnapshot before = CpuSnapshot.take(pid);
            Thread.sleep(5_000);
            CpuSnapshot used = CpuSnapshot.take(pid).since(before);
            meanwhile.run();
            if (used == null || used.server < 0) {
                return null;
            }
            if (used.server / used.wallSeconds < 0.2) {
                return Instant.now().minusSeconds(5);
            }
            System.err.printf("  Waymark still busy: %.2f cores%n", used.server / used.wallSeconds);
        }
        return null;
    }

    /**
     * The database's size on disk: H2's file (from a jdbc:h2:file: URL) or pg_database_size. For
     * H2 it also stops the run when the disk holding the file is nearly full, rather than fill it.
     */
    static final class DiskWatch {
        private static final long MIN_FREE = 5L << 30;
        private final Path h2File;
        private long peak;

        DiskWatch(String jdbcUrl) {
            Matcher m = Pattern.compile("^jdbc:h2:(?:file:)?([^;:][^;]*)").matcher(jdbcUrl);
            h2File = jdbcUrl.startsWith("jdbc:h2:") && !jdbcUrl.startsWith("jdbc:h2:tcp:")
                    && !jdbcUrl.startsWith("jdbc:h2:mem:") && m.find() ? Path.of(m.group(1) + ".mv.db") : null;
        }

        /** Bytes, or -1 when unknown. */
        long size(Connection db) throws Exception {
            long size = -1;
            if (h2File != null) {
                size = Files.size(h2File);
                long free = Files.getFileStore(h2File).getUsableSpace();
                if (free < MIN_FREE) {
                    fail(String.format("stopping before the disk is full: %.1f GiB left, H2's file is %.1f GiB",
                            free / 1073741824.0, size / 1073741824.0));
                }
            } else if (db != null && isPostgres(db)) {
                try (Statement st = db.createStatement();
                        ResultSet rs = st.executeQuery("SELECT pg_database_size(current_database())")) {
                    rs.next();
                    size = rs.getLong(1);
                }
            }
            peak = Math.max(peak, size);
            return size;
        }

        long peak() {
            return peak;
        }

        static String gib(long bytes) {
            return bytes < 0 ? "unknown" : String.format("%.2f GiB", bytes / 1073741824.0);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The data

    /** flight_number,airline,direction,airport,scheduled: spread evenly over the days, 05:00 to 23:00. */
    static String schedule(int flights, LocalDate start, int days) {
        Random random = new Random(SEED);
        StringBuilder csv = new StringBuilder("flight_number,airline,direction,airport,scheduled\n");
        int perDay = (flights + days - 1) / days;
        DateTimeFormatter at = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm");
        for (int i = 0; i < flights; i++) {
            int day = i % days;
            int j = i / days; // unique within the day: the flight number's digits
            String airline = AIRLINES[random.nextInt(AIRLINES.length)];
            String[] airport = AIRPORTS[random.nextInt(AIRPORTS.length)];
            LocalDateTime scheduled = start.plusDays(day).atTime(5, 0).plusMinutes((long) j * 18 * 60 / perDay);
            csv.append(airline).append(100 + j).append(",Bench ").append(airline).append(',')
                    .append(j % 2 == 0 ? "ARRIVAL" : "DEPARTURE").append(',').append(airport[0]).append(',')
                    .append(at.format(scheduled)).append('\n');
        }
        return csv.toString();
    }

    record FlightRow(UUID id, LocalDateTime scheduled, boolean monitored, String country) {
    }

    static List<FlightRow> flights(Connection db, UUID operation) throws SQLException {
        List<FlightRow> flights = new ArrayList<>();
        try (PreparedStatement st = db.prepareStatement(
                "SELECT id, scheduled, status, country FROM flight WHERE operation_id = ? "
                        + "ORDER BY scheduled, flight_number")) {
            st.setObject(1, operation);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    flights.add(new FlightRow(rs.getObject(1, UUID.class), rs.getObject(2, LocalDateTime.class),
                            !"SCHEDULED".equals(rs.getString(3)), rs.getString(4)));
                }
            }
        }
        return flights;
    }

    /** What the figures must add up to. */
    static final class Expected {
        long passengers;
        long leaflets;
        long undonePassengers;
        long languageRows;
        long monitored;
        long flightsWithPassengers;
        final Map<String, Long> byLanguage = new TreeMap<>();
        final java.util.Set<UUID> flightsWithTallies = new java.util.HashSet<>();
    }

    /** One generated tally. */
    record Tally(UUID id, FlightRow flight, String location, int passengers, int leaflets, LocalDateTime local,
            boolean undone, List<String> languages) {
    }

    /**
     * Tallies as Waymark records them: 90 % on monitored flights, 5 % on other flights of the
     * operation, 5 % at places away from any flight; 1 to 5 passengers, leaflets up to that; none,
     * one or two languages; recorded from two hours before to half an hour after the flight, on its
     * day, and at least ten minutes ago (flights later than that get none); 0.5 % taken back within
     * the undo window. Random ids, as Waymark's, but inserted in the order of their ids (and the
     * idempotency keys numbered in that order) so that the indexes grow at one end: loading into H2
     * is then several times faster. Multi-row inserts of 1,000 tallies and then their languages (one
     * round trip each, also over H2's TCP server), a commit after every 10,000 tallies.
     */
    static Expected insert(Connection db, int rows, UUID operation, UUID user, UUID agency, List<FlightRow> flights,
            LocalDate start, int days) throws SQLException {
        Random random = new Random(SEED + 1);
        LocalDateTime latest = LocalDateTime.now(PORT_ZONE).minusMinutes(10);
        List<FlightRow> past = flights.stream().filter(f -> f.scheduled.plusMinutes(30).isBefore(latest)).toList();
        List<FlightRow> monitored = past.stream().filter(FlightRow::monitored).toList();
        List<FlightRow> others = past.stream().filter(f -> !f.monitored).toList();
        Expected expected = new Expected();
        List<Tally> tallies = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            double where = random.nextDouble();
            FlightRow flight = where < 0.90 && !monitored.isEmpty() ? monitored.get(random.nextInt(monitored.size()))
                    : where < 0.95 && !others.isEmpty() ? others.get(random.nextInt(others.size())) : null;
            LocalDateTime local;
            String location = null;
            if (flight != null) {
                local = flight.scheduled.plusMinutes(random.nextInt(151) - 120);
                if (!local.toLocalDate().equals(flight.scheduled.toLocalDate())) {
                    local = flight.scheduled; // on the flight's day
                }
            } else {
                location = LOCATIONS[random.nextInt(LOCATIONS.length)];
                local = start.plusDays(random.nextInt(days)).atTime(6, 0).plusMinutes(random.nextInt(16 * 60));
                if (local.isAfter(latest)) {
                    local = local.minusDays(1).isBefore(start.atStartOfDay()) ? latest : local.minusDays(1);
                }
            }
            int passengers = 1 + random.nextInt(5);
            int leaflets = random.nextInt(passengers + 1);
            boolean undone = random.nextInt(200) == 0;
            double spoken = random.nextDouble();
            List<String> languages = spoken < 0.2 ? List.of()
                    : List.copyOf(new TreeSet<>(spoken < 0.8 ? List.of(LANGUAGES[random.nextInt(LANGUAGES.length)])
                            : List.of(LANGUAGES[random.nextInt(LANGUAGES.length)],
                                    LANGUAGES[random.nextInt(LANGUAGES.length)])));
            // Random as Waymark's; all else is the same from run to run.
            tallies.add(new Tally(UUID.randomUUID(), flight, location, passengers, leaflets, local, undone, languages));
            expected.languageRows += languages.size();
            if (undone) {
                expected.undonePassengers += passengers;
            } else {
                expected.passengers += passengers;
                expected.leaflets += leaflets;
                for (String code : languages) {
                    expected.byLanguage.merge(code, (long) passengers, Long::sum);
                }
                if (flight != null) {
                    expected.flightsWithTallies.add(flight.id);
                }
            }
        }
        // The order both databases keep UUIDs in: unsigned, most significant half first.
        tallies.sort((x, y) -> {
            int high = Long.compareUnsigned(x.id.getMostSignificantBits(), y.id.getMostSignificantBits());
            return high != 0 ? high
                    : Long.compareUnsigned(x.id.getLeastSignificantBits(), y.id.getLeastSignificantBits());
        });
        db.setAutoCommit(false);
        try (MultiRowInsert tally = new MultiRowInsert(db, "engagement (id, operation_id, flight_id, country, "
                + "location, passengers, leaflets, recorded_by, agency_id, recorded_at, recorded_on, idempotency_key, "
                + "undone_at)", 13, 1_000);
                MultiRowInsert language = new MultiRowInsert(db, "engagement_language (engagement_id, language)", 2,
                        1_200)) {
            for (int i = 0; i < rows; i++) {
                Tally t = tallies.get(i);
                Instant at = t.local.atZone(PORT_ZONE).toInstant();
                tally.add(t.id, operation, t.flight == null ? null : t.flight.id,
                        t.flight == null ? null : t.flight.country, t.location, t.passengers,
                        t.leaflets, user, agency, Timestamp.from(at), t.local.toLocalDate(),
                        String.format("results-bench-%09d", i), t.undone ? Timestamp.from(at.plusSeconds(60)) : null);
                for (String code : t.languages) {
                    language.add(t.id, code);
                }
                if ((i + 1) % 1_000 == 0 || i + 1 == rows) {
                    tally.flush(); // first: the languages refer to the tallies
                    language.flush();
                }
                if ((i + 1) % 10_000 == 0 || i + 1 == rows) {
                    db.commit();
                    if ((i + 1) % 100_000 == 0) {
                        System.err.printf("  %,d%n", i + 1);
                    }
                }
            }
        }
        db.setAutoCommit(true);
        return expected;
    }

    /** INSERT INTO table (columns) VALUES (...), (...), ...: the rows added since the last flush. */
    static final class MultiRowInsert implements AutoCloseable {
        private final Connection db;
        private final String into;
        private final int columns;
        private final int rows;
        private final PreparedStatement full;
        private final List<Object> pending = new ArrayList<>();

        MultiRowInsert(Connection db, String into, int columns, int rows) throws SQLException {
            this.db = db;
            this.into = into;
            this.columns = columns;
            this.rows = rows;
            this.full = db.prepareStatement(sql(rows));
        }

        private String sql(int n) {
            String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
            return "INSERT INTO " + into + " VALUES " + String.join(", ", Collections.nCopies(n, row));
        }

        void add(Object... values) {
            pending.addAll(Arrays.asList(values));
        }

        void flush() throws SQLException {
            if (pending.size() == rows * columns) {
                execute(full);
            } else if (!pending.isEmpty()) {
                try (PreparedStatement some = db.prepareStatement(sql(pending.size() / columns))) {
                    execute(some);
                }
            }
        }

        private void execute(PreparedStatement st) throws SQLException {
            for (int p = 0; p < pending.size(); p++) {
                st.setObject(p + 1, pending.get(p)); // a null goes as a value of no particular type
            }
            st.executeUpdate();
            pending.clear();
        }

        @Override
        public void close() throws SQLException {
            full.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Requests

    /** Officers' tallies coming in through the API at a steady rate, one passenger each. */
    static final class Trickle {
        private final Api api;
        private final State state;
        private final List<UUID> flights;
        private final int perSecond;
        final AtomicLong attempted = new AtomicLong();
        final AtomicLong created = new AtomicLong();
        final AtomicLong others = new AtomicLong();
        private volatile boolean running;
        private Thread thread;

        Trickle(Api api, State state, List<UUID> flights, int perSecond) {
            this.api = api;
            this.state = state;
            this.flights = flights;
            this.perSecond = perSecond;
        }

        void start() {
            if (perSecond <= 0 || flights.isEmpty()) {
                return;
            }
            running = true;
            thread = new Thread(this::loop, "trickle");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.join(REQUEST_TIMEOUT.toMillis());
            }
        }

        private void loop() {
            Random random = new Random(SEED + 2);
            long period = 1_000_000_000L / perSecond;
            long next = System.nanoTime();
            String run = Long.toString(System.currentTimeMillis(), 36);
            URI uri = URI.create(api.base + "/api/v1/operations/" + state.operationId + "/engagements");
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                    continue;
                }
                next += period;
                String body = "{\"flightId\":\"" + flights.get(random.nextInt(flights.size()))
                        + "\",\"passengers\":1,\"languages\":[\"en\"],\"leaflets\":0}";
                HttpRequest request = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + state.token).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "trickle-" + run + "-" + attempted.get())
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                attempted.incrementAndGet();
                try {
                    int status = api.http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    (status == 201 ? created : others).incrementAndGet();
                } catch (IOException e) {
                    others.incrementAndGet();
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    static final class Measure {
        private final Settings s;
        private final Api api;
        private final State state;
        private final Trickle trickle;
        private final URI summary;
        private final URI dashboard;

        Measure(Settings s, Api api, State state, Trickle trickle) {
            this.s = s;
            this.api = api;
            this.state = state;
            this.trickle = trickle;
            this.summary = URI.create(s.base + "/api/v1/operations/" + state.operationId + "/summary");
            this.dashboard = URI.create(s.base + "/api/v1/operations/" + state.operationId + "/dashboard");
        }

        /** Everything in one dashboard and one summary against what was inserted (and trickled, in English). */
        void checkFigures(String when, long trickled) throws Exception {
            Expected e = state.expected;
            long passengers = e.passengers + trickled;
            Map<String, Long> byLanguage = new TreeMap<>(e.byLanguage);
            if (trickled > 0) {
                byLanguage.merge("en", trickled, Long::sum);
            }
            String sum = api.send("GET", state.token, summary.getPath(), null, null, 200);
            String body = api.send("GET", state.token, dashboard.getPath(), null, null, 200);
            check(when + ": summary passengersEngaged", number(sum, "passengersEngaged"), passengers);
            check(when + ": summary leaflets", number(sum, "leaflets"), e.leaflets);
            check(when + ": summary flightsMonitored", number(sum, "flightsMonitored"), e.monitored);
            check(when + ": dashboard passengersEngaged", number(body, "passengersEngaged"), passengers);
            Map<String, Long> languages = new TreeMap<>();
            for (String row : objects(body, "byLanguage")) {
                languages.put(string(row, "code"), number(row, "passengers"));
            }
            if (!languages.equals(byLanguage)) {
                allGood = false;
                System.err.printf("MISMATCH %s: passengers per language %s, expected %s%n", when, languages,
                        byLanguage);
            }
            check(when + ": dashboard flights with passengers", number(body, "flightsWithPassengers"),
                    e.flightsWithPassengers);
            check(when + ": dashboard busiest flights", objects(body, "byFlight").size(),
                    Math.min(20, e.flightsWithPassengers));
            long byDay = objects(body, "byDay").stream().mapToLong(row -> number(row, "passengers")).sum();
            check(when + ": dashboard passengers by day", byDay, passengers);
            long byCountry = objects(body, "byCountry").stream().mapToLong(row -> number(row, "passengers")).sum();
            check(when + ": dashboard passengers by country", byCountry, passengers);
            System.err.printf("%s: figures checked (%,d passengers, %,d leaflets, %d languages, %,d flights with passengers)%n",
                    when, passengers, e.leaflets, languages.size(), e.flightsWithPassengers);
        }

        void warmUp(int seconds, int settle) throws Exception {
            if (seconds > 0) {
                Row w = run(s.clients, Integer.MAX_VALUE, seconds, null);
                System.err.printf("  warm-up: %d answers, p50 %.1f ms%n", w.n, w.percentile(50));
                allGood &= w.others.isEmpty() && w.wrong == 0;
            }
            if (settle > 0) {
                // On two cores the JIT compiler falls behind while every core serves; idle, it catches up.
                Thread.sleep(settle * 1000L);
            }
        }

        Row row(String label, String endpoint, int clients, int requests, int seconds) throws Exception {
            System.err.printf("measuring: %s %s, %d client(s), %d requests%n", label, endpoint, clients, requests);
            CpuSnapshot cpu0 = CpuSnapshot.take(s.serverPid);
            Row row = run(clients, requests, seconds, endpoint.equals("summary") ? summary : dashboard);
            row.cpu = CpuSnapshot.take(s.serverPid).since(cpu0);
            row.label = label;
            row.endpoint = endpoint;
            System.err.printf("  %d answers, p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", row.n, row.percentile(50),
                    row.percentile(99), row.percentile(100));
            allGood &= row.others.isEmpty() && row.wrong == 0 && row.n > 0;
            return row;
        }

        /** Closed loop: each client sends its share of the requests one after the other; null uri alternates. */
        Row run(int clients, int requests, int seconds, URI uri) throws Exception {
            ExecutorService pool = Executors.newFixedThreadPool(clients, daemon("client"));
            long start = System.nanoTime();
            long end = start + TimeUnit.SECONDS.toNanos(seconds);
            List<Future<Row>> futures = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = requests == Integer.MAX_VALUE ? Integer.MAX_VALUE
                        : requests / clients + (c < requests % clients ? 1 : 0);
                int offset = c;
                futures.add(pool.submit(() -> {
                    Row mine = new Row(clients);
                    for (int i = 0; i < share && System.nanoTime() < end; i++) {
                        URI target = uri != null ? uri : (i + offset) % 2 == 0 ? summary : dashboard;
                        HttpRequest request = HttpRequest.newBuilder(target).timeout(REQUEST_TIMEOUT)
                                .header("Authorization", "Bearer " + state.token).GET().build();
                        long low = state.expected.passengers + (trickle == null ? 0 : trickle.created.get());
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> response = api.http.send(request,
                                    HttpResponse.BodyHandlers.ofString());
                            long latency = System.nanoTime() - t0;
                            if (response.statusCode() != 200) {
                                mine.others.merge(Integer.toString(response.statusCode()), 1L, Long::sum);
                                continue;
                            }
                            mine.add(latency, response.body().length());
                            long high = state.expected.passengers + (trickle == null ? 0 : trickle.attempted.get());
                            long passengers = passengersOf(response.body());
                            if (passengers < low || passengers > high) {
                                mine.wrong++;
                            }
                        } catch (IOException e) {
                            mine.others.merge(e.getClass().getSimpleName(), 1L, Long::sum);
                        }
                    }
                    return mine;
                }));
            }
            Row row = new Row(clients);
            for (Future<Row> f : futures) {
                row.merge(f.get(seconds + REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS));
            }
            row.elapsedNanos = System.nanoTime() - start;
            pool.shutdownNow();
            return row;
        }

        private static long passengersOf(String body) {
            String key = "\"passengersEngaged\":";
            int at = body.indexOf(key);
            if (at < 0) {
                return -1;
            }
            int to = at + key.length();
            while (to < body.length() && Character.isDigit(body.charAt(to))) {
                to++;
            }
            return Long.parseLong(body.substring(at + key.length(), to));
        }
    }

    static final class Row {
        final int clients;
        String label;
        String endpoint;
        long[] latencies = new long[256];
        int n;
        long bytes;
        long wrong;
        long elapsedNanos;
        CpuSnapshot cpu;
        final Map<String, Long> others = new TreeMap<>();

        Row(int clients) {
            this.clients = clients;
        }

        void add(long latency, long size) {
            if (n == latencies.length) {
                latencies = Arrays.copyOf(latencies, n * 2);
            }
            latencies[n++] = latency;
            bytes = Math.max(bytes, size);
        }

        void merge(Row other) {
            long[] merged = Arrays.copyOf(latencies, n + other.n);
            System.arraycopy(other.latencies, 0, merged, n, other.n);
            latencies = merged;
            n += other.n;
            bytes = Math.max(bytes, other.bytes);
            wrong += other.wrong;
            other.others.forEach((k, v) -> others.merge(k, v, Long::sum));
        }

        /** Nearest rank, in milliseconds; 100 is the maximum. */
        double percentile(double p) {
            if (n == 0) {
                return Double.NaN;
            }
            long[] sorted = Arrays.copyOf(latencies, n);
            Arrays.sort(sorted);
            int rank = (int) Math.ceil(p / 100.0 * n);
            return sorted[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
        }

        static void table(PrintStream out, List<Row> rows) {
            out.println("| Tallies | Endpoint | Clients | Answers (200) | Other answers | Wrong figures | Requests/s "
                    + "| p50 ms | p90 ms | p99 ms | max ms | Answer, KB | Waymark CPU ms/request "
                    + "| PostgreSQL CPU ms/request | Other, cores | p99 under 200 ms |");
            out.println("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|");
            for (Row r : rows) {
                String others = r.others.isEmpty() ? "0" : r.others.toString();
                out.printf("| %s | %s | %d | %d | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f | %s | %s | %s | %s |%n",
                        r.label, r.endpoint, r.clients, r.n, others, r.wrong, r.n / (r.elapsedNanos / 1e9),
                        r.percentile(50), r.percentile(90), r.percentile(99), r.percentile(100), r.bytes / 1024.0,
                        r.cpu == null || r.cpu.server < 0 ? "n/a" : String.format("%.1f", r.cpu.server * 1000 / r.n),
                        r.cpu == null ? "n/a" : String.format("%.1f", r.cpu.postgres * 1000 / r.n),
                        r.cpu == null ? "n/a" : String.format("%.2f", r.cpu.otherCores()),
                        r.percentile(99) < 200 ? "yes" : "**no**");
            }
            out.println();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The report's SQL statements, timed over JDBC

    /**
     * The statements Results runs for one operation (copied from FlightFigures,
     * EngagementFigures and CheckFigures; not the outlines of the twenty busiest flights), each run `unmeasured` times and then `repeat` times over
     * JDBC with a different comment each time, so that H2 cannot hand back a result it kept: median,
     * minimum and rows. With --plans, their plans (EXPLAIN ANALYZE) are added to that file.
     */
    /** Every tally that counts: the folded counts and the tallies not folded yet (as in EngagementFigures). */
    private static final String COUNTED = """
            (SELECT operation_id, flight_id, location, country, recorded_on, passengers, leaflets
                     FROM engagement_count WHERE operation_id IN (?)
                     UNION ALL
                     SELECT operation_id, flight_id, location, country, recorded_on, CAST(passengers AS BIGINT),
                            CAST(leaflets AS BIGINT)
                     FROM engagement WHERE operation_id IN (?) AND fold_batch IS NULL AND undone_at IS NULL) counted""";

    static void queries(PrintStream out, Connection db, Settings s, UUID operation, String when, int unmeasured,
            int repeat) throws Exception {
        boolean postgres = isPostgres(db);
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("flights monitored by day, country and direction (`FlightFigures.monitored`)", """
                SELECT operation_id, scheduled_date, country, direction, COUNT(*) FROM flight
                WHERE operation_id IN (?) AND status IN ('MONITORING', 'DONE')
                GROUP BY operation_id, scheduled_date, country, direction""");
        statements.put("passengers and leaflets (`EngagementFigures.sums`, summary only)", """
                SELECT COALESCE(SUM(passengers), 0), COALESCE(SUM(leaflets), 0) FROM
                    %1$s""".formatted(COUNTED));
        statements.put("passengers per day (`EngagementFigures.byDay`, dashboard only)", """
                SELECT recorded_on, SUM(passengers), SUM(leaflets) FROM
                    %1$s
                GROUP BY recorded_on""".formatted(COUNTED));
        statements.put("passengers per country (`EngagementFigures.passengersByCountry`, dashboard only)", """
                SELECT country, CASE WHEN flight_id IS NULL THEN 0 ELSE 1 END, SUM(passengers) FROM
                    %1$s
                GROUP BY country, CASE WHEN flight_id IS NULL THEN 0 ELSE 1 END""".formatted(COUNTED));
        statements.put("the 20 busiest flights (`EngagementFigures.busiestFlights`, dashboard only)", """
                SELECT flight_id, SUM(passengers) FROM
                    %1$s
                WHERE flight_id IS NOT NULL GROUP BY flight_id ORDER BY 2 DESC, 1 FETCH FIRST 20 ROWS ONLY"""
                .formatted(COUNTED));
        statements.put("flights with passengers (`EngagementFigures.flightsCounted`, dashboard only)", """
                SELECT COUNT(DISTINCT flight_id) FROM
                    %1$s""".formatted(COUNTED));
        statements.put("passengers per place (`EngagementFigures.passengersByLocation`, dashboard only)", """
                SELECT location, SUM(passengers) FROM
                    %1$s
                GROUP BY location""".formatted(COUNTED));
        statements.put("passengers per language (`EngagementFigures.passengersByLanguage`, dashboard only)", """
                SELECT language, SUM(passengers) FROM (
                    SELECT language, passengers FROM engagement_language_count WHERE operation_id = ?
                    UNION ALL
                    SELECT l.language, CAST(e.passengers AS BIGINT) FROM engagement e
                    JOIN engagement_language l ON l.engagement_id = e.id
                    WHERE e.operation_id = ? AND e.fold_batch IS NULL AND e.undone_at IS NULL
                ) counted
                GROUP BY language""");
        statements.put("check outcomes (`CheckFigures.checks`)", """
                SELECT o.check_id, o.outcome FROM check_outcome o JOIN enhanced_check c ON c.id = o.check_id
                WHERE c.operation_id IN (?)""");
        statements.put("checks (`CheckFigures.checks`)", """
                SELECT id, operation_id, flight_id, started_at FROM enhanced_check
                WHERE operation_id IN (?) ORDER BY started_at""");
        out.printf("The report's statements over JDBC (%s; median of %d runs%s, from the load generator's "
                + "connection%s):%n%n", when, repeat, unmeasured == 0 ? "" : " after " + unmeasured + " unmeasured",
                postgres ? "" : " through H2's TCP server, which adds the transfer of the rows");
        out.println("| Statement | Rows | Median ms | Min ms |");
        out.println("|---|--:|--:|--:|");
        Writer plans = s.plans == null ? null
                : Files.newBufferedWriter(s.plans, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
        int serial = 0;
        for (Map.Entry<String, String> statement : statements.entrySet()) {
            long[] times = new long[repeat];
            long rows = 0;
            for (int i = -unmeasured; i < repeat; i++) {
                long t0 = System.nanoTime();
                rows = run(db, statement.getValue() + " -- " + when + " " + serial++, operation);
                if (i >= 0) {
                    times[i] = System.nanoTime() - t0;
                }
            }
            Arrays.sort(times);
            out.printf("| %s | %,d | %.1f | %.1f |%n", statement.getKey(), rows, times[repeat / 2] / 1e6,
                    times[0] / 1e6);
            if (plans != null) {
                plans.write("== " + when + ": " + statement.getKey() + "\n");
                String explain = (postgres ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN ANALYZE ") + statement.getValue();
                try (PreparedStatement st = db.prepareStatement(explain)) {
                    bind(st, statement.getValue(), operation);
                    try (ResultSet rs = st.executeQuery()) {
                        while (rs.next()) {
                            plans.write(rs.getString(1) + "\n");
                        }
                    }
                }
                plans.write("\n");
            }
        }
        out.println();
        if (plans != null) {
            plans.close();
        }
    }

    private static void bind(PreparedStatement st, String sql, UUID operation) throws SQLException {
        int params = (int) sql.chars().filter(c -> c == '?').count();
        for (int p = 1; p <= params; p++) {
            st.setObject(p, operation);
        }
    }

    private static long run(Connection db, String sql, UUID operation) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            bind(st, sql, operation);
            long rows = 0;
            try (ResultSet rs = st.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int c = 1; c <= columns; c++) {
                        rs.getObject(c);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    private static long count(Connection db, String sql, UUID operation) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, operation);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static boolean exists(Connection db, String sql, UUID operation) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            st.setObject(1, operation);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean isPostgres(Connection db) throws SQLException {
        return db.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
    }

    // ---------------------------------------------------------------------------------------------
    // Settings, state between the phases, plumbing

    static final class Settings {
        final String base;
        final String jdbcUrl;
        final String jdbcUser;
        final String jdbcPassword;
        final Path state;
        final Path plans;
        final int flights;
        final int rows;
        final int days;
        final int clients;
        final int requests;
        final int unfoldedRequests;
        final int unfoldedSeconds;
        final int rowSeconds;
        final int warmup;
        final int settle;
        final int trickle;
        final int foldWait;
        final long serverPid;
        final String label;

        Settings(Map<String, String> opts) throws Exception {
            base = stripSlash(require(opts, "base"));
            requireLoopback(URI.create(base));
            jdbcUrl = require(opts, "jdbc-url");
            jdbcUser = opts.getOrDefault("jdbc-user", "");
            jdbcPassword = opts.getOrDefault("jdbc-password", "");
            state = Path.of(require(opts, "state"));
            plans = opts.containsKey("plans") ? Path.of(opts.get("plans")) : null;
            flights = Integer.parseInt(opts.getOrDefault("flights", "10000"));
            rows = Integer.parseInt(opts.getOrDefault("rows", "1000000"));
            days = Integer.parseInt(opts.getOrDefault("days", "28"));
            clients = Integer.parseInt(opts.getOrDefault("clients", "4"));
            requests = Integer.parseInt(opts.getOrDefault("requests", "300"));
            unfoldedRequests = Integer.parseInt(opts.getOrDefault("unfolded-requests", "5"));
            unfoldedSeconds = Integer.parseInt(opts.getOrDefault("unfolded-seconds", "60"));
            rowSeconds = Integer.parseInt(opts.getOrDefault("row-seconds", "120"));
            warmup = Integer.parseInt(opts.getOrDefault("warmup", "30"));
            settle = Integer.parseInt(opts.getOrDefault("settle", "10"));
            trickle = Integer.parseInt(opts.getOrDefault("trickle", "5"));
            foldWait = Integer.parseInt(opts.getOrDefault("fold-wait", "2400"));
            serverPid = Long.parseLong(opts.getOrDefault("server-pid", "0"));
            label = opts.getOrDefault("label", "");
            if (flights < 1 || flights > 50_000 || rows < 1 || days < 2 || days > 366 || clients < 1 || clients > 64
                    || requests < 1 || unfoldedRequests < 1 || unfoldedSeconds < 1 || rowSeconds < 1 || warmup < 0 || settle < 0
                    || trickle < 0 || trickle > 200 || foldWait < 1) {
                usage("--flights 1..50000, --rows 1 or more, --days 2..366, --clients 1..64, --trickle 0..200, "
                        + "--requests, --unfolded-requests, --unfolded-seconds, --row-seconds and --fold-wait 1 or more, --warmup "
                        + "and --settle 0 or more");
            }
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, jdbcUser, jdbcPassword);
        }

        Api api() {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Executors.newFixedThreadPool(4, daemon("http-client"))).build();
            return new Api(http, base);
        }
    }

    /** What the second phase needs from the first: kept in a file in the run's temporary directory. */
    record State(String operationId, String token, Expected expected) {
        void save(Path file) throws IOException {
            Properties p = new Properties();
            p.setProperty("operation", operationId);
            p.setProperty("token", token);
            p.setProperty("passengers", Long.toString(expected.passengers));
            p.setProperty("leaflets", Long.toString(expected.leaflets));
            p.setProperty("undonePassengers", Long.toString(expected.undonePassengers));
            p.setProperty("languageRows", Long.toString(expected.languageRows));
            p.setProperty("monitored", Long.toString(expected.monitored));
            p.setProperty("flightsWithPassengers", Long.toString(expected.flightsWithPassengers));
            expected.byLanguage.forEach((code, n) -> p.setProperty("language." + code, Long.toString(n)));
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "results benchmark");
            }
        }

        static State load(Path file) throws IOException {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            }
            Expected e = new Expected();
            e.passengers = Long.parseLong(p.getProperty("passengers"));
            e.leaflets = Long.parseLong(p.getProperty("leaflets"));
            e.undonePassengers = Long.parseLong(p.getProperty("undonePassengers"));
            e.languageRows = Long.parseLong(p.getProperty("languageRows"));
            e.monitored = Long.parseLong(p.getProperty("monitored"));
            e.flightsWithPassengers = Long.parseLong(p.getProperty("flightsWithPassengers"));
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("language.")) {
                    e.byLanguage.put(name.substring("language.".length()), Long.parseLong(p.getProperty(name)));
                }
            }
            return new State(p.getProperty("operation"), p.getProperty("token"), e);
        }
    }

    /**
     * CPU seconds used so far by the machine (all cores), the server process, this process and
     * the processes called postgres (any, not only this database's), from Linux's /proc; null
     * elsewhere. The server's is -1 when its process id is unknown.
     */
    static final class CpuSnapshot {
        private static final double TICKS = 100.0; // USER_HZ on Linux
        final double wallSeconds;
        final double machineBusy;
        final double server;
        final double self;
        final double postgres;

        private CpuSnapshot(double wallSeconds, double machineBusy, double server, double self, double postgres) {
            this.wallSeconds = wallSeconds;
            this.machineBusy = machineBusy;
            this.server = server;
            this.self = self;
            this.postgres = postgres;
        }

        static CpuSnapshot take(long serverPid) {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long busy = 0;
                for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) { // user nice system irq softirq steal
                    busy += Long.parseLong(cpu[i]);
                }
                double postgres = 0;
                try (var dirs = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
                    for (var dir : dirs) {
                        try {
                            if ("postgres".equals(Files.readString(dir.resolve("comm")).trim())) {
                                postgres += ticks(dir);
                            }
                        } catch (IOException | RuntimeException gone) {
                            // the process ended meanwhile
                        }
                    }
                }
                double server = -1;
                if (serverPid > 0) {
                    try {
                        server = ticks(Path.of("/proc", Long.toString(serverPid)));
                    } catch (IOException | RuntimeException unreadable) {
                        server = -1;
                    }
                }
                return new CpuSnapshot(System.nanoTime() / 1e9, busy / TICKS, server, ticks(Path.of("/proc/self")),
                        postgres);
            } catch (IOException | RuntimeException notLinux) {
                return null;
            }
        }

        private static double ticks(Path proc) throws IOException {
            String stat = Files.readString(proc.resolve("stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS;
        }

        CpuSnapshot since(CpuSnapshot before) {
            if (before == null) {
                return null;
            }
            return new CpuSnapshot(wallSeconds - before.wallSeconds, machineBusy - before.machineBusy,
                    server < 0 || before.server < 0 ? -1 : server - before.server, self - before.self,
                    postgres - before.postgres);
        }

        /** Cores' worth of CPU used by everything but the server, this process and PostgreSQL. */
        double otherCores() {
            return (machineBusy - Math.max(0, server) - self - postgres) / wallSeconds;
        }
    }

    static final class Api {
        private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
        private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");
        final HttpClient http;
        final String base;

        Api(HttpClient http, String base) {
            this.http = http;
            this.base = base;
        }

        String token(String email, String password) throws Exception {
            String basic = Base64.getEncoder()
                    .encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens"))
                    .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"label\":\"results benchmark\",\"days\":1}")), 201);
            return group(TOKEN, r.body());
        }

        String createId(String token, String path, String json) throws Exception {
            return group(ID, send("POST", token, path, "application/json", json, 201));
        }

        String send(String method, String token, String path, String type, String body, int expected)
                throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization",
                    "Bearer " + token);
            if (type != null) {
                b.header("Content-Type", type);
            }
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
            return send(b, expected).body();
        }

        private HttpResponse<String> send(HttpRequest.Builder builder, int expected) throws Exception {
            HttpRequest request = builder.timeout(REQUEST_TIMEOUT).build();
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                fail(request.method() + " " + request.uri().getPath() + " answered " + r.statusCode() + ": "
                        + r.body().substring(0, Math.min(1000, r.body().length())));
            }
            return r;
        }
    }

    private static String group(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            fail("unexpected answer: " + body.substring(0, Math.min(1000, body.length())));
        }
        return m.group(1);
    }

    /** The first number with this name in the JSON text. */
    static long number(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*(-?\\d+)").matcher(json);
        if (!m.find()) {
            fail("no " + name + " in " + json.substring(0, Math.min(300, json.length())));
        }
        return Long.parseLong(m.group(1));
    }

    static String string(String json, String name) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        return m.find() ? m.group(1) : null;
    }

    /** The flat objects of the array with this name (enough for the dashboard's lists of rows). */
    static List<String> objects(String json, String name) {
        int at = json.indexOf("\"" + name + "\":[");
        if (at < 0) {
            fail("no list " + name + " in the answer");
        }
        int end = json.indexOf(']', at);
        List<String> found = new ArrayList<>();
        int from = json.indexOf('{', at);
        while (from >= 0 && from < end) {
            int close = json.indexOf('}', from);
            found.add(json.substring(from, close + 1));
            from = json.indexOf('{', close);
        }
        return found;
    }

    private static void check(String what, long actual, long expected) {
        if (actual != expected) {
            allGood = false;
            System.err.printf("MISMATCH %s: %,d, expected %,d%n", what, actual, expected);
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
        System.err.println("usage: java -cp <JDBC driver> bench/results/ResultsLoad.java --phase unfolded|folded "
                + "--base http://localhost:PORT [--email ADMIN_EMAIL --password ADMIN_PASSWORD] --jdbc-url URL "
                + "[--jdbc-user U] [--jdbc-password P] --state FILE [--plans FILE] [--flights 10000] "
                + "[--rows 1000000] [--days 28] [--clients 4] [--requests 300] [--unfolded-requests 5] "
                + "[--unfolded-seconds 60] [--row-seconds 120] [--warmup 30] [--settle 10] [--trickle 5] [--fold-wait 2400] "
                + "[--server-pid PID] [--app-started EPOCH_MS] [--label TEXT]");
        System.exit(2);
    }

    private static void fail(String problem) {
        System.err.println("benchmark failed: " + problem);
        System.exit(1);
    }
}
