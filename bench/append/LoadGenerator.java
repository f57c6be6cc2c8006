import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The append benchmark: baselines (plain INSERT, Message DB write_message, Emmett's PostgreSQL event store through
 * bench/peer/emmett/append.mjs on Node) and the service (REST appends closed loop and at constant rates, reads,
 * projection lag, bulk import against COPY, rebuild against reading the event table, the due-case re-evaluation),
 * all against one PostgreSQL cluster in one run. Constant-rate latencies are
 * measured from each request's intended send time, so a slow service cannot hide its queue (no coordinated
 * omission). Prints one Markdown report on stdout.
 *
 * java -cp postgresql.jar bench/append/LoadGenerator.java --api http://127.0.0.1:8080 --pg 127.0.0.1:5432 [--quick]
 *      [--rows all|tuning|reads] [--label text] [--emmett bench/.cache/emmett/append.mjs | --emmett-missing reason]
 */
public class LoadGenerator {

    static String api;
    /** A second node of the service on the same database, for the two-node rows. */
    static String api2;
    static String pgHost;
    static boolean quick;
    static String rows = "all";
    static String label = "";
    static int scaleEvents;
    /** The installed Node script for the Emmett rows, or null with the reason in emmettMissing. */
    static String emmettScript;
    static String emmettMissing = "no --emmett script was given (bench/run.sh installs it into bench/.cache/emmett)";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Random RANDOM = new Random(42);
    static final StringBuilder REPORT = new StringBuilder();
    static final Map<String, Double> HEADLINE = new LinkedHashMap<>();
    static final List<String> NOTES = new ArrayList<>();
    static String facilityA = UUID.randomUUID().toString();
    static String facilityB = UUID.randomUUID().toString();
    static List<String> cases = new ArrayList<>();
    static final String SOURCES = "[{\"kind\":\"ngo_report\",\"citation\":\"PEN International, RAN 41/13 (bench)\",\"reliability\":\"B\"}]";

