package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.Requests;
import org.casetimeline.api.support.TestClock;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.audit.EventChain;
import org.casetimeline.projections.audit.StoredEvents;
import org.casetimeline.projections.sql.LongReads;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * A transaction held open past the limit is aborted by PostgreSQL, so an event can never commit long after it
 * took its place in the global order: with the limit below the event store's gap timeout, a tracking processor
 * still awaits the gap whenever such an event commits, and skips none. The limit is 5 s here (tight enough to wait out, loose enough that a slow commit of the test machine does not hit it), 30 s by default.
 */
// a context of its own (its database, processors and pollers) is closed after the class, not kept running beside
// the later classes until the run ends
@DirtiesContext
@Import(TestClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=false",
        "server.address=127.0.0.1", "case-timeline.database.transaction-timeout=PT5S"})
class TransactionTimeoutIT {

    private static final Reader MONITOR = new Reader("monitor", Confidentiality.RESTRICTED);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CaseRecorder recorder;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    FactTranslator translator;
    @Autowired
    JsonMapper json;
    @Autowired
    StoredEvents storedEvents;
    @Autowired
    EventChain chain;

    @Test
    void everyServiceConnectionCarriesTheLimit() {
        assertThat(jdbc.sql("SHOW transaction_timeout").query(String.class).single()).isEqualTo("5s");
    }

    @Test
    void givenAnAppendHeldOpenPastTheLimit_whenItTriesToCommit_thenItIsAbortedAndNothingIsStored() {
        String caseId = new ApiClient(port).post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        long before = events();

        FactRequest request = json.readValue(Requests.fact("HungerStrikeStarted", "2014-01-01", "public",
                "{\"demands\": \"held open\"}"), FactRequest.class);
        Object command = translator.toCommand(MONITOR, new CaseId(UUID.fromString(caseId)), null, request);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            recorder.send(MONITOR, caseId, command);
            sleep(7000); // the event is inserted and holds its global index; the transaction stays open
        })).isInstanceOf(RuntimeException.class);

        assertThat(events()).isEqualTo(before);
    }

    /**
     * An append that waits past the limit for its case, held by another writer (an import batch waiting for its turn
     * to store, say), is aborted by PostgreSQL: a refusal to send again, not an internal error.
     */
    @Test
    void givenAnAppendWaitingPastTheLimitForItsCase_whenPostgresAbortsIt_thenItAnswers503ToSendAgain_andStoresNothing()
            throws Exception {
        ApiClient api = new ApiClient(port);
        String caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        String fact = Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}");
        long before = events();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        // another writer holding the case's append lock, in a transaction exempt from the limit
        Future<?> other = holder.submit(() -> transactions.executeWithoutResult(status -> {
            LongReads.TRANSACTION_TIMEOUT.forEach(statement -> jdbc.sql(statement).update());
            chain.lockForAppend(caseId);
            held.countDown();
            await(released);
        }));
        try {
            assertThat(held.await(30, TimeUnit.SECONDS)).isTrue();

            Response refused = api.post("monitor", "/api/v1/cases/" + caseId + "/events", fact,
                    Map.of("Idempotency-Key", "waited-past-the-limit"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.header("Retry-After")).isNotBlank();
            assertThat(refused.json().get("detail").asString()).contains("ran past the service's limit")
                    .contains("same Idempotency-Key");
            assertThat(events()).isEqualTo(before);
        } finally {
            released.countDown();
            other.get(30, TimeUnit.SECONDS);
            holder.shutdown();
        }
        Response sentAgain = api.post("monitor", "/api/v1/cases/" + caseId + "/events", fact,
                Map.of("Idempotency-Key", "waited-past-the-limit"));
        assertThat(sentAgain.status()).as(sentAgain.body()).isEqualTo(201);
        assertThat(events()).isEqualTo(before + 1);
    }

    @Test
    void givenAnAuditorReadingTheWholeStoreSlowly_whenTheReadOutlastsTheLimit_thenEveryEventStillArrives() {
        new ApiClient(port).post("monitor", "/api/v1/cases", Requests.atabek());
        List<Long> read = new ArrayList<>();

        // streamed within one read-only transaction, which inserts nothing and so may outlast the limit
        storedEvents.forEach(event -> {
            if (read.isEmpty()) {
                sleep(7000);
            }
            read.add(event.globalIndex());
        });

        assertThat(read).hasSize((int) events());
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
