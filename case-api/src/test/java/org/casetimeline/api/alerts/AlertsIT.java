package org.casetimeline.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Requests;
import org.casetimeline.api.support.TestClock;
import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.status.CaseStatusProjection;
import org.casetimeline.projections.status.DueCaseReevaluation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.sun.net.httpserver.HttpServer;

/**
 * A breach reaches campaigners the hour it happens: on the server-sent-events stream and on a signed webhook,
 * retried until delivered; and a finding that opens by time alone opens without a new event.
 */
// a context of its own (its database, processors and pollers) is closed after the class, not kept running beside
// the later classes until the run ends
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
@Import(TestClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.alerts.poll-interval=PT0.2S",
        // the tests run the re-evaluation themselves: a scheduled run beside one would take cases a test set due
        "case-timeline.reevaluation-interval=PT1H", "case-timeline.reevaluation-first-after=P1D"})
class AlertsIT {

    private static final String SECRET = "a-webhook-secret-of-some-length";
    private static final List<String[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final java.util.Set<String> FAILED_ONCE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final HttpServer RECEIVER = receiver();

    @LocalServerPort
    int port;
    @Autowired
    TestClock clock;
    @Autowired
    DueCaseReevaluation reevaluation;
    @Autowired
    MeterRegistry meters;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;
    @Autowired
    javax.sql.DataSource dataSource;
    @Autowired
    AlertOutbox outbox;
    @Autowired
    WebhookSender sender;
    @Autowired
    AlertDispatcher dispatcher;
    @Autowired
    CaseStatusProjection projection;
    @Autowired
    PlatformTransactionManager transactions;

    private static HttpServer receiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                // each alert's first delivery fails, so that every test's retry is its own
                int status = FAILED_ONCE.add(exchange.getRequestHeaders().getFirst("X-Case-Timeline-Alert")) ? 500 : 204;
                if (status == 204) {
                    RECEIVED.add(new String[] {exchange.getRequestHeaders().getFirst(WebhookSender.SIGNATURE_HEADER), body});
                }
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void webhook(DynamicPropertyRegistry registry) {
        // the retention runs when a test calls it, never on its own in the middle of one
        registry.add("case-timeline.alerts.retention-first-after", () -> "P3650D");
        registry.add("case-timeline.webhooks[0].url", () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/hook");
        registry.add("case-timeline.webhooks[0].secret", () -> SECRET);
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void givenASubscriber_whenATransferWithoutNoticeIsRecorded_thenTheStreamAndASignedWebhookCarryTheFinding() throws Exception {
        ApiClient api = new ApiClient(port);
        List<String> streamed = new CopyOnWriteArrayList<>();
        subscribe(streamed);
        UUID arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.91)).json().get("caseId").asString());
        UUID karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Karagandy", "SIZO", 49.80, 73.11)).json().get("caseId").asString());
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.transfer(arkalyk, karagandy, "2013-10-05"));
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("FamilyNotNotified", "2013-10-05",
                "public", "{\"about\": \"TRANSFER\", \"personPreventedFromTelling\": true}"));

        await(() -> streamed.stream().anyMatch(line -> line.contains("MR68-TRANSFER-NOTICE") && line.contains(caseId)));
        long alertId = jdbc.sql("SELECT alert_id FROM finding_alert WHERE case_id = :id AND rule_id = 'MR68-TRANSFER-NOTICE'"
                + " AND clearance = 'PUBLIC' ORDER BY alert_id LIMIT 1").param("id", UUID.fromString(caseId)).query(Long.class).single();
        // the failed attempt must be recorded before the clock moves: its retry is scheduled from the clock's reading
        // when it is recorded, so a clock moved between the receiver's 500 and that record would never reach the retry
        await(() -> delivery(api, alertId).contains("\"attempts\":1") && delivery(api, alertId).contains("\"lastStatus\":500"));
        clock.advance(Duration.ofMinutes(1)); // past the first retry's backoff
        await(() -> RECEIVED.stream().anyMatch(hook -> hook[1].contains(caseId) && hook[1].contains("MR68-TRANSFER-NOTICE")));

        String[] hook = RECEIVED.stream().filter(h -> h[1].contains(caseId) && h[1].contains("MR68-TRANSFER-NOTICE"))
                .findFirst().orElseThrow();
        assertThat(hook[0]).isEqualTo("sha256=" + WebhookSender.sign(SECRET, hook[1]));
        // the receiver has the body a moment before the sender records the attempt
        await(() -> delivery(api, alertId).contains("\"attempts\":2") && delivery(api, alertId).contains("\"lastStatus\":204"));
        assertThat(api.get("viewer", "/api/v1/admin/webhooks/deliveries").status()).isEqualTo(403);
    }

    /**
     * A death in custody with no report on record is a data gap, but a critical one: the monitor must ask for the
     * report at once, so it is alerted as a finding is, where other data gaps wait on the case page.
     */
    @Test
    void givenADeathInCustodyWithNoReportOnRecord_whenRecorded_thenTheCriticalDataGapIsAlerted() throws Exception {
        ApiClient api = new ApiClient(port);
        List<String> streamed = new CopyOnWriteArrayList<>();
        subscribe(streamed);
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String events = "/api/v1/cases/" + caseId + "/events";
        api.post("monitor", events, Requests.fact("PersonDetained", "2020-01-10", "public", "{\"authority\": \"police\"}"));
        api.post("monitor", events, Requests.fact("PersonDied", "2021-10-01", "public",
                "{\"inCustody\": true, \"place\": \"the prison hospital\", \"nextOfKinInformed\": true}"));

        await(() -> streamed.stream().anyMatch(line -> line.contains("MR71-CUSTODIAL-DEATH") && line.contains(caseId)));
        // the kind stands beside the severity, so that a receiver filtering on severity can tell a gap from a breach
        assertThat(streamed.stream().filter(line -> line.contains("MR71-CUSTODIAL-DEATH") && line.contains(caseId)))
                .allMatch(line -> line.contains("\"severity\":\"CRITICAL\",\"kind\":\"UNKNOWN\""));
        assertThat(jdbc.sql("SELECT finding->>'kind' FROM finding_alert WHERE case_id = :id AND rule_id = 'MR71-CUSTODIAL-DEATH'"
                + " AND clearance = 'PUBLIC'").param("id", UUID.fromString(caseId)).query(String.class).list())
                .containsExactly("UNKNOWN");
    }

    @Test
    void givenAnUrgentMedicalRequest_whenTimePassesWithoutAnAnswer_thenTheFindingOpensWithoutANewEvent() {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String today = clock.instant().toString();
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("PersonDetained", today, "public",
                "{\"authority\": \"police\"}"));
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("MedicalRequestMade", today, "public",
                "{\"request\": \"a doctor for his spine\", \"urgent\": true}"));
        String flags = "/api/v1/flags?rule=MR27-MEDICAL-DENIED&state=open";
        await(() -> jdbc.sql("SELECT count(*) FROM case_status WHERE case_id = :id AND version = 2")
                .param("id", UUID.fromString(caseId)).query(Long.class).single() == 3);
        assertThat(api.get("viewer", flags).body()).doesNotContain(caseId);

        double recomputedBefore = meters.counter("case_timeline.reevaluation.cases").count();
        clock.advance(Duration.ofHours(30));
        int due = reevaluation.reevaluateDueCases();
        assertThat(due).isGreaterThanOrEqualTo(1);

        assertThat(api.get("viewer", flags).body()).contains(caseId);
        // the run is counted and timed, so operators (and the bench) can watch its cost per case
        assertThat(meters.counter("case_timeline.reevaluation.cases").count() - recomputedBefore).isGreaterThanOrEqualTo(due);
        assertThat(meters.timer("case_timeline.reevaluation").count()).isPositive();
    }

    /**
     * A logical copy of the database (pg_dump and restore) keeps the alerts' and the cursor's transaction ids while the
     * new cluster counts its own from far below them: no alert reaches the webhooks until its count passes them, and
     * nothing pending looked like a quiet service. The dispatcher says so once, with what to do.
     */
    @Test
    void givenAWebhookCursorBeyondThisClustersTransactions_whenDispatching_thenTheOperatorIsToldOnce(CapturedOutput output) {
        AlertOutbox.Position before;
        AlertOutbox.Position copied;
        // under the dispatcher's lock: a run that had read the cursor before would move it past the copied one
        synchronized (dispatcher) {
            before = outbox.cursor(AlertDispatcher.WEBHOOK_CURSOR);
            copied = new AlertOutbox.Position(1_000_000_000_000L, before.alertId());
            outbox.moveCursor(AlertDispatcher.WEBHOOK_CURSOR, copied);
        }
        try {
            assertThat(outbox.beyondThisCluster(before)).isFalse();
            assertThat(outbox.beyondThisCluster(copied)).isTrue();
            await(() -> output.getOut().contains("The webhook cursor stands at transaction 1000000000000"));
            long said = output.getOut().lines().filter(line -> line.contains("The webhook cursor stands")).count();
            dispatcher.dispatch();
            dispatcher.dispatch();
            assertThat(output.getOut().lines().filter(line -> line.contains("The webhook cursor stands"))).hasSize((int) said);
        } finally {
            synchronized (dispatcher) {
                outbox.moveCursor(AlertDispatcher.WEBHOOK_CURSOR, before);
            }
        }
    }

    /**
     * The README's rebase for a logical copy, run as written there: alerts the webhooks had already had stay had, and
     * those they had not (after the cursor, one of them with an id below the cursor's) reach them once. The copied
     * transaction ids stand far beyond this cluster's, as after pg_dump and restore.
     */
    @Test
    void givenALogicalCopy_whenRebasedAsTheReadmeSays_thenExactlyTheUndeliveredAlertsReachTheWebhooks() throws Exception {
        long copied = 1_000_000_000_000L;
        long below = 9_000_000_010L;
        List<Long> delivered = List.of(below + 1, below + 2);
        List<Long> undelivered = List.of(below, below + 3, below + 4);
        try {
            synchronized (dispatcher) {
                // written on the old cluster: two had by the webhooks (up to the cursor), three not
                copiedAlert(below, copied + 7);
                copiedAlert(below + 1, copied);
                copiedAlert(below + 2, copied);
                copiedAlert(below + 3, copied + 5);
                copiedAlert(below + 4, copied);
                outbox.moveCursor(AlertDispatcher.WEBHOOK_CURSOR, new AlertOutbox.Position(copied, below + 2));
                try (java.sql.Connection connection = dataSource.getConnection();
                     java.sql.Statement statement = connection.createStatement()) {
                    for (String sql : readmeRebase().split(";\\s*\\n")) {
                        statement.execute(sql);
                    }
                }
            }
            await(() -> undelivered.stream().allMatch(this::scheduled));
            dispatcher.dispatch();
            assertThat(delivered).noneMatch(this::scheduled);
            assertThat(outbox.beyondThisCluster(outbox.cursor(AlertDispatcher.WEBHOOK_CURSOR))).isFalse();
        } finally {
            List<Long> mine = java.util.stream.Stream.concat(delivered.stream(), undelivered.stream()).toList();
            jdbc.sql("DELETE FROM webhook_delivery WHERE alert_id IN (:ids)").param("ids", mine).update();
            jdbc.sql("DELETE FROM finding_alert WHERE alert_id IN (:ids)").param("ids", mine).update();
        }
    }

    private void copiedAlert(long alertId, long writtenBy) {
        alertWrittenBy(alertId, writtenBy, "PUBLIC");
    }

    /** An alert with its id and the transaction that wrote it given, as another cluster or an old one left it. */
    private void alertWrittenBy(long alertId, long writtenBy, String clearance) {
        jdbc.sql("INSERT INTO finding_alert (alert_id, case_id, clearance, change, rule_id, severity, finding, created_at,"
                        + " written_by) VALUES (:id, :case, :clearance, 'OPENED', 'MR68-TRANSFER-NOTICE', 'SERIOUS',"
                        + " '{\"ruleId\": \"MR68-TRANSFER-NOTICE\"}', now(), CAST(:writtenBy AS xid8))")
                .param("id", alertId).param("case", UUID.randomUUID()).param("clearance", clearance)
                .param("writtenBy", Long.toString(writtenBy)).update();
    }

    /** The SQL block under "Moving the database" in the README, so that the test runs what an operator would. */
    private static String readmeRebase() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("### Moving the database"));
        int start = section.indexOf("```sql\n") + "```sql\n".length();
        return section.substring(start, section.indexOf("```", start)).strip();
    }

    /**
     * A run recomputes the cases due longest first. By case id, the same lowest ids came first in every run, so while
     * more cases were due than a run takes, the others waited without end. The cases here fell due in 1990, before any
     * other test's.
     */
    @Test
    void givenMoreCasesDueThanARunTakes_whenTheRunPicks_thenThoseDueLongestComeFirst() {
        ApiClient api = new ApiClient(port);
        List<UUID> cases = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cases.add(UUID.fromString(api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString()));
        }
        cases.forEach(id -> awaitVersion(id.toString(), 0));
        // due in the order opposite to their ids', so that ordering by id would pick the wrong two
        List<UUID> byIdDescending = cases.stream().sorted(java.util.Comparator.reverseOrder()).toList();
        for (int i = 0; i < byIdDescending.size(); i++) {
            assertThat(jdbc.sql("UPDATE case_status SET next_due_at = TIMESTAMPTZ '1990-01-01' + make_interval(days => :day)"
                    + " WHERE case_id = :id").param("day", i).param("id", byIdDescending.get(i)).update()).isEqualTo(3);
        }

        assertThat(reevaluation.due(clock.instant(), 2)).containsExactly(byIdDescending.get(0), byIdDescending.get(1));
    }

    /**
     * Every node runs the re-evaluation, and each finds the same cases due. A case another run holds is passed over, not
     * waited for and then recomputed again; and a case another run has recomputed since it was found due is no longer
     * due, so it is not recomputed again either.
     */
    @Test
    void givenACaseAnotherNodesRunHolds_whenARunReachesIt_thenItPassesOverItAndRecomputesTheOthers() throws Exception {
        ApiClient api = new ApiClient(port);
        CaseId held = new CaseId(UUID.fromString(api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString()));
        CaseId free = new CaseId(UUID.fromString(api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString()));
        for (CaseId caseId : List.of(held, free)) {
            awaitVersion(caseId.toString(), 0);
            assertThat(jdbc.sql("UPDATE case_status SET next_due_at = TIMESTAMPTZ '1990-01-01' WHERE case_id = :id")
                    .param("id", caseId.value()).update()).isEqualTo(3);
        }
        var runs = Executors.newFixedThreadPool(2);
        CountDownLatch taken = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        try {
            // the other node's run: its transaction holds the case, one of its hundred, until released
            var other = runs.submit(() -> new TransactionTemplate(transactions).execute(transaction -> {
                int recomputed = projection.refreshDue(List.of(held));
                taken.countDown();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return recomputed;
            }));
            assertThat(taken.await(60, TimeUnit.SECONDS)).isTrue();

            var run = runs.submit(() -> projection.refreshDue(List.of(held, free)));
            assertThat(run.get(60, TimeUnit.SECONDS)).as("the free case alone, the held one not waited for")
                    .isEqualTo(1);
            assertThat(dueBy1990(free)).as("recomputed").isZero();

            released.countDown();
            assertThat(other.get(60, TimeUnit.SECONDS)).isEqualTo(1);
            assertThat(dueBy1990(held)).isZero();
            assertThat(projection.refreshDue(List.of(held))).as("a run that found it due before the other recomputed it").isZero();
        } finally {
            released.countDown();
            runs.shutdownNow();
        }
    }

    private long dueBy1990(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM case_status WHERE case_id = :id AND next_due_at <= TIMESTAMPTZ '1990-01-01'")
                .param("id", caseId.value()).query(Long.class).single();
    }

    /**
     * Each refresh compares the new findings with those stored: a finding that stays open is alerted once, not again
     * with every fact that lands, and a finding that a retraction removes leaves no row behind.
     */
    @Test
    void givenAnOpenFinding_whenAnotherFactLandsAndThenItsCauseIsRetracted_thenItWasAlertedOnceAndItsRowIsGone() {
        ApiClient api = new ApiClient(port);
        UUID arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.91)).json().get("caseId").asString());
        UUID karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Karagandy", "SIZO", 49.80, 73.11)).json().get("caseId").asString());
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String transfer = api.post("monitor", "/api/v1/cases/" + caseId + "/events",
                Requests.transfer(arkalyk, karagandy, "2013-10-05")).json().get("eventId").asString();
        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("FamilyNotNotified", "2013-10-05",
                "public", "{\"about\": \"TRANSFER\", \"personPreventedFromTelling\": true}"));
        awaitVersion(caseId, 2);
        assertThat(alerts(caseId, "MR68-TRANSFER-NOTICE")).isEqualTo(1);
        assertThat(findingRows(caseId, "MR68-TRANSFER-NOTICE")).isEqualTo(1);

        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("HungerStrikeStarted", "2013-11-01",
                "public", "{\"demands\": \"to see his lawyer\"}"));
        awaitVersion(caseId, 3);
        assertThat(alerts(caseId, "MR68-TRANSFER-NOTICE")).as("still open, so not alerted again").isEqualTo(1);

        api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.amendment("EventRetracted", "public", "{\"retractedFactId\": \"" + transfer + "\", \"reason\": \"belongs to another prisoner\"}"));
        awaitVersion(caseId, 4);
        assertThat(findingRows(caseId, "MR68-TRANSFER-NOTICE")).as("the retracted transfer proves nothing").isZero();
    }

    /**
     * Alert ids are handed out at insert and writers commit in any order. An alert whose transaction commits after a
     * later id was read must still reach the webhooks: a cursor on the id alone had passed it for good.
     */
    @Test
    void givenAnAlertCommittedAfterALaterOne_whenDispatched_thenBothReachTheWebhook() throws Exception {
        String insert = "INSERT INTO finding_alert (case_id, clearance, change, rule_id, severity, finding, created_at)"
                + " VALUES ('" + UUID.randomUUID() + "', 'PUBLIC', 'OPENED', 'MR68-TRANSFER-NOTICE', 'SERIOUS',"
                + " '{\"ruleId\": \"MR68-TRANSFER-NOTICE\"}', now()) RETURNING alert_id";
        long earlier;
        long later;
        try (java.sql.Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            try (java.sql.ResultSet id = slow.createStatement().executeQuery(insert)) {
                id.next();
                earlier = id.getLong(1);
            }
            later = jdbc.sql(insert).query(Long.class).single();
            assertThat(later).isGreaterThan(earlier);
            Thread.sleep(600); // several dispatch runs (every 0.2 s) pass while the earlier alert is uncommitted
            slow.commit();
        }
        long committedLast = earlier;
        long committedFirst = later;
        await(() -> scheduled(committedFirst) && scheduled(committedLast));
    }

    /**
     * The outbox is read in the order transactions' ids give (an xid8 each), and its text form must not decide it: as
     * text, 999 comes after 1000. A page cut between the two then moved the cursor past the alerts of 999 for good,
     * and the newest alert could be taken for an older one. The ids here sit on either side of the power of ten below
     * the transactions now running, so the store's own alerts lie above them.
     */
    @Test
    void givenAlertsWrittenOnEitherSideOfAPowerOfTenInTransactionIds_whenPagedAfterThem_thenInCommitOrderAndNoneSkipped() {
        long running = Long.parseLong(jdbc.sql("SELECT pg_snapshot_xmin(pg_current_snapshot())::text").query(String.class).single());
        long power = (long) Math.pow(10, Long.toString(running - 1).length() - 1);
        long nines = power - 1;
        long first = 9_000_000_001L;
        List<Long> mine = List.of(first, first + 1, first + 2, first + 3);
        try {
            for (int i = 0; i < mine.size(); i++) {
                alertWrittenBy(mine.get(i), i < 2 ? nines : power, "CONFIDENTIAL");
            }

            AlertOutbox.Page page = outbox.after(new AlertOutbox.Position(nines, first - 1), 2);
            assertThat(page.alerts()).extracting(AlertOutbox.Alert::alertId).containsExactly(first, first + 1);
            List<Long> paged = new java.util.ArrayList<>(page.alerts().stream().map(AlertOutbox.Alert::alertId).toList());
            while (!page.alerts().isEmpty()) {
                page = outbox.after(page.next(), 2);
                page.alerts().forEach(alert -> paged.add(alert.alertId()));
            }
            assertThat(paged).as("every alert after the position, each once").doesNotHaveDuplicates().containsAll(mine);

            List<Long> readable = jdbc.sql("SELECT written_by::text FROM finding_alert WHERE written_by < pg_snapshot_xmin("
                    + "pg_current_snapshot())").query(String.class).list().stream().map(Long::parseLong).toList();
            assertThat(outbox.latest().writtenBy()).as("the newest alert's writer")
                    .isEqualTo(readable.stream().mapToLong(Long::longValue).max().orElseThrow())
                    .isGreaterThanOrEqualTo(power);
        } finally {
            jdbc.sql("DELETE FROM finding_alert WHERE alert_id IN (:ids)").param("ids", mine).update();
        }
    }

    /**
     * A delivery left for a url no longer configured was skipped untouched, stayed the oldest due and, a hundred of
     * them, took every run's batch: nothing else was sent again. It is now put back with its reason, like a failed
     * attempt (another node may still have the url during a rolling change), and the alert behind it still reaches
     * the webhook that is configured.
     */
    @Test
    void givenADeliveryForAUrlNoLongerConfigured_whenDue_thenPutBackWithItsReasonAndTheOthersStillGo() {
        long stranded = alert();
        jdbc.sql("INSERT INTO webhook_delivery (alert_id, url, next_attempt_at) VALUES (:id, 'http://127.0.0.1:9/gone',"
                + " now() - interval '1 day')").param("id", stranded).update();
        long next = alert();

        await(() -> lastError(stranded, "http://127.0.0.1:9/gone") != null && attempted(next));
        assertThat(lastError(stranded, "http://127.0.0.1:9/gone")).contains("no webhook is configured at this url");
        assertThat(jdbc.sql("SELECT attempts = 1 AND next_attempt_at > :now FROM webhook_delivery WHERE alert_id = :id"
                + " AND url = 'http://127.0.0.1:9/gone'").param("id", stranded)
                .param("now", java.sql.Timestamp.from(clock.instant())).query(Boolean.class).single())
                .as("counted as an attempt and no longer due").isTrue();
    }

    /** The last attempt a delivery may have is recorded as given up, dated, and never comes due again. */
    @Test
    void givenADeliveryAtItsLastAttempt_whenItFails_thenGivenUpWithItsReasonAndDate() {
        long alertId = alert();
        jdbc.sql("INSERT INTO webhook_delivery (alert_id, url, attempts, next_attempt_at) VALUES (:id,"
                + " 'http://127.0.0.1:9/last', :attempts, now() - interval '1 day')")
                .param("id", alertId).param("attempts", WebhookSender.MAX_ATTEMPTS - 1).update();

        await(() -> lastError(alertId, "http://127.0.0.1:9/last") != null);
        assertThat(lastError(alertId, "http://127.0.0.1:9/last")).contains("gave up after " + WebhookSender.MAX_ATTEMPTS);
        assertThat(jdbc.sql("SELECT given_up_at = :now AND next_attempt_at > now() + interval '50 years'"
                + " FROM webhook_delivery WHERE alert_id = :id AND url = 'http://127.0.0.1:9/last'").param("id", alertId)
                .param("now", java.sql.Timestamp.from(clock.instant())).query(Boolean.class).single()).isTrue();
    }

    /**
     * Alerts and deliveries no longer grow for as long as the service runs. Those that ended before the retention's
     * date go; a delivery still being tried keeps its alert, and so does a delivery that ended since.
     */
    @Test
    void givenAlertsAndDeliveriesOlderThanTheRetention_whenPruned_thenOnlyThoseEndedBeforeItGo() {
        // CONFIDENTIAL: the test's webhook takes public alerts only, so the running dispatcher schedules none of these
        long delivered = oldAlert();
        long givenUp = oldAlert();
        long givenUpByAnOlderNode = oldAlert();
        long stillTried = oldAlert();
        long deliveredLately = oldAlert();
        long neverScheduled = oldAlert();
        String url = "http://127.0.0.1:9/retention";
        String never = "now() + interval '100 years'";
        delivery(delivered, url, "'2000-01-02', NULL, " + never);
        delivery(givenUp, url, "NULL, '2000-01-02', " + never);
        // as the release before V114 gave up: a century ahead, undated
        delivery(givenUpByAnOlderNode, url, "NULL, NULL, TIMESTAMPTZ '2000-01-02' + interval '36500 days'");
        delivery(stillTried, url, "NULL, NULL, now() + interval '1 hour'");
        delivery(deliveredLately, url, "'2001-06-01', NULL, " + never);

        AlertOutbox.Pruned pruned = outbox.prune(Instant.parse("2001-01-01T00:00:00Z"), 2);

        List<Long> mine = List.of(delivered, givenUp, givenUpByAnOlderNode, stillTried, deliveredLately, neverScheduled);
        assertThat(jdbc.sql("SELECT alert_id FROM finding_alert WHERE alert_id IN (:ids) ORDER BY alert_id")
                .param("ids", mine).query(Long.class).list()).containsExactly(stillTried, deliveredLately);
        assertThat(jdbc.sql("SELECT alert_id FROM webhook_delivery WHERE url = :url ORDER BY alert_id")
                .param("url", url).query(Long.class).list()).containsExactly(stillTried, deliveredLately);
        assertThat(pruned.deliveries()).isGreaterThanOrEqualTo(3);
        assertThat(pruned.alerts()).isGreaterThanOrEqualTo(4);
        assertThat(jdbc.sql("SELECT count(*) FROM finding_alert WHERE created_at >= '2001-01-01'").query(Long.class).single())
                .as("the alerts raised since, other tests' among them, stay").isPositive();
    }

    private long oldAlert() {
        return alert("CONFIDENTIAL", "TIMESTAMPTZ '2000-01-01'");
    }

    /** A delivery row: {@code ended} lists delivered_at, given_up_at and next_attempt_at as SQL. */
    private void delivery(long alertId, String url, String ended) {
        jdbc.sql("INSERT INTO webhook_delivery (alert_id, url, attempts, delivered_at, given_up_at, next_attempt_at)"
                + " VALUES (:id, :url, 1, " + ended + ")").param("id", alertId).param("url", url).update();
    }

    /** Two nodes poll the same deliveries: each claims what it sends, so none is posted by both. */
    @Test
    void givenDueDeliveries_whenTwoNodesClaimThem_thenEachGoesToOneNodeAlone() {
        // due long before any other delivery, so the claims below take only these; the running sender is held off
        Instant then = Instant.parse("2000-01-01T00:00:00Z");
        List<Long> alerts = List.of(alert(), alert(), alert());
        alerts.forEach(id -> jdbc.sql("INSERT INTO webhook_delivery (alert_id, url, next_attempt_at) VALUES (:id,"
                + " 'http://127.0.0.1:9/claimed', :at)").param("id", id).param("at", java.sql.Timestamp.from(then)).update());
        Instant now = then.plus(Duration.ofHours(1));
        Instant lease = now.plus(Duration.ofMinutes(5));

        synchronized (sender) {
            List<Long> first = outbox.claimDue(now, lease, 2).stream().map(AlertOutbox.Delivery::alertId).toList();
            List<Long> second = outbox.claimDue(now, lease, 10).stream().map(AlertOutbox.Delivery::alertId).toList();
            List<Long> third = outbox.claimDue(now, lease, 10).stream().map(AlertOutbox.Delivery::alertId).toList();

            assertThat(first).hasSize(2).doesNotContainAnyElementsOf(second);
            assertThat(second).hasSize(1);
            assertThat(third).as("all claimed").isEmpty();
            assertThat(outbox.claimDue(lease.plus(Duration.ofMinutes(1)), lease.plus(Duration.ofMinutes(6)), 10))
                    .as("a claim whose node died before recording the attempt comes due again")
                    .extracting(AlertOutbox.Delivery::alertId).containsExactlyInAnyOrderElementsOf(alerts);
            // left far in the future, for the running sender never to take
            jdbc.sql("UPDATE webhook_delivery SET next_attempt_at = now() + interval '100 years'"
                    + " WHERE url = 'http://127.0.0.1:9/claimed'").update();
        }
    }

    /** Each open stream holds a connection and is written on every alert: one user may not open them without end. */
    @Test
    void givenAUserWithTheMostStreamsOpen_whenOpeningAnother_thenTooManyRequests_andOtherUsersStillSubscribe() throws Exception {
        List<HttpResponse<java.io.InputStream>> open = new java.util.ArrayList<>();
        for (int i = 0; i < AlertStream.STREAMS_PER_USER; i++) {
            open.add(stream("monitor"));
            assertThat(open.get(i).statusCode()).isEqualTo(200);
        }
        HttpResponse<java.io.InputStream> refused = stream("monitor");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(new String(refused.body().readAllBytes(), StandardCharsets.UTF_8)).contains("close one first");

        assertThat(stream("auditor").statusCode()).as("another user's streams are counted apart").isEqualTo(200);

        // streams whose client went away free their places once the heartbeat finds them gone
        for (HttpResponse<java.io.InputStream> response : open) {
            response.body().close();
        }
        await(() -> {
            dispatcher.heartbeat();
            try {
                return stream("monitor").statusCode() == 200;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** An admin below an alert's level may not learn from the delivery record that it was raised, nor when. */
    @Test
    void givenDeliveriesOfAlertsAtTwoLevels_whenAnAdminReadsTheRecord_thenOnlyThoseAtTheirClearanceOrBelow() {
        long restricted = alert("RESTRICTED", "now()");
        long confidential = alert("CONFIDENTIAL", "now()");
        for (long alertId : List.of(restricted, confidential)) {
            jdbc.sql("INSERT INTO webhook_delivery (alert_id, url, next_attempt_at) VALUES (:id, 'http://127.0.0.1:9/', now() + interval '1 day')")
                    .param("id", alertId).update();
        }

        List<Long> seenRestricted = outbox.deliveries(Confidentiality.namesVisibleTo(Confidentiality.RESTRICTED)).stream()
                .map(row -> ((Number) row.get("alertId")).longValue()).toList();
        List<Long> seenConfidential = outbox.deliveries(Confidentiality.namesVisibleTo(Confidentiality.CONFIDENTIAL))
                .stream().map(row -> ((Number) row.get("alertId")).longValue()).toList();

        assertThat(seenRestricted).contains(restricted).doesNotContain(confidential);
        assertThat(seenConfidential).contains(restricted, confidential);
        // the demo admin is cleared for confidential facts
        assertThat(delivery(new ApiClient(port), confidential)).contains("\"alertId\":" + confidential);
    }

    private HttpResponse<java.io.InputStream> stream(String user) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/flags/stream"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes()))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    /** An alert written straight to the outbox, as the projection writes one. */
    private long alert() {
        return alert("PUBLIC", "now()");
    }

    /** {@code createdAt} as SQL. */
    private long alert(String clearance, String createdAt) {
        return jdbc.sql("INSERT INTO finding_alert (case_id, clearance, change, rule_id, severity, finding, created_at)"
                + " VALUES (:case, :clearance, 'OPENED', 'MR68-TRANSFER-NOTICE', 'SERIOUS', '{\"ruleId\": \"MR68-TRANSFER-NOTICE\"}', "
                + createdAt + ") RETURNING alert_id").param("case", UUID.randomUUID()).param("clearance", clearance)
                .query(Long.class).single();
    }

    private String lastError(long alertId, String url) {
        return jdbc.sql("SELECT last_error FROM webhook_delivery WHERE alert_id = :id AND url = :url")
                .param("id", alertId).param("url", url).query(String.class).optional().orElse(null);
    }

    private boolean attempted(long alertId) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE alert_id = :id AND attempts > 0")
                .param("id", alertId).query(Long.class).single() > 0;
    }

    /** The delivery record of one alert, as the admin reads it. */
    private static String delivery(ApiClient api, long alertId) {
        for (tools.jackson.databind.JsonNode delivery : api.get("admin", "/api/v1/admin/webhooks/deliveries").json()) {
            if (delivery.get("alertId").asLong() == alertId) {
                return delivery.toString();
            }
        }
        return "";
    }

    private boolean scheduled(long alertId) {
        return jdbc.sql("SELECT count(*) FROM webhook_delivery WHERE alert_id = :id").param("id", alertId)
                .query(Long.class).single() > 0;
    }

    private void awaitVersion(String caseId, long version) {
        await(() -> jdbc.sql("SELECT count(*) FROM case_status WHERE case_id = :id AND version = :version")
                .param("id", UUID.fromString(caseId)).param("version", version).query(Long.class).single() == 3);
    }

    private long alerts(String caseId, String rule) {
        return jdbc.sql("SELECT count(*) FROM finding_alert WHERE case_id = :id AND rule_id = :rule AND clearance = 'CONFIDENTIAL'")
                .param("id", UUID.fromString(caseId)).param("rule", rule).query(Long.class).single();
    }

    private long findingRows(String caseId, String rule) {
        return jdbc.sql("SELECT count(*) FROM case_finding WHERE case_id = :id AND rule_id = :rule"
                        + " AND clearance_through = 'CONFIDENTIAL'")
                .param("id", UUID.fromString(caseId)).param("rule", rule).query(Long.class).single();
    }

    private void subscribe(List<String> lines) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/flags/stream"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("viewer:viewer".getBytes()))
                .header("Accept", "text/event-stream").build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException ignored) {
                // the stream closes with the service
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