    public static void main(String[] args) throws Exception {
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--api" -> api = args[++i];
                case "--pg" -> pgHost = args[++i];
                case "--quick" -> quick = true;
                case "--rows" -> rows = args[++i];
                case "--label" -> label = args[++i];
                case "--events" -> scaleEvents = Integer.parseInt(args[++i]);
                case "--emmett" -> emmettScript = args[++i];
                case "--emmett-missing" -> emmettMissing = args[++i];
                case "--gateway-classpath" -> gatewayClasspath = args[++i];
                case "--api2" -> api2 = args[++i];
                default -> throw new IllegalArgumentException(args[i]);
            }
        }
        Duration step = quick ? Duration.ofSeconds(6) : Duration.ofSeconds(20);
        if (emmettScript != null && !Files.isRegularFile(Path.of(emmettScript))) {
            emmettMissing = emmettScript + " does not exist";
            emmettScript = null;
        }
        if (!rows.equals("all")) {
            emmettScript = null;
        }
        setUp();
        if (rows.equals("scale")) {
            scale();
            System.out.print(REPORT);
            return;
        }
        if (rows.equals("two-nodes")) {
            twoNodes(step);
            System.out.print(REPORT);
            return;
        }
        if (rows.equals("appends")) {
            appends(step);
            System.out.print(REPORT);
            return;
        }
        if (rows.equals("tuning")) {
            tuning(step);
            System.out.print(REPORT);
            return;
        }
        if (rows.equals("reads")) {
            readsOnly(step);
            System.out.print(REPORT);
            return;
        }
        warmUp();
        Map<Integer, Stats> ceiling = new LinkedHashMap<>();
        Map<Integer, Stats> peer = new LinkedHashMap<>();
        Map<Integer, Stats> ours = new LinkedHashMap<>();
        Map<Integer, Stats> emmett = new LinkedHashMap<>();
        for (int clients : new int[] {1, 4, 16}) {
            ceiling.put(clients, closedLoop(clients, step, LoadGenerator::insertWorker));
            log("ceiling " + clients + ": " + ceiling.get(clients).summary());
            peer.put(clients, closedLoop(clients, step, LoadGenerator::messageDbWorker));
            log("peer " + clients + ": " + peer.get(clients).summary());
            if (emmettScript != null) {
                try {
                    emmett.put(clients, emmettStep(clients, step));
                    log("emmett " + clients + ": " + emmett.get(clients).summary());
                } catch (Exception e) {
                    log("emmett " + clients + " failed: " + e);
                    emmettMissing = "the run at " + clients + " clients failed: " + e.getMessage();
                    emmettScript = null;
                    emmett.clear();
                }
            }
            ours.put(clients, closedLoop(clients, step, c -> LoadGenerator::appendBlocking));
            log("ours " + clients + ": " + ours.get(clients).summary());
        }
        Map<Integer, Stats> constant = new LinkedHashMap<>();
        for (int rate : new int[] {50, 200, 500}) {
            constant.put(rate, constantRate(rate, step, LoadGenerator::appendAsync));
            log("constant " + rate + ": " + constant.get(rate).summary());
        }
        Map<Integer, Stats> gateway = gatewayRows(step);
        if (emmett.isEmpty()) {
            NOTES.add("Emmett rows omitted: " + emmettMissing + ".");
        } else {
            NOTES.add("Emmett rows: bench/peer/emmett/append.mjs on Node " + emmettNode + " (one event loop, so one"
                    + " core at most) against the database emmett_store, getPostgreSQLEventStore on a pg.Pool of one connection"
                    + " per client, one event per appendToStream (a transaction calling emt_append_to_stream), no expected"
                    + " version. Emmett still refuses an append whose stream moved since it read the stream's position, so"
                    + " concurrent appends to one stream conflict: each conflict counts as an error and is retried at once, and"
                    + " the append's latency runs from its first attempt.");
        }

        double backlog = awaitProjection();
        NOTES.add(String.format(Locale.ROOT, "Before the reads and the lag run, the case-status projection was left to drain the backlog"
                + " of the append runs above: %.0f s.", backlog));
        Map<String, Stats> idle = reads(quick ? 200 : 500);
        AtomicBoolean loaded = new AtomicBoolean(true);
        Lag lag = new Lag();
        CompletableFuture<Stats> background = CompletableFuture.supplyAsync(() ->
                constantRate(200, step.multipliedBy(3), () -> lag.probe(appendAsync())));
        sleep(1000);
        Map<String, Stats> underLoad = reads(quick ? 200 : 500);
        Stats backgroundAppends = background.join();
        loaded.set(false);
        lag.finish();

        Bulk bulk = bulkImport(quick ? 20_000 : 1_000_000);
        Map<String, double[]> rebuilds = new LinkedHashMap<>();
        long stored = count("SELECT count(*) FROM domainevententry");
        rebuilds.put(String.format(Locale.ROOT, "%,d events", stored), rebuild());
        String[] reevaluation = reevaluation();

        // The report: ratios first.
        Stats ceiling16 = ceiling.get(16);
        Stats peer16 = peer.get(16);
        Stats ours16 = ours.get(16);
        line("# Append benchmark, %s, %d cores, %s%s", Instant.now().toString().substring(0, 19) + "Z",
                Runtime.getRuntime().availableProcessors(), quick ? "quick mode" : "full mode", label.isEmpty() ? "" : ", " + label);
        line("");
        line("One PostgreSQL 18 cluster (the service's embedded one) holds every baseline and the service's store; the load");
        line("generator, the service and PostgreSQL share the machine. Each closed-loop step runs %d s.", step.toSeconds());
        line("");
        line("## Headline ratios");
        line("");
        line("| ratio | value | target | met |");
        line("| --- | --- | --- | --- |");
        ratio("REST append, 16 clients / INSERT ceiling, 16 clients", ours16.throughput() / ceiling16.throughput(), 0.25, true);
        ratio("REST append, 16 clients / Message DB write_message, 16 clients", ours16.throughput() / peer16.throughput(), 1.0, true);
        ratio("REST append, 4 clients / INSERT ceiling, 4 clients", ours.get(4).throughput() / ceiling.get(4).throughput(), 0, true);
        ratio("REST append, 1 client / INSERT ceiling, 1 client", ours.get(1).throughput() / ceiling.get(1).throughput(), 0, true);
        ratio("REST append, 1 client / Message DB, 1 client", ours.get(1).throughput() / peer.get(1).throughput(), 0, true);
        if (emmett.containsKey(16)) {
            ratio("REST append, 16 clients / Emmett, 16 clients", ours16.throughput() / emmett.get(16).throughput(), 0, true);
        }
        if (gateway.containsKey(16)) {
            ratio("command gateway in-process, 16 clients / INSERT ceiling, 16 clients",
                    gateway.get(16).throughput() / ceiling16.throughput(), 0, true);
            ratio("command gateway in-process, 16 clients / Message DB, 16 clients",
                    gateway.get(16).throughput() / peer16.throughput(), 0, true);
        }
        ratio("bulk import / COPY of the same rows (events/s)", bulk.importRate / bulk.copyRate, 0.2, true);
        for (var rebuild : rebuilds.entrySet()) {
            ratio("rebuild of all projections / reading the event table (events/s), " + rebuild.getKey(),
                    rebuild.getValue()[0] / rebuild.getValue()[1], 0, true);
        }
        line("");
        line("| target | measured | met |");
        line("| --- | --- | --- |");
        target("REST append p99 at 200/s constant < 50 ms", ms(constant.get(200).p(0.99)) + " ms", constant.get(200).p(0.99) < 50e6);
        for (var rebuild : rebuilds.entrySet()) {
            double seconds = rebuild.getValue()[2];
            target("rebuild of 1M events < 60 s (here " + rebuild.getKey() + ")", String.format(Locale.ROOT,
                    "%.1f s (%.0f events/s, so 1M in about %.0f s)", seconds, rebuild.getValue()[0], 1e6 / rebuild.getValue()[0]),
                    1e6 / rebuild.getValue()[0] < 60);
        }
        for (var read : idle.entrySet()) {
            target("read p99 idle < 20 ms: " + read.getKey(), ms(read.getValue().p(0.99)) + " ms", read.getValue().p(0.99) < 20e6);
        }
        for (var read : underLoad.entrySet()) {
            target("read p99 under 200 appends/s < 50 ms: " + read.getKey(), ms(read.getValue().p(0.99)) + " ms",
                    read.getValue().p(0.99) < 50e6);
        }
        Stats lagStats = lag.stats();
        target("projection lag p99 < 1 s", ms(lagStats.p(0.99)) + " ms", lagStats.p(0.99) < 1e9 && lagStats.count() > 0);
        line("");
        line("## Appends, closed loop (each client sends its next request when the last is answered)");
        line("");
        line("| writer | clients | appends/s | p50 ms | p95 ms | p99 ms | max ms | errors | ours / this |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (int clients : new int[] {1, 4, 16}) {
            row("INSERT ceiling (JDBC, one row per transaction)", clients, ceiling.get(clients), ours.get(clients));
            row("Message DB 1.3.1 write_message, one category", clients, peer.get(clients), ours.get(clients));
            if (emmett.containsKey(clients)) {
                row("Emmett (PostgreSQL) 0.42.0 appendToStream, one category", clients, emmett.get(clients), ours.get(clients));
            }
            row("ours: REST POST /cases/{id}/events", clients, ours.get(clients), ours.get(clients));
        }
        for (var entry : gateway.entrySet()) {
            row("ours: command gateway in-process (no HTTP)", entry.getKey(), entry.getValue(), ours.get(entry.getKey()));
        }
        line("");
        line("## REST appends at a constant arrival rate (latency from the intended send time)");
        line("");
        line("| rate /s | achieved /s | p50 ms | p95 ms | p99 ms | max ms | errors |");
        line("| --- | --- | --- | --- | --- | --- | --- |");
        for (var entry : constant.entrySet()) {
            Stats s = entry.getValue();
            line("| %d | %.0f | %s | %s | %s | %s | %d |", entry.getKey(), s.throughput(), ms(s.p(0.5)), ms(s.p(0.95)),
                    ms(s.p(0.99)), ms(s.max()), s.errors());
        }
        line("");
        line("## Reads (one client, closed loop), idle and under 200 appends/s");
        line("");
        line("| query | idle p50 ms | idle p99 ms | idle max ms | loaded p50 ms | loaded p99 ms | loaded max ms | errors |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- |");
        for (String query : idle.keySet()) {
            Stats a = idle.get(query);
            Stats b = underLoad.get(query);
            line("| %s | %s | %s | %s | %s | %s | %s | %d |", query, ms(a.p(0.5)), ms(a.p(0.99)), ms(a.max()),
                    ms(b.p(0.5)), ms(b.p(0.99)), ms(b.max()), a.errors() + b.errors());
        }
        line("");
        line("Background appends during the loaded reads: %.0f/s, p99 %s ms, %d errors.", backgroundAppends.throughput(),
                ms(backgroundAppends.p(0.99)), backgroundAppends.errors());
        line("");
        line("## Projection lag under 200 appends/s (append acknowledged to visible in case_status)");
        line("");
        line("| samples | p50 ms | p95 ms | p99 ms | max ms | never visible |");
        line("| --- | --- | --- | --- | --- | --- |");
        line("| %d | %s | %s | %s | %s | %d |", lagStats.count(), ms(lagStats.p(0.5)), ms(lagStats.p(0.95)),
                ms(lagStats.p(0.99)), ms(lagStats.max()), lag.missing());
        line("");
        line("Visibility is polled over JDBC every 5 ms, and 0.1 ms later for each case waited on beyond 50 (so that the poll"
                + " competes less with the projection it times): figures carry up to 5 ms of polling resolution, 50 ms with 500 cases"
                + " waiting.");
        line("");
        line("## Bulk import against COPY");
        line("");
        line("| writer | events | seconds | events/s | ratio to COPY |");
        line("| --- | --- | --- | --- | --- |");
        line("| COPY of the same domainevententry rows (binary) into a copy of the table with its indexes | %,d | %.1f | %.0f | 1.00 |",
                bulk.events, bulk.events / bulk.copyRate, bulk.copyRate);
        line("| POST /api/v1/imports, NDJSON, %d lines a batch, %d clients | %,d | %.1f | %.0f | %.2f |", bulk.batch,
                bulk.clients, bulk.events, bulk.events / bulk.importRate, bulk.importRate, bulk.importRate / bulk.copyRate);
        line("");
        line("The import runs every line through the translator, the PrisonerCase aggregate and EventChain.link, in one");
        line("transaction a batch; COPY writes the rows the import stored, without chain links.");
        line("");
        line("## Rebuild of all projections (replay) against reading the event table");
        line("");
        line("| store | rebuild events/s | read events/s | ratio | rebuild s |");
        line("| --- | --- | --- | --- | --- |");
        for (var rebuild : rebuilds.entrySet()) {
            double[] r = rebuild.getValue();
            line("| %s | %.0f | %.0f | %.3f | %.1f |", rebuild.getKey(), r[0], r[1], r[0] / r[1], r[2]);
        }
        line("");
        line("## Scheduled re-evaluation of time-based findings");
        line("");
        reevaluationTableAndNotes(reevaluation);
        System.out.print(REPORT);
    }

    // ---------------------------------------------------------------------------------------------- set-up

    static void setUp() throws Exception {
        StringBuilder lines = new StringBuilder();
        lines.append(facilityLine(facilityA, "Arkalyk prison", 50.2481, 66.9114)).append('\n');
        lines.append(facilityLine(facilityB, "Karagandy detention centre", 49.8047, 73.1094)).append('\n');
        for (int i = 0; i < 500; i++) {
            String id = UUID.randomUUID().toString();
            cases.add(id);
            lines.append(registrationLine(id)).append('\n');
        }
        HttpResponse<String> response = importBatch(lines.toString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("set-up import failed: " + response.body());
        }
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = 'bench_ceiling'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE bench_ceiling");
            }
        }
        if (emmettScript != null) {
            // A fresh database a run: the script lets Emmett create its schema there.
            try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS emmett_store");
                s.execute("CREATE DATABASE emmett_store");
            }
        }
        try (Connection c = connect("bench_ceiling"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ceiling");
            s.execute("CREATE TABLE ceiling (id BIGSERIAL PRIMARY KEY, stream TEXT NOT NULL, type TEXT NOT NULL,"
                    + " data JSONB NOT NULL, metadata JSONB, time TIMESTAMPTZ NOT NULL DEFAULT now())");
        }
    }

    // ---------------------------------------------------------------------------------------------- writers

    interface Op {
        void call() throws Exception;
    }

    interface WorkerFactory {
        Op open(int client) throws Exception;
    }

    static String factBody() {
        int year = 2010 + ThreadLocalRandom.current().nextInt(10);
        int month = 1 + ThreadLocalRandom.current().nextInt(12);
        int day = 1 + ThreadLocalRandom.current().nextInt(28);
        return String.format(Locale.ROOT, "{\"type\": \"PersonTransferred\", \"occurredAt\": \"%d-%02d-%02d\", \"sources\": %s,"
                + " \"claim\": \"corroborated\", \"confidentiality\": \"public\", \"data\": {\"fromFacilityId\": \"%s\","
                + " \"toFacilityId\": \"%s\", \"noticeGiven\": false}}", year, month, day, SOURCES, facilityA, facilityB);
    }

    static Op insertWorker(int client) throws Exception {
        Connection c = connect("bench_ceiling");
        PreparedStatement insert = c.prepareStatement(
                "INSERT INTO ceiling (stream, type, data, metadata) VALUES (?, ?, CAST(? AS jsonb), CAST(? AS jsonb))");
        return () -> {
            insert.setString(1, "prisonerCase-" + randomCase());
            insert.setString(2, "PersonTransferred");
            insert.setString(3, factBody());
            insert.setString(4, "{\"recordedBy\": \"monitor\"}");
            insert.executeUpdate();
        };
    }

    static Op messageDbWorker(int client) throws Exception {
        Connection c = connect("message_store");
        try (Statement s = c.createStatement()) {
            s.execute("SET search_path = message_store, public");
        }
        PreparedStatement write = c.prepareStatement(
                "SELECT message_store.write_message(?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))");
        return () -> {
            write.setString(1, UUID.randomUUID().toString());
            write.setString(2, "prisonerCase-" + randomCase().replace("-", ""));
            write.setString(3, "PersonTransferred");
            write.setString(4, factBody());
            write.setString(5, "{\"recordedBy\": \"monitor\"}");
            try (ResultSet rs = write.executeQuery()) {
                rs.next();
            }
        };
    }

    static String emmettNode;
    /** A file holding the classpath of case-api's test classes and dependencies, for the in-process rows. */
    static String gatewayClasspath;

    /**
     * One closed-loop step of the Emmett peer: runs the Node script at this many clients for the step's duration
     * against emmett_store and reads the one JSON line it prints.
     */
    static Stats emmettStep(int clients, Duration step) throws Exception {
        String url = "postgresql://postgres@" + pgHost + "/emmett_store";
        List<String> lines = jsonLines("emmett", List.of("node", emmettScript, "--url", url, "--clients",
                String.valueOf(clients), "--seconds", String.valueOf(step.toSeconds()), "--streams",
                String.valueOf(cases.size())), step.plusSeconds(120));
        if (emmettNode == null) {
            emmettNode = nodeVersion();
        }
        return reported(lines.get(lines.size() - 1));
    }

    /**
     * Runs another process that measures by itself and prints one JSON line per step on stdout; its stderr goes to
     * the log, the first line of an error into the exception.
     */
    static List<String> jsonLines(String label, List<String> command, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException(label + " did not finish within " + timeout.toSeconds() + " s");
        }
        String output = stdout.get(10, TimeUnit.SECONDS);
        String errors = stderr.get(10, TimeUnit.SECONDS).strip();
        for (String note : errors.isEmpty() ? new String[0] : errors.split("\\R")) {
            log(label + ": " + note);
        }
        if (process.exitValue() != 0) {
            String cause = Arrays.stream(errors.split("\\R")).filter(l -> l.matches("\\w*(Error|Exception)\\b.*")).findFirst()
                    .orElse(errors.isEmpty() ? "no message" : errors.split("\\R")[0]);
            throw new IllegalStateException(label + " exited with " + process.exitValue() + ": " + cause);
        }
        List<String> json = Arrays.stream(output.split("\\R")).filter(line -> line.startsWith("{")).toList();
        if (json.isEmpty()) {
            throw new IllegalStateException(label + " printed no JSON line: " + output.strip());
        }
        return json;
    }

    static Stats reported(String json) {
        return new ReportedStats((long) number(json, "count"), number(json, "seconds"), number(json, "throughput"),
                number(json, "p50ms"), number(json, "p95ms"), number(json, "p99ms"), number(json, "maxms"),
                (long) number(json, "errors"));
    }

    /** A number field of a flat JSON object; NaN for null. */
    static double number(String json, String key) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(key) + "\"\\s*:\\s*(null|-?[0-9][0-9.eE+-]*)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + key + " in " + json);
        }
        return m.group(1).equals("null") ? Double.NaN : Double.parseDouble(m.group(1));
    }

    static String readAll(InputStream stream) {
        try (InputStream in = stream) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String version = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            return version.isEmpty() ? "(version unknown)" : version;
        } catch (Exception e) {
            return "(version unknown)";
        }
    }

    static String randomCase() {
        return cases.get(ThreadLocalRandom.current().nextInt(cases.size()));
    }

    /** The nodes appends go to, in turn (one unless --api2 names a second node on the same database). */
    static List<String> appendNodes = new ArrayList<>();
    static final AtomicLong NEXT_NODE = new AtomicLong();

    static HttpRequest appendRequest() {
        return appendRequest(randomCase());
    }

    /** Whether each case's appends go to one node (by its id) rather than to the nodes in turn. */
    static boolean stickyCases;

    static HttpRequest appendRequest(String caseId) {
        String node = appendNodes.isEmpty() ? api : appendNodes.get(stickyCases ? Math.floorMod(caseId.hashCode(), appendNodes.size())
                : (int) (NEXT_NODE.getAndIncrement() % appendNodes.size()));
        return HttpRequest.newBuilder(URI.create(node + "/api/v1/cases/" + caseId + "/events"))
                .header("Authorization", basic("monitor")).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(factBody())).build();
    }

    static void appendBlocking() throws Exception {
        appendBlocking(appendRequest());
    }

    static void appendBlocking(HttpRequest request) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
    }

    static CompletableFuture<HttpResponse<String>> appendAsync() {
        return HTTP.sendAsync(appendRequest(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------- drivers

    static Stats closedLoop(int clients, Duration duration, WorkerFactory factory) {
        Stats stats = new Stats();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        List<Op> ops = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                ops.add(factory.open(i));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        for (Op op : ops) {
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    long begin = System.nanoTime();
                    try {
                        op.call();
                        stats.record(System.nanoTime() - begin);
                    } catch (Exception e) {
                        stats.error(e);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        threads.forEach(LoadGenerator::join);
        stats.elapsed = System.nanoTime() - start;
        return stats;
    }

    interface AsyncOp {
        CompletableFuture<HttpResponse<String>> start();
    }

    /** Sends at fixed intended instants whatever the answers do; latency counts from the intended instant. */
    static Stats constantRate(int rate, Duration duration, AsyncOp op) {
        Stats stats = new Stats();
        long period = 1_000_000_000L / rate;
        long total = duration.toSeconds() * rate;
        List<CompletableFuture<?>> pending = new ArrayList<>();
        long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < total; i++) {
            long intended = start + i * period;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            CompletableFuture<HttpResponse<String>> future;
            try {
                future = op.start();
            } catch (RuntimeException e) {
                stats.error(e);
                continue;
            }
            pending.add(future.whenComplete((response, failure) -> {
                long latency = System.nanoTime() - intended;
                if (failure != null) {
                    stats.error(failure);
                } else if (response.statusCode() >= 300) {
                    stats.error(new IllegalStateException(response.statusCode() + " " + response.body()));
                } else {
                    stats.record(latency);
                }
            }));
        }
        for (CompletableFuture<?> future : pending) {
            try {
                future.get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted in whenComplete
            }
        }
        stats.elapsed = System.nanoTime() - start;
        return stats;
    }

    // ---------------------------------------------------------------------------------------------- rows

    /** The in-process write path without per-request HTTP: the import endpoint with one line per batch. */
    /**
     * The in-process rows: bench/run.sh passes the classpath of case-api's test classes, and GatewayAppends starts a
     * second node of the service on this cluster whose threads call the same CaseRecorder as the REST controller.
     */
    static Map<Integer, Stats> gatewayRows(Duration step) {
        Map<Integer, Stats> rows = new LinkedHashMap<>();
        if (gatewayClasspath == null) {
            NOTES.add("The in-process command-gateway rows were not measured: no --gateway-classpath was given.");
            return rows;
        }
        try {
            List<String> lines = jsonLines("gateway", List.of("java", "-Xmx1g", "-cp", Files.readString(Path.of(gatewayClasspath)).strip(),
                    "org.casetimeline.api.bench.GatewayAppends", "--pg", pgHost, "--clients", "1,4,16", "--seconds",
                    String.valueOf(step.toSeconds())), step.multipliedBy(3).plusSeconds(180));
            for (String line : lines) {
                rows.put((int) number(line, "clients"), reported(line));
            }
            NOTES.add("Command gateway in-process: a second node of the service (GatewayAppends, in case-api's test"
                    + " sources) on this cluster, whose threads call CaseRecorder.once and send, as the REST controller"
                    + " does (translator, command gateway, aggregate, hash chain, one transaction), without HTTP, security"
                    + " or answer JSON. The REST node stays up beside it, idle.");
        } catch (Exception e) {
            log("gateway rows failed: " + e);
            NOTES.add("The in-process command-gateway rows failed: " + e.getMessage());
            rows.clear();
        }
        return rows;
    }

    static Map<String, Stats> reads(int requests) {
        Map<String, Stats> result = new LinkedHashMap<>();
        for (String query : new String[] {"status", "timeline", "flags"}) {
            Stats stats = new Stats();
            long start = System.nanoTime();
            for (int i = 0; i < requests; i++) {
                String path = "/api/v1/cases/" + randomCase() + (query.equals("status") ? "" : "/" + query);
                long begin = System.nanoTime();
                try {
                    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + path))
                            .header("Authorization", basic("viewer")).timeout(Duration.ofSeconds(30)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(response.statusCode() + " " + response.body());
                    }
                    stats.record(System.nanoTime() - begin);
                } catch (Exception e) {
                    stats.error(e);
                }
            }
            stats.elapsed = System.nanoTime() - start;
            result.put(query, stats);
            log("read " + query + ": " + stats.summary());
        }
        return result;
    }

    /** Probes when acknowledged appends become visible in case_status, polling every 5 ms. */
    static final class Lag {
        final Stats stats = new Stats();
        final ConcurrentLinkedQueue<long[]> incoming = new ConcurrentLinkedQueue<>();
        final Map<UUID, List<long[]>> waiting = new ConcurrentHashMap<>();
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicLong counter = new AtomicLong();
        final Map<long[], UUID> caseOf = new ConcurrentHashMap<>();
        final Thread poller;
        volatile long missing;

        Lag() {
            poller = new Thread(this::poll);
            poller.start();
        }

        CompletableFuture<HttpResponse<String>> probe(CompletableFuture<HttpResponse<String>> append) {
            if (counter.incrementAndGet() % 2 != 0) {
                return append;
            }
            return append.whenComplete((response, failure) -> {
                if (failure == null && response.statusCode() == 201) {
                    long acknowledged = System.nanoTime();
                    Matcher caseId = Pattern.compile("\"caseId\":\"([^\"]+)\"").matcher(response.body());
                    Matcher sequence = Pattern.compile("\"sequence\":(\\d+)").matcher(response.body());
                    if (caseId.find() && sequence.find()) {
                        long[] probe = {acknowledged, Long.parseLong(sequence.group(1))};
                        UUID id = UUID.fromString(caseId.group(1));
                        waiting.computeIfAbsent(id, k -> Collections.synchronizedList(new ArrayList<>())).add(probe);
                    }
                }
            });
        }

        void poll() {
            try (Connection c = connect("postgres");
                 PreparedStatement query = c.prepareStatement("SELECT case_id, version FROM case_status"
                         + " WHERE clearance = 'CONFIDENTIAL' AND case_id = ANY (?)")) {
                long stopAt = Long.MAX_VALUE;
                while (System.nanoTime() < stopAt) {
                    if (!running.get() && stopAt == Long.MAX_VALUE) {
                        stopAt = System.nanoTime() + 10_000_000_000L;
                    }
                    if (waiting.isEmpty()) {
                        if (!running.get()) {
                            break;
                        }
                        LockSupport.parkNanos(5_000_000L);
                        continue;
                    }
                    query.setArray(1, c.createArrayOf("uuid", waiting.keySet().toArray()));
                    long now;
                    try (ResultSet rs = query.executeQuery()) {
                        now = System.nanoTime();
                        while (rs.next()) {
                            UUID id = (UUID) rs.getObject(1);
                            long version = rs.getLong(2);
                            List<long[]> probes = waiting.get(id);
                            if (probes == null) {
                                continue;
                            }
                            synchronized (probes) {
                                probes.removeIf(probe -> {
                                    if (version >= probe[1]) {
                                        stats.record(now - probe[0]);
                                        return true;
                                    }
                                    return false;
                                });
                                if (probes.isEmpty()) {
                                    waiting.remove(id);
                                }
                            }
                        }
                    }
                    LockSupport.parkNanos(pollInterval(waiting.size()));
                }
                missing = waiting.values().stream().mapToLong(List::size).sum();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * 5 ms, and 0.1 ms more for each case waited on beyond 50: a query for hundreds of cases every 5 ms competes,
         * on a saturated machine, with the projection it times. With many cases waiting the lags are seconds long,
         * and a coarser poll changes them by little.
         */
        static long pollInterval(int casesWaitedOn) {
            return 5_000_000L + Math.max(0, casesWaitedOn - 50) * 100_000L;
        }

        void finish() {
            running.set(false);
            join(poller);
        }

        Stats stats() {
            return stats;
        }

        long missing() {
            return missing;
        }
    }

    record Bulk(long events, double importRate, double copyRate, int batch, int clients) {
    }

    static Bulk bulkImport(int events) throws Exception {
        int perCase = 10;
        int batch = 5000;
        int clients = 2;
        long before = count("SELECT coalesce(max(globalIndex), 0) FROM domainevententry");
        List<String> batches = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int lines = 0;
        List<String> imported = new ArrayList<>();
        for (int c = 0; c < events / perCase; c++) {
            String id = UUID.randomUUID().toString();
            imported.add(id);
            for (String line : caseLines(id)) {
                current.append(line).append('\n');
                if (++lines == batch) {
                    batches.add(current.toString());
                    current.setLength(0);
                    lines = 0;
                }
            }
        }
        if (lines > 0) {
            batches.add(current.toString());
        }
        AtomicLong next = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                int i;
                while ((i = (int) next.getAndIncrement()) < batches.size()) {
                    try {
                        HttpResponse<String> response = importBatch(batches.get(i));
                        if (response.statusCode() != 201) {
                            failures.incrementAndGet();
                            log("import batch failed: " + response.body());
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        log("import batch failed: " + e);
                    }
                    batches.set(i, null);
                }
            });
            threads.add(thread);
            thread.start();
        }
        threads.forEach(LoadGenerator::join);
        double importSeconds = (System.nanoTime() - start) / 1e9;
        long stored = count("SELECT count(*) FROM domainevententry WHERE globalIndex > " + before);
        double importRate = stored / importSeconds;
        log(String.format(Locale.ROOT, "import: %d events in %.1f s, %.0f/s, %d failed batches", stored, importSeconds,
                importRate, failures.get()));
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("ANALYZE domainevententry");
            s.execute("ANALYZE event_chain");
        }
        // COPY the same rows into a copy of the table with the same indexes.
        Path file = Files.createTempFile("bench-copy", ".bin");
        double copyRate;
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_copy");
            s.execute("CREATE TABLE bench_copy (LIKE domainevententry INCLUDING ALL)");
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (OutputStream out = new BufferedOutputStream(new FileOutputStream(file.toFile()))) {
                copy.copyOut("COPY (SELECT * FROM domainevententry WHERE globalIndex > " + before
                        + " ORDER BY globalIndex) TO STDOUT (FORMAT binary)", out);
            }
            long copyStart = System.nanoTime();
            long copied;
            try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()))) {
                copied = copy.copyIn("COPY bench_copy FROM STDIN (FORMAT binary)", in);
            }
            double copySeconds = (System.nanoTime() - copyStart) / 1e9;
            copyRate = copied / copySeconds;
            log(String.format(Locale.ROOT, "copy: %d rows in %.1f s, %.0f/s", copied, copySeconds, copyRate));
            s.execute("DROP TABLE bench_copy");
        } finally {
            Files.deleteIfExists(file);
        }
        if (failures.get() > 0) {
            NOTES.add(failures.get() + " import batches failed.");
        }
        return new Bulk(stored, importRate, copyRate, batch, clients);
    }

    /** Replays every projection; answers {rebuild events/s, read events/s, rebuild seconds}. */
    static double[] rebuild() throws Exception {
        long events = count("SELECT count(*) FROM domainevententry");
        long readStart = System.nanoTime();
        long read = 0;
        try (Connection c = connect("postgres")) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(1000);
                try (ResultSet rs = s.executeQuery("SELECT globalIndex, aggregateIdentifier, sequenceNumber, type,"
                        + " eventIdentifier, metaData, payload, payloadRevision, payloadType, timeStamp"
                        + " FROM domainevententry ORDER BY globalIndex")) {
                    while (rs.next()) {
                        rs.getBytes(7);
                        rs.getBytes(6);
                        read++;
                    }
                }
            }
            c.commit();
        }
        double readRate = read / ((System.nanoTime() - readStart) / 1e9);
        long start = System.nanoTime();
        for (String projection : new String[] {"case-status", "facilities"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/admin/projections/"
                    + projection + "/replay")).header("Authorization", basic("admin"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 202) {
                throw new IllegalStateException("replay of " + projection + ": " + response.body());
            }
        }
        long head = count("SELECT max(globalIndex) FROM domainevententry");
        // Done when no processor replays and the case-status tokens have reached the head of the store.
        while (true) {
            sleep(200);
            HttpResponse<String> state = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/admin/projections"))
                    .header("Authorization", basic("admin")).GET().build(), HttpResponse.BodyHandlers.ofString());
            boolean replaying = state.body().contains("\"rebuilding\":true");
            if (!replaying && tokenPosition("case-status") >= head && tokenPosition("facilities") >= head) {
                break;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format(Locale.ROOT, "rebuild: %d events in %.1f s; read %.0f/s", events, seconds, readRate));
        return new double[] {events / seconds, readRate, seconds};
    }

    /** Waits until case-status has caught up with the store (at most ten minutes); answers the seconds waited. */
    static double awaitProjection() throws Exception {
        long start = System.nanoTime();
        long head = count("SELECT max(globalIndex) FROM domainevententry");
        while (tokenPosition("case-status") < head && System.nanoTime() - start < 600_000_000_000L) {
            sleep(500);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log(String.format(Locale.ROOT, "projection caught up in %.0f s", seconds));
        return seconds;
    }

    /** The lowest index a processor's segments have reached (the token's "index"), or -1. */
    static long tokenPosition(String processor) throws Exception {
        long lowest = Long.MAX_VALUE;
        try (Connection c = connect("postgres");
             PreparedStatement s = c.prepareStatement("SELECT convert_from(token, 'UTF8') FROM tokenentry WHERE processorName = ?")) {
            s.setString(1, processor);
            try (ResultSet rs = s.executeQuery()) {
                boolean any = false;
                while (rs.next()) {
                    any = true;
                    String token = rs.getString(1);
                    if (token == null) {
                        return -1;
                    }
                    // A replay token names the position at reset first and the current position last.
                    Matcher index = Pattern.compile("\"index\"\\s*:\\s*(\\d+)").matcher(token);
                    long position = -1;
                    while (index.find()) {
                        position = Long.parseLong(index.group(1));
                    }
                    if (position < 0) {
                        return -1;
                    }
                    lowest = Math.min(lowest, position);
                }
                return any ? lowest : -1;
            }
        }
    }

    /** Makes N cases fall due and reads how long the scheduled job took to recompute them. */
    static String[] reevaluation() throws Exception {
        long total = count("SELECT count(DISTINCT case_id) FROM case_status");
        List<String> result = new ArrayList<>();
        try (Connection c = connect("postgres")) {
            // none due: the job's query alone, timed here as the job runs it
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 20; i++) {
                long begin = System.nanoTime();
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT DISTINCT case_id FROM case_status WHERE next_due_at <= now() LIMIT 1000");
                     ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        // drain
                    }
                }
                best = Math.min(best, System.nanoTime() - begin);
            }
            long due0 = count("SELECT count(DISTINCT case_id) FROM case_status WHERE next_due_at <= now()");
            result.add(String.format(Locale.ROOT, "| %,d | %d (already due at the start) | %.2f (the query that finds them) | - |",
                    total, due0, best / 1e6));
            for (int due : new int[] {10, 100, 1000}) {
                List<UUID> chosen = new ArrayList<>();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT case_id FROM case_status"
                        + " WHERE clearance = 'CONFIDENTIAL' ORDER BY random() LIMIT " + due)) {
                    while (rs.next()) {
                        chosen.add((UUID) rs.getObject(1));
                    }
                }
                Instant marker = Instant.now();
                double[] before = reevaluationMetric();
                try (PreparedStatement s = c.prepareStatement("UPDATE case_status SET next_due_at = now() - interval '1 second'"
                        + " WHERE case_id = ANY (?)")) {
                    s.setArray(1, c.createArrayOf("uuid", chosen.toArray()));
                    s.executeUpdate();
                }
                long deadline = System.nanoTime() + 180_000_000_000L;
                double[] after;
                while (true) {
                    after = reevaluationMetric();
                    // all chosen cases rewritten, and a run that recomputed at least as many cases has ended
                    if ((span(c, chosen, marker)[0] >= chosen.size() * 3L && after[0] > before[0] && after[2] - before[2] >= due)
                            || System.nanoTime() > deadline) {
                        break;
                    }
                    sleep(200);
                }
                double ms = (after[1] - before[1]) * 1000;
                result.add(String.format(Locale.ROOT, "| %,d | %d | %.0f | %.2f |", total, due, ms, ms / due));
                log("reevaluation of " + due + " due cases: " + ms + " ms in " + (after[0] - before[0]) + " runs");
            }
        }
        NOTES.add("Re-evaluation: the service runs with case-timeline.reevaluation-interval=PT2S; the bench sets next_due_at"
                + " in the past for N chosen cases and reads the service's own timer of the runs that found cases due"
                + " (case_timeline.reevaluation in /actuator/metrics: total time before and after, and the count of cases"
                + " recomputed). The query that finds due cases reads the next_due_at index, so with none due it costs the"
                + " same at any number of cases.");
        return result.toArray(String[]::new);
    }

    /** The service's re-evaluation timer: runs that found cases due, their total seconds, and the cases recomputed. */
    static double[] reevaluationMetric() throws Exception {
        double[] figures = new double[3];
        for (String[] metric : new String[][] {{"case_timeline.reevaluation", "COUNT", "0"},
                {"case_timeline.reevaluation", "TOTAL_TIME", "1"}, {"case_timeline.reevaluation.cases", "COUNT", "2"}}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "/actuator/metrics/" + metric[0]))
                    .header("Authorization", basic("admin")).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher value = Pattern.compile("\\{\"statistic\":\"" + metric[1] + "\",\"value\":([0-9.eE+-]+)\\}")
                    .matcher(response.body());
            figures[Integer.parseInt(metric[2])] = response.statusCode() == 200 && value.find() ? Double.parseDouble(value.group(1)) : 0;
        }
        return figures;
    }

    /** How many rows of the chosen cases were rewritten since the marker, and the span of their evaluated_at in ms. */
    static double[] span(Connection c, List<UUID> chosen, Instant marker) throws Exception {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*), coalesce(extract(epoch FROM max(evaluated_at)"
                + " - min(evaluated_at)) * 1000, 0) FROM case_status WHERE case_id = ANY (?) AND evaluated_at > ?")) {
            s.setArray(1, c.createArrayOf("uuid", chosen.toArray()));
            s.setTimestamp(2, java.sql.Timestamp.from(marker));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new double[] {rs.getLong(1), rs.getDouble(2)};
            }
        }
    }

    /** Ten seconds of appends at 4 clients, not measured: a fresh JVM spends its first seconds compiling. */
    static void warmUp() {
        log("warm-up: " + closedLoop(4, Duration.ofSeconds(10), c -> LoadGenerator::appendBlocking).summary());
        awaitProjectionQuietly();
    }

    static void awaitProjectionQuietly() {
        try {
            awaitProjection();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rows that depend on the size of the store: bulk import and COPY, rebuild, re-evaluation over many cases. */
    static void scale() throws Exception {
        Bulk bulk = bulkImport(scaleEvents);
        double backlog = awaitProjection();
        long stored = count("SELECT count(*) FROM domainevententry");
        double[] rebuild = rebuild();
        String[] reevaluation = reevaluation();
        line("# Append benchmark at scale, %s, %d cores, %,d events imported", Instant.now().toString().substring(0, 19) + "Z",
                Runtime.getRuntime().availableProcessors(), scaleEvents);
        line("");
        line("| row | measured | baseline in this run | ratio | target | met |");
        line("| --- | --- | --- | --- | --- | --- |");
        line("| bulk import, %,d events (NDJSON, %d lines a batch, %d clients) | %.0f events/s (%.0f s) | COPY of the same rows: %.0f rows/s"
                + " | %.4f | >= 0.2 | %s |", bulk.events, bulk.batch, bulk.clients, bulk.importRate, bulk.events / bulk.importRate,
                bulk.copyRate, bulk.importRate / bulk.copyRate, bulk.importRate / bulk.copyRate >= 0.2 ? "yes" : "**no**");
        line("| rebuild of all projections, %,d events | %.0f events/s (%.1f s) | reading the event table: %.0f events/s | %.4f"
                + " | 1M in < 60 s | %s (1M at this rate: about %.0f s) |", stored, rebuild[0], rebuild[2], rebuild[1],
                rebuild[0] / rebuild[1], 1e6 / rebuild[0] < 60 ? "yes" : "**no**", 1e6 / rebuild[0]);
        line("| case-status catching up with the import (live, not a replay) | %.0f s | - | - | - | - |", backlog);
        line("");
        reevaluationTableAndNotes(reevaluation);
    }

    /** The re-evaluation rows as a table, then the run's notes: the end of the full and of the scale report. */
    static void reevaluationTableAndNotes(String[] reevaluation) {
        line("| cases | cases due | run ms | ms per due case |");
        line("| --- | --- | --- | --- |");
        for (String row : reevaluation) {
            line("%s", row);
        }
        line("");
        for (String note : NOTES) {
            line("- %s", note);
        }
    }

    /**
     * One node, then two nodes on one database: REST appends at 16 clients closed loop, then 200/s constant with
     * the projection lag, each first with every request to the first node and then alternating between both
     * (after ten seconds of unmeasured appends through both).
     */
    static void twoNodes(Duration step) throws Exception {
        warmUp();
        Map<String, Stats[]> measured = new LinkedHashMap<>();
        for (String nodes : new String[] {"one node", "two nodes", "two nodes, each case on one node"}) {
            appendNodes = nodes.equals("one node") ? List.of(api) : List.of(api, api2);
            stickyCases = nodes.endsWith("each case on one node");
            if (nodes.equals("two nodes")) {
                warmUp(); // the second node's JVM has not compiled anything yet
            }
            Stats sixteen = closedLoop(16, step, c -> LoadGenerator::appendBlocking);
            awaitProjectionQuietly();
            Lag lag = new Lag();
            Stats constant = constantRate(200, step, () -> lag.probe(appendAsync()));
            lag.finish();
            awaitProjectionQuietly();
            measured.put(nodes, new Stats[] {sixteen, constant, lag.stats()});
            log(nodes + ": 16 clients " + sixteen.summary() + "; 200/s " + constant.summary() + "; lag p99 " + ms(lag.stats().p(0.99)));
        }
        line("# Two nodes on one database, %s, %d cores", Instant.now().toString().substring(0, 19) + "Z",
                Runtime.getRuntime().availableProcessors());
        line("");
        line("Two service processes on one PostgreSQL cluster (the first node's embedded one), both on this machine's cores");
        line("with PostgreSQL and the load generator. \"two nodes\" sends the requests to the nodes in turn, so a case's next");
        line("append mostly lands on the node that did not write its last one, and that node's kept case is a miss. \"each case");
        line("on one node\" sends a case's appends to the same node (by its id), as a load balancer keyed on the case would.");
        line("Each step runs %d s.", step.toSeconds());
        line("");
        line("| nodes | appends/s, 16 clients | p99 ms | errors | 200/s: p50 ms | p99 ms | errors | lag p50 ms | lag p99 ms | lag max ms |");
        line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        for (var entry : measured.entrySet()) {
            Stats[] s = entry.getValue();
            line("| %s | %.0f | %s | %d | %s | %s | %d | %s | %s | %s |", entry.getKey(), s[0].throughput(), ms(s[0].p(0.99)),
                    s[0].errors(), ms(s[1].p(0.5)), ms(s[1].p(0.99)), s[1].errors(), ms(s[2].p(0.5)), ms(s[2].p(0.99)), ms(s[2].max()));
        }
        line("");
        line("two nodes / one node, appends/s at 16 clients: %.2f in turn, %.2f with each case on one node",
                measured.get("two nodes")[0].throughput() / measured.get("one node")[0].throughput(),
                measured.get("two nodes, each case on one node")[0].throughput() / measured.get("one node")[0].throughput());
    }

    /** The append rows alone, for a profiler run: 1 and 16 clients closed loop, then 200/s constant with lag. */
    static void appends(Duration step) throws Exception {
        warmUp();
        Stats one = closedLoop(1, step, c -> LoadGenerator::appendBlocking);
        Stats sixteen = closedLoop(16, step, c -> LoadGenerator::appendBlocking);
        awaitProjectionQuietly();
        Lag slow = new Lag();
        Stats twenty = constantRate(20, step, () -> slow.probe(appendAsync()));
        slow.finish();
        log("lag at 20/s: p50 " + ms(slow.stats().p(0.5)) + " p99 " + ms(slow.stats().p(0.99)) + " (" + twenty.summary() + ")");
        awaitProjectionQuietly();
        Lag lag = new Lag();
        Stats constant = constantRate(200, step, () -> lag.probe(appendAsync()));
        lag.finish();
        line("| %s | 1 client: %s | 16 clients: %s | 200/s: %s | lag p50 %s p99 %s ms |", label, one.summary(), sixteen.summary(),
                constant.summary(), ms(lag.stats().p(0.5)), ms(lag.stats().p(0.99)));
    }

    /**
     * The reads rows alone, for comparing builds: the cases first grow by a closed loop of appends (as in the full run
     * before its reads), then status, timeline and flags p99 idle and under 200 appends/s; one table row.
     */
    static void readsOnly(Duration step) throws Exception {
        warmUp();
        closedLoop(16, step, c -> LoadGenerator::appendBlocking);
        awaitProjection();
        Map<String, Stats> idle = reads(quick ? 200 : 500);
        CompletableFuture<Stats> background = CompletableFuture.supplyAsync(() ->
                constantRate(200, step.multipliedBy(3), LoadGenerator::appendAsync));
        sleep(1000);
        Map<String, Stats> underLoad = reads(quick ? 200 : 500);
        Stats appends = background.join();
        line("| %s | %s | %s | %s | %s | %s | %s | %.0f/s, p99 %s ms |", label, ms(idle.get("status").p(0.99)),
                ms(idle.get("timeline").p(0.99)), ms(idle.get("flags").p(0.99)), ms(underLoad.get("status").p(0.99)),
                ms(underLoad.get("timeline").p(0.99)), ms(underLoad.get("flags").p(0.99)), appends.throughput(),
                ms(appends.p(0.99)));
    }

    /** Tuning rows: the closed-loop maximum at 16 clients, p99 at 200/s and lag, for one service configuration. */
    static void tuning(Duration step) throws Exception {
        warmUp();
        Stats ceiling = closedLoop(16, step, LoadGenerator::insertWorker);
        Stats ours = closedLoop(16, step, c -> LoadGenerator::appendBlocking);
        Lag lag = new Lag();
        Stats constant = constantRate(200, step, () -> lag.probe(appendAsync()));
        lag.finish();
        Stats lagStats = lag.stats();
        LongCase longCase = longCaseAppends(LONG_CASE_EVENTS, step);
        Bulk bulk = bulkImport(quick ? 10_000 : 100_000);
        double[] rebuild = rebuild();
        line("| %s | %.0f | %.4f | %s | %d | %s | %.0f (p50 %s ms); projection caught up %.0f s later | %.0f | %.4f | %.0f |", label,
                ours.throughput(), ours.throughput() / ceiling.throughput(), ms(constant.p(0.99)),
                constant.errors() + ours.errors() + longCase.appends().errors(), ms(lagStats.p(0.99)), longCase.appends().throughput(),
                ms(longCase.appends().p(0.5)), longCase.catchUpSeconds(), bulk.importRate, bulk.importRate / bulk.copyRate, rebuild[0]);
    }

    /** How long the case of the long-case row is, in facts, before it is appended to. */
    static final int LONG_CASE_EVENTS = 2_000;

    /**
     * Appends by one client to one case that already holds {@code events} facts, imported first: the cost of an
     * append that has to know a long case (replayed from the store, or kept by the aggregate cache), and how long the
     * projection then needs to catch up, recomputing the long case once a batch.
     */
    record LongCase(Stats appends, double catchUpSeconds) {
    }

    static LongCase longCaseAppends(int events, Duration step) throws Exception {
        String id = UUID.randomUUID().toString();
        StringBuilder lines = new StringBuilder(registrationLine(id)).append('\n');
        LocalDate day = LocalDate.of(2005, 1, 1);
        for (int i = 0; i < events; i++) {
            String from = i % 2 == 0 ? facilityA : facilityB;
            String to = i % 2 == 0 ? facilityB : facilityA;
            lines.append(fact(id, "PersonTransferred", day.plusDays(i).toString(), "public", "{\"fromFacilityId\": \"" + from
                    + "\", \"toFacilityId\": \"" + to + "\", \"noticeGiven\": true}")).append('\n');
        }
        HttpResponse<String> imported = importBatch(lines.toString());
        if (imported.statusCode() != 201) {
            throw new IllegalStateException("long case import failed: " + imported.body());
        }
        awaitProjectionQuietly();
        Stats stats = closedLoop(1, step, c -> () -> appendBlocking(appendRequest(id)));
        log("long case (" + events + " facts), 1 client: " + stats.summary());
        // every append recomputes the whole case in the projection: how long it takes to catch up is that cost
        return new LongCase(stats, awaitProjection());
    }

    // ---------------------------------------------------------------------------------------------- lines

    static String facilityLine(String id, String name, double latitude, double longitude) {
        return String.format(Locale.ROOT, "{\"facility\": {\"facilityId\": \"%s\", \"name\": \"%s\", \"kind\": \"prison\","
                + " \"country\": \"KZ\", \"coordinates\": {\"latitude\": %s, \"longitude\": %s}, \"confidentiality\": \"public\"}}",
                id, name, latitude, longitude);
    }

    static String registrationLine(String id) {
        return "{\"caseId\": \"" + id + "\", \"registration\": {\"names\": [\"Bench Person " + id.substring(0, 8) + "\"],"
                + " \"birthYear\": 1960, \"gender\": \"male\", \"home\": {\"name\": \"Almaty\", \"country\": \"KZ\","
                + " \"coordinates\": {\"latitude\": 43.2389, \"longitude\": 76.8897}}, \"nextOfKin\": \"his son\","
                + " \"sources\": " + SOURCES + ", \"confidentiality\": \"public\"}}";
    }

    static String fact(String id, String type, String at, String confidentiality, String data) {
        return "{\"caseId\": \"" + id + "\", \"fact\": {\"type\": \"" + type + "\", \"occurredAt\": \"" + at
                + "\", \"sources\": " + SOURCES + ", \"claim\": \"alleged\", \"confidentiality\": \"" + confidentiality
                + "\", \"data\": " + data + "}}";
    }

    static List<String> caseLines(String id) {
        return List.of(
                registrationLine(id),
                fact(id, "AdmittedToFacility", "2012", "public", "{\"facilityId\": \"" + facilityA + "\"}"),
                fact(id, "SolitaryConfinementImposed", "2012-11", "public", "{\"reason\": \"publication of a book\","
                        + " \"plannedDays\": 730, \"indefinite\": false, \"partOfSentence\": true, \"forExpression\": true}"),
                fact(id, "PersonTransferred", "2013-10-05", "public", "{\"fromFacilityId\": \"" + facilityA
                        + "\", \"toFacilityId\": \"" + facilityB + "\", \"noticeGiven\": false}"),
                fact(id, "FamilyNotNotified", "2013-10-05", "public", "{\"about\": \"TRANSFER\", \"personPreventedFromTelling\": true}"),
                fact(id, "WhereaboutsUnknownReported", "2013-10", "restricted", "{\"reportedBy\": \"his son\"}"),
                fact(id, "WhereaboutsInquiryRefused", "2013-10", "public", "{\"inquirer\": \"his son\","
                        + " \"authority\": \"Penal System Committee\"}"),
                fact(id, "FamilyContactDenied", "2013-10", "public", "{\"channel\": \"CALL\", \"reason\": \"no calls\"}"),
                fact(id, "ConditionsReported", "2013-10", "public", "{\"heldWithOtherLegalStatus\": true, \"notes\": \"held with untried prisoners\"}"),
                fact(id, "ConditionsReported", "2013-11", "confidential", "{\"heldWithOtherLegalStatus\": false, \"notes\": \"cold cell\"}"));
    }

    static HttpResponse<String> importBatch(String lines) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + "/api/v1/imports"))
                .header("Authorization", basic("admin")).header("Content-Type", "application/x-ndjson")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofString(lines)).build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------------------------------------- plumbing

    static class Stats {
        final List<long[]> chunks = new ArrayList<>();
        long[] current = new long[4096];
        int used;
        long errors;
        long elapsed;
        String firstError;

        synchronized void record(long nanos) {
            if (used == current.length) {
                chunks.add(current);
                current = new long[4096];
                used = 0;
            }
            current[used++] = nanos;
        }

        synchronized void error(Throwable e) {
            if (firstError == null) {
                firstError = String.valueOf(e);
                log("first error: " + firstError);
            }
            errors++;
        }

        synchronized long[] sorted() {
            long[] all = new long[chunks.size() * 4096 + used];
            int at = 0;
            for (long[] chunk : chunks) {
                System.arraycopy(chunk, 0, all, at, chunk.length);
                at += chunk.length;
            }
            System.arraycopy(current, 0, all, at, used);
            Arrays.sort(all);
            return all;
        }

        long count() {
            return sorted().length;
        }

        long errors() {
            return errors;
        }

        double p(double q) {
            long[] all = sorted();
            return all.length == 0 ? Double.NaN : all[Math.min(all.length - 1, (int) Math.ceil(q * all.length) - 1)];
        }

        double max() {
            long[] all = sorted();
            return all.length == 0 ? Double.NaN : all[all.length - 1];
        }

        double throughput() {
            return count() / (elapsed / 1e9);
        }

        String summary() {
            return String.format(Locale.ROOT, "%.0f/s p50 %s p99 %s max %s ms, %d errors", throughput(), ms(p(0.5)),
                    ms(p(0.99)), ms(max()), errors);
        }
    }

    /** Figures another process measured and reported (p50, p95, p99 and max only), for row(...) and ratio(...). */
    static final class ReportedStats extends Stats {
        final long reportedCount;
        final double reportedThroughput;
        final double p50;
        final double p95;
        final double p99;
        final double reportedMax;

        /** Latencies in ms as reported; held in ns like Stats. */
        ReportedStats(long count, double seconds, double throughput, double p50ms, double p95ms, double p99ms, double maxms,
                long errors) {
            this.reportedCount = count;
            this.reportedThroughput = throughput;
            this.p50 = p50ms * 1e6;
            this.p95 = p95ms * 1e6;
            this.p99 = p99ms * 1e6;
            this.reportedMax = maxms * 1e6;
            this.errors = errors;
            this.elapsed = (long) (seconds * 1e9);
        }

        @Override
        long count() {
            return reportedCount;
        }

        @Override
        double p(double q) {
            return q == 0.5 ? p50 : q == 0.95 ? p95 : q == 0.99 ? p99 : Double.NaN;
        }

        @Override
        double max() {
            return reportedMax;
        }

        @Override
        double throughput() {
            return reportedThroughput;
        }
    }

    static void row(String writer, int clients, Stats s, Stats ours) {
        line("| %s | %d | %.0f | %s | %s | %s | %s | %d | %.4f |", writer, clients, s.throughput(), ms(s.p(0.5)),
                ms(s.p(0.95)), ms(s.p(0.99)), ms(s.max()), s.errors(), ours.throughput() / s.throughput());
    }

    static void ratio(String what, double value, double target, boolean higherIsBetter) {
        line("| %s | %s | %s | %s |", what, value >= 0.1 ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.4f", value), target == 0 ? "-" : (higherIsBetter ? ">= " : "<= ") + target,
                target == 0 ? "-" : (value >= target ? "yes" : "**no**"));
    }

    static void target(String what, String measured, boolean met) {
        line("| %s | %s | %s |", what, measured, met ? "yes" : "**no**");
    }

    static String ms(double nanos) {
        return Double.isNaN(nanos) ? "-" : String.format(Locale.ROOT, nanos < 10e6 ? "%.2f" : "%.1f", nanos / 1e6);
    }

    static void line(String format, Object... args) {
        REPORT.append(String.format(Locale.ROOT, format, args)).append('\n');
    }

    static void log(String message) {
        System.err.println(Instant.now().toString().substring(11, 19) + " " + message);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    static Connection connect(String database) throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + pgHost + "/" + database, "postgres", "");
    }

    static long count(String sql) throws Exception {
        try (Connection c = connect("postgres"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void join(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
