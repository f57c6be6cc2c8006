package org.casetimeline.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;

import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.Requests;
import org.casetimeline.api.support.TestClock;
import org.casetimeline.projections.status.CaseStatusProjection;
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
        "axon.eventhandling.processors.case-status.batch-size=" + LiveFactDuringReplayIT.BATCH,
        "axon.eventhandling.processors.case-status.thread-count=1",
        "axon.eventhandling.processors.case-status.initial-segment-count=1"})
class LiveFactDuringReplayIT {

    static final int BATCH = 4;

    /** Where the replay is held (an aggregate and sequence), and what it saw of one case. */
    static final class Hold {
        final String aggregate;
        final long sequence;
        final String watchedCase;
        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch released = new CountDownLatch(1);
        /** Each event of the watched case the projection handled: its batch (root unit of work), and whether replayed. */
        final List<String> watched = new CopyOnWriteArrayList<>();

        Hold(String aggregate, long sequence, String watchedCase) {
            this.aggregate = aggregate;
            this.sequence = sequence;
            this.watchedCase = watchedCase;
        }
    }

    private static volatile Hold hold;

    /** Holds the status projection at the replayed event {@link #hold} names until the test releases it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HeldReplay {
        @Bean
        ConfigurerModule holdTheReplayAtOneEvent() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                    CaseStatusProjection.NAME, configuration -> (unitOfWork, chain) -> {
                        Hold current = hold;
                        if (current != null && unitOfWork.getMessage() instanceof DomainEventMessage<?> event) {
                            boolean replayed = ReplayToken.isReplay(event);
                            if (event.getAggregateIdentifier().equals(current.watchedCase)) {
                                current.watched.add(System.identityHashCode(unitOfWork.root()) + (replayed ? " replayed" : " live"));
                            }
                            if (replayed && event.getAggregateIdentifier().equals(current.aggregate)
                                    && event.getSequenceNumber() == current.sequence && current.reached.getCount() > 0) {
                                current.reached.countDown();
                                current.released.await(20, TimeUnit.SECONDS); // below the transaction limit of 30 s
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

    private ApiClient api;
    private UUID arkalyk;
    private UUID karagandy;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.91)).json().get("caseId").asString());
        karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Karagandy", "SIZO", 49.80, 73.11)).json().get("caseId").asString());
    }

    @AfterEach
    void release() {
        if (hold != null) {
            hold.released.countDown();
        }
        hold = null;
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
        Map<String, Long> alertedBefore = alertedBefore(caseId);

        replayHeldAt(new Hold(caseId, 0, caseId));
        recordSolitaryForExpression(caseId);
        hold.released.countDown();

        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore);
        assertThat(hold.watched).as("the replayed events and the fact were handled in separate batches")
                .noneMatch(batch -> batch.endsWith("live") && hold.watched.contains(batch.replace("live", "replayed")));
    }

    /**
     * Held at the last event before the case's, the fact lands before the batch that holds the case's events is read,
     * so that batch holds both: the case's replayed events and the live fact. Its rows, emptied by the reset, must be
     * restored without alerts before the fact is compared with them, or every finding of the case is raised again.
     */
    @Test
    void givenABatchHoldingACasesReplayedEventsAndALiveOne_whenProjected_thenOnlyTheLiveOnesFindingIsAlerted() throws Exception {
        String filler = padToTheStartOfABatch();
        long fillerHead = jdbc.sql("SELECT max(sequenceNumber) FROM domainevententry WHERE aggregateIdentifier = :id")
                .param("id", filler).query(Long.class).single();
        String caseId = transferredCase();
        Map<String, Long> alertedBefore = alertedBefore(caseId);

        replayHeldAt(new Hold(filler, fillerHead, caseId));
        recordSolitaryForExpression(caseId);
        hold.released.countDown();

        assertAlertedOnceAndNoOtherAgain(caseId, alertedBefore);
        assertThat(hold.watched).as("one batch held the case's replayed events and the live fact")
                .anyMatch(batch -> batch.endsWith("live") && hold.watched.contains(batch.replace("live", "replayed")));
    }

    /**
     * Registers a filler case and appends facts to it until the store holds a whole number of batches, so that the next
     * case's events begin a batch of the replay and the filler's last event ends one; the filler case's id.
     */
    private String padToTheStartOfABatch() {
        String filler = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        while (events() % BATCH != 0) {
            assertThat(api.post("monitor", "/api/v1/cases/" + filler + "/events", Requests.fact("HungerStrikeStarted",
                    "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}")).status()).isEqualTo(201);
        }
        return filler;
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

    private void replayHeldAt(Hold at) throws InterruptedException {
        hold = at;
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        assertThat(at.reached.await(60, TimeUnit.SECONDS)).as("the replay reached the event it is held at").isTrue();
    }

    /** A live fact, stored after the replay's reset, that opens a finding of a rule the case had none of. */
    private void recordSolitaryForExpression(String caseId) {
        assertThat(api.post("monitor", "/api/v1/cases/" + caseId + "/events", Requests.fact("SolitaryConfinementImposed",
                "2013-10-06", "public", "{\"reason\": \"publishing a book\", \"indefinite\": false,"
                        + " \"partOfSentence\": false, \"forExpression\": true}")).status()).isEqualTo(201);
    }

    private void assertAlertedOnceAndNoOtherAgain(String caseId, Map<String, Long> alertedBefore) {
        awaitVersion(caseId, 2);
        Projections.awaitCaughtUp(api, jdbc);
        Map<String, Long> alertedAfter = alerts(caseId);
        assertThat(alertedAfter).as("the finding the fact opened, alerted once")
                .containsEntry("CONFIDENTIAL MR43-INDEFINITE-SOLITARY", 1L);
        alertedBefore.forEach((finding, count) -> assertThat(alertedAfter).as("not raised again by the replay")
                .containsEntry(finding, count));
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
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
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (jdbc.sql("SELECT count(*) FROM case_status WHERE case_id = :id AND version = :version")
                .param("id", UUID.fromString(caseId)).param("version", version).query(Long.class).single() < 3) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("the case's status did not reach version " + version);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
