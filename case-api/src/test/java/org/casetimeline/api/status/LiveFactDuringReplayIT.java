package org.casetimeline.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

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
 * A fact that lands while the status projection is being rebuilt is alerted like any other. The test holds the replay
 * at the first replayed event of one case, records a fact of that case, and lets the replay go on: the replay must
 * compute the case up to its replayed events only. Computed up to the live fact (without alerts, as a replay is),
 * the case's rows already held the finding that fact opens, and the fact's own batch, comparing with them, raised no
 * alert for it.
 */
@DirtiesContext
@Import({TestClock.Configuration.class, LiveFactDuringReplayIT.HeldReplay.class})
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.test-context=live-fact-during-replay"})
class LiveFactDuringReplayIT {

    private static final AtomicReference<String> HELD_CASE = new AtomicReference<>();
    private static final CountDownLatch REACHED = new CountDownLatch(1);
    private static final CountDownLatch RELEASED = new CountDownLatch(1);

    /** Holds the status projection at the first replayed event of {@link #HELD_CASE} until the test releases it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class HeldReplay {
        @Bean
        ConfigurerModule holdTheReplayAtOneCase() {
            return configurer -> configurer.eventProcessing(processing -> processing.registerHandlerInterceptor(
                    CaseStatusProjection.NAME, configuration -> (unitOfWork, chain) -> {
                        EventMessage<?> event = unitOfWork.getMessage();
                        if (event instanceof DomainEventMessage<?> domain && ReplayToken.isReplay(event)
                                && domain.getAggregateIdentifier().equals(HELD_CASE.get()) && REACHED.getCount() > 0) {
                            REACHED.countDown();
                            RELEASED.await(20, TimeUnit.SECONDS); // below the transaction limit of 30 s
                        }
                        return chain.proceed();
                    }));
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void release() {
        RELEASED.countDown();
    }

    @Test
    void givenAReplayHeldAtACase_whenAFactOfThatCaseLands_thenTheFindingItOpensIsAlertedAndNoOtherAgain() throws Exception {
        ApiClient api = new ApiClient(port);
        UUID arkalyk = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.91)).json().get("caseId").asString());
        UUID karagandy = UUID.fromString(api.post("monitor", "/api/v1/facilities",
                Requests.facility("Karagandy", "SIZO", 49.80, 73.11)).json().get("caseId").asString());
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String events = "/api/v1/cases/" + caseId + "/events";
        assertThat(api.post("monitor", events, Requests.transfer(arkalyk, karagandy, "2013-10-05")).status()).isEqualTo(201);
        awaitVersion(caseId, 1);
        Projections.awaitCaughtUp(api, jdbc);
        Map<String, Long> alertedBefore = alerts(caseId);
        assertThat(alertedBefore).as("findings the replay must not raise again").isNotEmpty()
                .doesNotContainKey("CONFIDENTIAL MR43-INDEFINITE-SOLITARY");

        HELD_CASE.set(caseId);
        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);
        assertThat(REACHED.await(60, TimeUnit.SECONDS)).as("the replay reached the case").isTrue();
        // the fact is stored after the replay's reset, while the replay holds the case's first event
        assertThat(api.post("monitor", events, Requests.fact("SolitaryConfinementImposed", "2013-10-06", "public",
                "{\"reason\": \"publishing a book\", \"indefinite\": false, \"partOfSentence\": false,"
                        + " \"forExpression\": true}")).status()).isEqualTo(201);
        RELEASED.countDown();

        awaitVersion(caseId, 2);
        Projections.awaitCaughtUp(api, jdbc);
        Map<String, Long> alertedAfter = alerts(caseId);
        assertThat(alertedAfter).as("the finding the fact opened, alerted once")
                .containsEntry("CONFIDENTIAL MR43-INDEFINITE-SOLITARY", 1L);
        alertedBefore.forEach((finding, count) -> assertThat(alertedAfter).as("not raised again by the replay")
                .containsEntry(finding, count));
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
