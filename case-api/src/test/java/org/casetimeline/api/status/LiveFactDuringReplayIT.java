package org.casetimeline.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Await;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.Requests;
import org.casetimeline.api.support.TestClock;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.status.CaseStatusProjection;
import org.casetimeline.projections.status.DueCaseReevaluation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Facts that land while the status projection is being rebuilt are alerted like any other, and the rebuild raises no
 * finding again. The tests hold the replay at one event, record a fact, and let the replay go on. The processor here
 * runs one segment in batches of {@value #BATCH} events, and the tests pad the store with a filler case, so that they
 * know where the replay's batches begin.
 */
@DirtiesContext
@Import({TestClock.Configuration.class, LiveFactDuringReplayIT.HeldReplay.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.test-context=live-fact-during-replay",
        // the tests run the re-evaluation themselves, or leave it to the replay's start
        "case-timeline.reevaluation-interval=PT1H", "case-timeline.reevaluation-first-after=P1D",
        "axon.eventhandling.processors.case-status.batch-size=" + LiveFactDuringReplayIT.BATCH,
        "axon.eventhandling.processors.case-status.thread-count=1",
        "axon.eventhandling.processors.case-status.initial-segment-count=1"})
class LiveFactDuringReplayIT {

    private static final Reader MONITOR = new Reader("monitor", Confidentiality.RESTRICTED);

    static final int BATCH = 4;

    /**
     * An event (an aggregate and sequence), replayed or live, the projection is held at until the test releases it, or
     * until a shutdown of the processor interrupts it and the batch rolls back.
     */
    static final class Hold {
        final String aggregate;
        final long sequence;
        final boolean live;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);

        Hold(String aggregate, long sequence, boolean live) {
            this.aggregate = aggregate;
            this.sequence = sequence;
            this.live = live;
        }
    }

    private static final List<Hold> HOLDS = new CopyOnWriteArrayList<>();
    private static volatile String watchedCase;
    /** Each event of the watched case the projection handled: the number of its batch, and whether it was replayed. */
    private static final List<String> WATCHED = new CopyOnWriteArrayList<>();
    private static final AtomicInteger BATCHES = new AtomicInteger();
    /** How each batch that held an event of the watched case committed: whether one was live, and synchronous_commit. */
    private static final List<String> COMMITS = new CopyOnWriteArrayList<>();
    private static volatile JdbcClient settings;

    /** Records, as the batch's transaction commits, whether the batch held a live event and how it commits. */
    private static AtomicBoolean commitWatched() {
        AtomicBoolean live = new AtomicBoolean();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                COMMITS.add((live.get() ? "live " : "replayed ")
                        + settings.sql("SHOW synchronous_commit").query(String.class).single());
            }
        });
        return live;
    }

    /** Holds the status projection at each event {@link #HOLDS} names, and records what it saw of one case. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HeldReplay {
        @Bean
        ConfigurerModule holdTheReplayAtChosenEvents() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                    CaseStatusProjection.NAME, configuration -> (unitOfWork, chain) -> {
                        if (unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                            boolean replayed = ReplayToken.isReplay(event);
                            if (event.getAggregateIdentifier().equals(watchedCase)) {
                                int batch = unitOfWork.root().getOrComputeResource("batch", key -> BATCHES.incrementAndGet());
                                WATCHED.add(batch + (replayed ? " replayed" : " live"));
                                AtomicBoolean live = unitOfWork.root().getOrComputeResource("live", key -> commitWatched());
                                live.compareAndSet(false, !replayed);
                            }
                            for (Hold hold : HOLDS) {
                                if (replayed != hold.live && event.getAggregateIdentifier().equals(hold.aggregate)
                                        && event.getSequenceNumber() == hold.sequence && hold.reached.getCount() > 0) {
                                    hold.reached.countDown();
                                    hold.released.await(20, TimeUnit.SECONDS); // below the transaction limit of 30 s
                                }
                            }
                        }
                        return chain.proceed();
                    }));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;
    @Autowired
    DueCaseReevaluation reevaluation;
    @Autowired
    CaseStatusProjection projection;
    @Autowired
    CaseRecorder recorder;
    @Autowired
    FactTranslator translator;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JsonMapper json;

    private ApiClient api;
    private UUID arkalyk;
    private UUID karagandy;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        settings = jdbc;
        arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.91)).json().get("caseId").asString());
        karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Karagandy", "SIZO", 49.80, 73.11)).json().get("caseId").asString());
    }

    @AfterEach
    void release() {
        HOLDS.forEach(hold -> hold.released.countDown());
        HOLDS.clear();
        WATCHED.clear();
        COMMITS.clear();
        watchedCase = null;
    }

    /**
     * A rebuild's batches of replayed events alone that raised no alert commit without waiting for the disk: a crash
     * of PostgreSQL or its machine loses the last of them whole, rows and token, and they are replayed again. A batch with a live event
     * waits, as every write outside a rebuild does.
     */
    @Test
    void givenARebuild_whenItsBatchesCommit_thenThoseOfReplayedEventsAloneDoNotWaitForTheDisk() {
        padToTheStartOfABatch(); // no other test's case in the watched case's batches
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        watchedCase = caseId;
        assertThat(api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.transfer(arkalyk, karagandy, "2013-10-05"))
                .status()).isEqualTo(201);
        awaitVersion(caseId, 1);
        assertThat(COMMITS).as("the live batches").isNotEmpty().containsOnly("live on");

        COMMITS.clear();
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        Projections.awaitCaughtUp(api, jdbc);
        assertThat(COMMITS).as("the rebuild's batches").isNotEmpty().containsOnly("replayed off");
    }

    /**
     * Held at the case's first replayed event, the fact lands after the replay's batch was read: the replay must
     * compute the case up to its replayed events only. Computed up to the live fact (without alerts, as a replay is),
     * the case's rows already held the finding the fact opens, and the fact's own batch raised no alert for it.
     */
    @Test
    void givenAReplayHeldAtACase_whenAFactOfThatCaseLands_thenTheFindingItOpensIsAlertedAndNoOtherAgain() throws Exception {
        padToTheStartOfABatch();
        String caseId = transferredCase();

        recordWhileTheReplayIsHeldAt(caseId, caseId, 0);

        assertThat(WATCHED).as("the replayed events and the fact were handled in separate batches")
                .noneMatch(batch -> batch.endsWith("live") && WATCHED.contains(batch.replace("live", "replayed")));
    }

    /**
     * Held at the last event before the case's, the fact lands before the batch that holds the case's events is read,
     * so that batch holds both: the case's replayed events and the live fact. Its rows, emptied by the reset, must be
     * restored without alerts before the fact is compared with them, or every finding of the case is raised again.
     */
    @Test
    void givenABatchHoldingACasesReplayedEventsAndALiveOne_whenProjected_thenOnlyTheLiveOnesFindingIsAlerted() throws Exception {
        String filler = padToTheStartOfABatch();
        String caseId = transferredCase();

        recordWhileTheReplayIsHeldAt(caseId, filler, head(filler));

        assertThat(WATCHED).as("one batch held the case's replayed events and the live fact")
                .anyMatch(batch -> batch.endsWith("live") && WATCHED.contains(batch.replace("live", "replayed")));
    }

    /**
     * A case whose replayed events span two batches, with a fact recorded before the first of them is computed, is
     * left to its last replayed event, not computed from the first batch's part: a scheduled re-evaluation between
     * the two batches would otherwise find the case due and alert the findings of the replayed events still to come.
     */
    @Test
    void givenACaseReplayedOverTwoBatchesAndAFactRecordedMeanwhile_whenTheReevaluationRunsBetween_thenNoFindingIsRaisedAgain()
            throws Exception {
        padToTheStartOfABatch();
        // the replay's batches: [filler, the case's registration, its admission, filler] [filler, the case's transfer,
        // and the live fact recorded while the first batch is held]
        String filler = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        append(caseId, Requests.fact("AdmittedToFacility", "2012-11", "public", "{\"facilityId\": \"" + arkalyk + "\"}"));
        append(filler, hungerStrike());
        append(filler, hungerStrike());
        append(caseId, Requests.transfer(arkalyk, karagandy, "2013-10-05"));
        awaitVersion(caseId, 2);
        Map<String, Long> alertedBefore = alertedBefore(caseId);

        Hold atTheFirstBatch = replayHeldAt(filler, 0, caseId);
        Hold atTheSecondBatch = hold(filler, 2);
        recordSolitaryForExpression(caseId);
        atTheFirstBatch.released.countDown();
        assertThat(atTheSecondBatch.reached.await(60, TimeUnit.SECONDS)).as("the replay reached its second batch").isTrue();
        clock.advance(Duration.ofDays(2)); // past the next due instant of a case held in custody
        reevaluation.reevaluateDueCases();
        atTheSecondBatch.released.countDown();

        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore, 3);
        assertThat(WATCHED.stream().filter(batch -> batch.endsWith("replayed")).distinct().count())
                .as("the case's replayed events came in two batches: %s", WATCHED).isEqualTo(2);
    }

    /**
     * A fact whose append was still open when the replay began takes a global index below the reset position but
     * commits after it: a gap in the token at the reset. Axon hands it over as replayed, yet no alert was ever raised
     * for it, so the projection must treat it as live (it lost the alert before), and compare it with the case
     * restored up to the events before it, not with the rows the reset emptied.
     */
    @Test
    void givenAFactInFlightWhenTheReplayBegins_whenItCommits_thenOnlyItsFindingIsAlerted() throws Exception {
        padToTheStartOfABatch();
        String caseId = transferredCase();
        String other = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        awaitVersion(other, 0);
        Map<String, Long> alertedBefore = alertedBefore(caseId);

        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Object solitary = translator.toCommand(MONITOR, new CaseId(UUID.fromString(caseId)), null, json.readValue(
                Requests.fact("SolitaryConfinementImposed", "2013-10-06", "public", "{\"reason\": \"publishing a book\","
                        + " \"indefinite\": false, \"partOfSentence\": false, \"forExpression\": true}"), FactRequest.class));
        Thread inFlight = new Thread(() -> transactions.executeWithoutResult(status -> {
            recorder.send(MONITOR, caseId, solitary);
            inserted.countDown(); // the event holds its global index; its transaction stays open
            try {
                commit.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        inFlight.start();
        assertThat(inserted.await(30, TimeUnit.SECONDS)).isTrue();
        // a later event, committed and projected, so that the in-flight one is a gap in the token the replay resets
        append(other, hungerStrike());
        awaitVersion(other, 1);

        Hold atTheCase = replayHeldAt(caseId, 0, caseId);
        commit.countDown();
        inFlight.join(30_000);
        atTheCase.released.countDown();

        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore);
        // what makes the case: Axon hands the fact over as replayed, in a batch after the case's other events
        assertThat(WATCHED).as("the case's events as the projection received them").hasSize(3)
                .allMatch(batch -> batch.endsWith("replayed"));
        assertThat(WATCHED.get(2)).isNotEqualTo(WATCHED.get(1));
    }

    /**
     * A finding that opens by time alone, with no new fact, is alerted by the scheduled re-evaluation. One that fell
     * due since the last run must still be alerted when a rebuild starts: the replay computes the case without
     * alerts, and its rows then hold the finding as if it had been alerted.
     */
    @Test
    void givenAFindingDueByTimeAlone_whenARebuildStartsBeforeTheReevaluationRuns_thenItIsAlertedOnce() {
        String caseId = caseWithAnUrgentRequestToday();
        assertThat(alerts(caseId)).doesNotContainKey("CONFIDENTIAL MR27-MEDICAL-DENIED");

        clock.advance(Duration.ofHours(30)); // an urgent request unanswered for a day
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        Projections.awaitCaughtUp(api, jdbc);

        assertThat(alerts(caseId)).containsEntry("CONFIDENTIAL MR27-MEDICAL-DENIED", 1L);
    }

    /**
     * A finding may open by time alone while the rebuild runs, after the reset emptied its case's rows and before the
     * replay reaches the case: the scheduled re-evaluation finds no row of the case to recompute, and the replay
     * computes it without alerts. The rebuild must still alert it, once, at every level that sees it, and raise
     * none of the case's other findings again.
     */
    @Test
    void givenARebuildNotYetAtACase_whenAFindingOfItOpensByTimeAlone_thenTheRebuildAlertsItOnce() throws Exception {
        String filler = padToTheStartOfABatch();
        String caseId = caseWithAnUrgentRequestToday();
        recordSolitaryForExpression(caseId);
        awaitVersion(caseId, 3);
        Projections.awaitCaughtUp(api, jdbc);
        Map<String, Long> alertedBefore = alerts(caseId);
        assertThat(alertedBefore).as("a finding the rebuild must not raise again")
                .containsEntry("PUBLIC MR43-INDEFINITE-SOLITARY", 1L).doesNotContainKey("PUBLIC MR27-MEDICAL-DENIED");

        Hold beforeTheCase = replayHeldAt(filler, head(filler), caseId);
        clock.advance(Duration.ofHours(30)); // an urgent request unanswered for a day, while the case's rows are empty
        reevaluation.reevaluateDueCases();
        beforeTheCase.released.countDown();
        Projections.awaitCaughtUp(api, jdbc);

        Map<String, Long> alertedAfter = alerts(caseId);
        for (String clearance : List.of("PUBLIC", "RESTRICTED", "CONFIDENTIAL")) {
            assertThat(alertedAfter).as("alerted by the rebuild at " + clearance)
                    .containsEntry(clearance + " MR27-MEDICAL-DENIED", 1L);
        }
        alertedBefore.forEach((finding, count) -> assertThat(alertedAfter).as("not raised again by the replay")
                .containsEntry(finding, count));
        assertThat(WATCHED).as("the case's events were replayed after the clock moved").isNotEmpty()
                .allMatch(batch -> batch.endsWith("replayed"));

        // a second rebuild keeps the standings the first one left, not those kept before it: nothing is due again
        WATCHED.clear();
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        Projections.awaitCaughtUp(api, jdbc);
        assertThat(alerts(caseId)).as("a second rebuild raises nothing again").isEqualTo(alertedAfter);
    }

    /**
     * The scheduled re-evaluation finds its cases due, then recomputes them a hundred to a transaction; a rebuild may
     * empty the rows in between. A case whose rows are gone is left to the rebuild: written into the emptied table,
     * every finding of the case was new to the comparison and raised again.
     */
    @Test
    void givenCasesFoundDue_whenARebuildEmptiesTheirRowsBeforeTheyAreRecomputed_thenNoFindingIsRaisedAgain() throws Exception {
        String filler = padToTheStartOfABatch();
        String caseId = transferredCase();
        Map<String, Long> alertedBefore = alertedBefore(caseId);
        // found due (the clock stands still, so the rebuild finds nothing that time alone opened since)
        assertThat(jdbc.sql("UPDATE case_status SET next_due_at = TIMESTAMPTZ '1990-01-01' WHERE case_id = :id")
                .param("id", UUID.fromString(caseId)).update()).isEqualTo(3);

        Hold beforeTheCase = replayHeldAt(filler, head(filler), caseId);
        assertThat(projection.refreshDue(List.of(new CaseId(UUID.fromString(caseId))))) // the re-evaluation's later transaction
                .as("left to the rebuild").isZero();
        beforeTheCase.released.countDown();
        Projections.awaitCaughtUp(api, jdbc);

        assertThat(alerts(caseId)).as("no finding raised again").isEqualTo(alertedBefore);
    }

    /**
     * The scheduled re-evaluation computes a case up to the events its rows hold, not to a fact stored since and not
     * yet projected. Computed up to it, the re-evaluation alerted the fact's finding; a rebuild that began before the
     * projection handled the fact then left it to come live after the replay, and it was alerted a second time.
     */
    @Test
    void givenAFactNotYetProjected_whenTheReevaluationRunsAndARebuildBegins_thenItsFindingIsAlertedOnce() throws Exception {
        String caseId = caseWithAnUrgentRequestToday();
        Map<String, Long> alertedBefore = alerts(caseId);

        watchedCase = caseId;
        Hold atTheFact = hold(caseId, 3, true);
        recordSolitaryForExpression(caseId);
        assertThat(atTheFact.reached.await(60, TimeUnit.SECONDS)).as("the projection reached the fact").isTrue();
        clock.advance(Duration.ofHours(30)); // an urgent request unanswered for a day
        reevaluation.reevaluateDueCases();
        // the rebuild stops the processor: the batch held at the fact is interrupted and rolls back, so the fact comes
        // after the replay, as live
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);

        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore, 3);
        assertThat(alerts(caseId)).as("opened by time alone, alerted by the re-evaluation")
                .containsEntry("CONFIDENTIAL MR27-MEDICAL-DENIED", 1L);
        // what makes the case: the held batch rolled back, so the fact came again after the replay, as live
        assertThat(WATCHED).as("the case's events as the projection received them").hasSize(5)
                .first().asString().endsWith("live");
        assertThat(WATCHED.subList(1, 4)).allMatch(batch -> batch.endsWith("replayed"));
        assertThat(WATCHED.get(4)).endsWith("live");
    }

    /**
     * Registers a filler case and appends facts to it until the store holds a whole number of batches, so that the next
     * case's events begin a batch of the replay and the filler's last event ends one; the filler case's id.
     */
    private String padToTheStartOfABatch() {
        String filler = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        while (caseEvents() % BATCH != 0) {
            append(filler, hungerStrike());
        }
        return filler;
    }

    private static String hungerStrike() {
        return Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}");
    }

    private void append(String caseId, String fact) {
        assertThat(api.post("monitor", "/api/v1/cases/" + caseId + "/events", fact).status()).isEqualTo(201);
    }

    private long head(String caseId) {
        return jdbc.sql("SELECT max(sequenceNumber) FROM domainevententry WHERE aggregateIdentifier = :id")
                .param("id", caseId).query(Long.class).single();
    }

    /**
     * A case detained today with an urgent medical request made today, projected: an unanswered request the rules
     * find after a day, by time alone.
     */
    private String caseWithAnUrgentRequestToday() {
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String today = clock.instant().toString();
        append(caseId, Requests.fact("PersonDetained", today, "public", "{\"authority\": \"police\"}"));
        append(caseId, Requests.fact("MedicalRequestMade", today, "public",
                "{\"request\": \"a doctor for his spine\", \"urgent\": true}"));
        awaitVersion(caseId, 2);
        Projections.awaitCaughtUp(api, jdbc);
        return caseId;
    }

    /** A case of two events, its registration and a transfer, whose findings are alerted. */
    private String transferredCase() {
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        assertThat(api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.transfer(arkalyk, karagandy, "2013-10-05"))
                .status()).isEqualTo(201);
        awaitVersion(caseId, 1);
        return caseId;
    }

    private Map<String, Long> alertedBefore(String caseId) {
        Projections.awaitCaughtUp(api, jdbc);
        Map<String, Long> alerted = alerts(caseId);
        assertThat(alerted).as("findings the replay must not raise again").isNotEmpty()
                .doesNotContainKey("CONFIDENTIAL MR43-INDEFINITE-SOLITARY");
        return alerted;
    }

    /**
     * Replays the status projection, records a fact of the case while the replay is held at the given event, and
     * asserts that the fact's finding was alerted once and no earlier finding again.
     */
    private void recordWhileTheReplayIsHeldAt(String caseId, String aggregate, long sequence) throws InterruptedException {
        Map<String, Long> alertedBefore = alertedBefore(caseId);
        Hold hold = replayHeldAt(aggregate, sequence, caseId);
        recordSolitaryForExpression(caseId);
        hold.released.countDown();
        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore);
    }

    /** Starts a replay of the status projection, watching one case, and waits until it is held at this event. */
    private Hold replayHeldAt(String aggregate, long sequence, String watched) throws InterruptedException {
        watchedCase = watched;
        Hold hold = hold(aggregate, sequence);
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        assertThat(hold.reached.await(60, TimeUnit.SECONDS)).as("the replay reached the event it is held at").isTrue();
        return hold;
    }

    private static Hold hold(String aggregate, long sequence) {
        return hold(aggregate, sequence, false);
    }

    private static Hold hold(String aggregate, long sequence, boolean live) {
        Hold hold = new Hold(aggregate, sequence, live);
        HOLDS.add(hold);
        return hold;
    }

    /** A live fact, stored after the replay's reset, that opens a finding of a rule the case had none of. */
    private void recordSolitaryForExpression(String caseId) {
        assertThat(api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("SolitaryConfinementImposed",
                "2013-10-06", "public", "{\"reason\": \"publishing a book\", \"indefinite\": false,"
                        + " \"partOfSentence\": false, \"forExpression\": true}")).status()).isEqualTo(201);
    }

    private void assertAlertedOnceAndNoOtherAgain(String caseId, Map<String, Long> alertedBefore) {
        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore, 2);
    }

    private void assertAlertedOnceAndNoOtherAgain(String caseId, Map<String, Long> alertedBefore, long version) {
        awaitVersion(caseId, version);
        Projections.awaitCaughtUp(api, jdbc);
        Map<String, Long> alertedAfter = alerts(caseId);
        assertThat(alertedAfter).as("the finding the fact opened, alerted once")
                .containsEntry("CONFIDENTIAL MR43-INDEFINITE-SOLITARY", 1L);
        alertedBefore.forEach((finding, count) -> assertThat(alertedAfter).as("not raised again by the replay")
                .containsEntry(finding, count));
    }

    /** The events the status projection handles, and so counts in its batches: those of cases, not of facilities. */
    private long caseEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE type = 'PrisonerCase'").query(Long.class).single();
    }

    /** The case's alerts, counted by clearance and rule. */
    private Map<String, Long> alerts(String caseId) {
        Map<String, Long> alerts = new HashMap<>();
        jdbc.sql("SELECT clearance || ' ' || rule_id, count(*) FROM finding_alert WHERE case_id = :id GROUP BY 1")
                .param("id", UUID.fromString(caseId))
                .query(rs -> {
                    alerts.put(rs.getString(1), rs.getLong(2));
                });
        return alerts;
    }

    private void awaitVersion(String caseId, long version) {
        Await.until("the case's status at version " + version, Duration.ofSeconds(60), () -> jdbc.sql(
                        "SELECT count(*) FROM case_status WHERE case_id = :id AND version = :version")
                .param("id", UUID.fromString(caseId)).param("version", version).query(Long.class).single() == 3);
    }
}
