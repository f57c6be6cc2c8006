package org.casetimeline.api.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.Registration;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.Await;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.casetimeline.core.command.RecordFact;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.audit.EventChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;

/**
 * An NDJSON batch of facilities, cases and their facts goes in through the same checks and the same hash chain
 * as the REST API, reaches the projections, and a batch with one bad line stores nothing at all.
 */
@EmbeddedServiceTest
class ImportIT {

    private static final Reader ADMIN = new Reader("admin", Confidentiality.CONFIDENTIAL);

    private static final Map<String, String> NDJSON = Map.of("Content-Type", "application/x-ndjson");
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Importer importer;
    @Autowired
    CommandBus commandBus;
    @Autowired
    PlatformTransactionManager transactions;

    private ApiClient api;
    /** Facilities each test's batch registers, fresh ids for every test. */
    private UUID arkalyk;
    private UUID karagandy;

    @BeforeEach
    void newFacilities() {
        api = new ApiClient(port);
        arkalyk = UUID.randomUUID();
        karagandy = UUID.randomUUID();
    }

    @Test
    void givenThreeHundredLines_whenImported_thenStoredChainedAndProjected() {
        List<UUID> cases = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            cases.add(UUID.randomUUID());
        }
        List<String> lines = facilitiesAndCases(arkalyk, karagandy, cases);

        Response imported = api.post("admin", "/api/v1/imports", String.join("\n", lines) + "\n", NDJSON);

        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("events").asLong()).isEqualTo(302);
        assertThat(imported.json().get("casesRegistered").asLong()).isEqualTo(60);
        assertThat(stored(cases)).isEqualTo(300);
        assertThat(jdbc.sql("SELECT count(*) FROM event_chain WHERE aggregateIdentifier IN (:ids)")
                .param("ids", ids(cases)).query(Long.class).single()).isEqualTo(300);
        JsonNode history = api.get("auditor", "/api/v1/cases/" + cases.get(7) + "/events").json();
        assertThat(history.size()).isEqualTo(5);
        assertThat(history.get(2).get("type").asString()).isEqualTo("PersonTransferred");
        assertThat(history.get(2).get("recordedBy").asString()).isEqualTo("admin");
        JsonNode verified = api.get("auditor", "/api/v1/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.get("eventsChecked").asLong()).isGreaterThanOrEqualTo(302);

        awaitStatuses(cases, 4);
        JsonNode status = api.get("viewer", "/api/v1/cases/" + cases.get(59)).json();
        assertThat(status.get("facility").get("name").asString()).isEqualTo("Karagandy detention centre");
        JsonNode restricted = api.get("monitor", "/api/v1/cases/" + cases.get(59)).json();
        assertThat(restricted.get("familyContact").get("familyKnowsWhereabouts").asBoolean()).isFalse();
    }

    /**
     * Batches are read and checked side by side but store their events one at a time, on every node: a batch's
     * positions in the store's order stay empty to the projections until it commits, and batches committing around it
     * could store enough later events for Axon to stop waiting for them, leaving its events out of every projection.
     */
    @Test
    void givenAnotherBatchStoring_whenABatchIsReadyToStore_thenItWaitsAndStoresNothingMeanwhile() throws Exception {
        UUID caseId = UUID.randomUUID();
        List<String> lines = facilitiesAndCases(arkalyk, karagandy, List.of(caseId));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch released = new CountDownLatch(1);
        // threads of its own: the holder blocks one, and the common pool may have no other (one worker on two cores)
        ExecutorService threads = Executors.newFixedThreadPool(2);
        // the other batch: a transaction holding the bulk appends' lock, as one storing and linking its events does
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(transaction -> {
                    jdbc.sql("SELECT pg_advisory_xact_lock(:space, 0)").param("space", EventChain.BULK_APPENDS)
                            .query((rs, n) -> 1).list();
                    held.countDown();
                    try {
                        released.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }), threads);
        try {
            assertThat(held.await(60, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Response> batch = CompletableFuture.supplyAsync(
                    () -> api.post("admin", "/api/v1/imports", String.join("\n", lines) + "\n", NDJSON), threads);
            Await.until("the batch to wait for the lock", java.time.Duration.ofSeconds(60), () -> jdbc.sql("""
                            SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
                            AND classid::bigint = :space AND objid = 0 AND objsubid = 2""")
                    .param("space", EventChain.BULK_APPENDS).query(Long.class).single() == 1);
            assertThat(stored(List.of(caseId, arkalyk, karagandy))).as("nothing stored while it waits").isZero();

            released.countDown();
            Response imported = batch.get(60, TimeUnit.SECONDS);
            assertThat(imported.status()).as(imported.body()).isEqualTo(201);
            assertThat(stored(List.of(caseId))).isEqualTo(5);
        } finally {
            released.countDown();
            other.exceptionally(holderFailed -> null).get(60, TimeUnit.SECONDS); // never in place of the test's own failure
            threads.shutdown();
        }
    }

    /**
     * A line holds its case and one section: a field beside them would be dropped unread, and is refused by its name.
     * The answer counts the events stored, two for a correction line.
     */
    @Test
    void givenALineWithAFieldItDoesNotRead_whenImported_thenRefused_andACorrectionLineCountsItsTwoEvents() {
        UUID caseId = UUID.randomUUID();
        UUID wrongDate = UUID.randomUUID();
        String hungerStrike = Requests.fact("HungerStrikeStarted", "2014-01-01", "public", "{\"demands\": \"a fair retrial\"}");
        List<String> lines = new ArrayList<>(facilitiesAndCases(arkalyk, karagandy, List.of(caseId)));
        lines.add(factLine(caseId, hungerStrike.replaceFirst("\\{", "{\"factId\": \"" + wrongDate + "\", ")));
        lines.add(factLine(caseId, Requests.amendment("EventCorrected", "public", "{\"correctedFactId\": \"" + wrongDate
                + "\", \"reason\": \"the date\", \"replacement\": {\"type\": \"HungerStrikeStarted\", \"occurredAt\":"
                + " \"2014-02-01\", \"data\": {\"demands\": \"a fair retrial\"}}}")));
        long before = storedEvents();

        List<String> withAFieldBeside = new ArrayList<>(lines);
        withAFieldBeside.set(3, withAFieldBeside.get(3).replaceFirst("\\{", "{\"factId\": \"" + UUID.randomUUID() + "\", "));
        Response refused = api.post("admin", "/api/v1/imports", String.join("\n", withAFieldBeside), NDJSON);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("line").asLong()).isEqualTo(4);
        assertThat(refused.json().get("field").asString()).isEqualTo("factId");
        Response caseOnAFacility = api.post("admin", "/api/v1/imports",
                lines.get(0).replaceFirst("\\{", "{\"caseId\": \"" + caseId + "\", "), NDJSON);
        assertThat(caseOnAFacility.status()).as(caseOnAFacility.body()).isEqualTo(400);
        assertThat(caseOnAFacility.json().get("field").asString()).isEqualTo("caseId");
        assertThat(storedEvents()).isEqualTo(before);

        Response imported = api.post("admin", "/api/v1/imports", String.join("\n", lines), NDJSON);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().get("lines").asLong()).isEqualTo(9);
        assertThat(imported.json().get("events").asLong()).as("two facilities, five facts, one fact and its correction")
                .isEqualTo(10).isEqualTo(storedEvents() - before);
    }

    @Test
    void givenOneBadLine_whenImported_thenProblemNamesTheLineAndNothingIsStored() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        List<String> lines = facilitiesAndCases(arkalyk, karagandy, List.of(first, second));
        long before = storedEvents();

        List<String> unknownFact = new ArrayList<>(lines);
        unknownFact.add(9, "{\"caseId\": \"" + second + "\", \"fact\": {\"type\": \"EventRetracted\", \"sources\": "
                + Requests.PEN_SOURCE + ", \"confidentiality\": \"public\", \"data\": {\"retractedFactId\": \"" + UUID.randomUUID()
                + "\", \"reason\": \"never happened\"}}}");
        Response refused = api.post("admin", "/api/v1/imports", String.join("\n", unknownFact), NDJSON);
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("line").asLong()).isEqualTo(10);
        assertThat(refused.json().get("code").asString()).isEqualTo("UNKNOWN_FACT");
        assertThat(refused.json().get("field").asString()).isNotBlank();

        List<String> badDate = new ArrayList<>(lines);
        badDate.set(5, badDate.get(5).replace("\"2013-10-05\"", "\"5 October 2013\""));
        Response malformed = api.post("admin", "/api/v1/imports", String.join("\n", badDate), NDJSON);
        assertThat(malformed.status()).as(malformed.body()).isEqualTo(400);
        assertThat(malformed.json().get("line").asLong()).isEqualTo(6);
        assertThat(malformed.json().get("field").asString()).isEqualTo("fact.occurredAt");

        Response notJson = api.post("admin", "/api/v1/imports", lines.get(0) + "\n{\"caseId\": ", NDJSON);
        assertThat(notJson.status()).as(notJson.body()).isEqualTo(400);
        assertThat(notJson.json().get("line").asLong()).isEqualTo(2);

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(stored(List.of(first, second, arkalyk, karagandy))).isZero();
        assertThat(api.post("monitor", "/api/v1/imports", String.join("\n", lines), NDJSON).status()).isEqualTo(403);

        // the refused batch's facilities were read inside its transaction; they must not be remembered as registered
        String third = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        Response unknownFacility = api.post("monitor", "/api/v1/cases/" + third + "/events",
                Requests.fact("AdmittedToFacility", "2012", "public", "{\"facilityId\": \"" + arkalyk + "\"}"));
        assertThat(unknownFacility.status()).as(unknownFacility.body()).isEqualTo(422);
        assertThat(unknownFacility.json().get("field").asString()).isEqualTo("data.facilityId");
    }

    /**
     * What a REST request may not carry, an import line may not either: bytes that are not UTF-8 (the import stored
     * them as U+FFFD) and a null in a list (a 500 without a line) are refused by line and field, and nothing is stored.
     */
    @Test
    void givenALineWithBytesThatAreNotUtf8OrANullInAList_whenImported_thenRefusedByLineAndNothingStored() {
        UUID caseId = UUID.randomUUID();
        List<String> lines = facilitiesAndCases(arkalyk, karagandy, List.of(caseId));
        long before = storedEvents();

        byte[] text = String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
        int at = new String(text, StandardCharsets.UTF_8).indexOf("Aron") + 1;
        byte[] latin1 = new byte[text.length];
        System.arraycopy(text, 0, latin1, 0, text.length);
        latin1[at] = (byte) 0xE9; // é in ISO-8859-1, no character in UTF-8
        HttpResponse<String> notUtf8 = raw(latin1);
        assertThat(notUtf8.statusCode()).as(notUtf8.body()).isEqualTo(400);
        assertThat(JSON.readTree(notUtf8.body()).get("field").asString()).isEqualTo("body");
        assertThat(JSON.readTree(notUtf8.body()).get("line").asLong())
                .isEqualTo(new String(text, 0, at, StandardCharsets.UTF_8).chars().filter(c -> c == '\n').count() + 1);

        List<String> nullSource = new ArrayList<>(lines);
        nullSource.set(lines.size() - 1, lines.get(lines.size() - 1).replaceFirst("\"sources\": \\[", "\"sources\": [null, "));
        Response refused = api.post("admin", "/api/v1/imports", String.join("\n", nullSource), NDJSON);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("line").asLong()).isEqualTo(lines.size());
        assertThat(refused.json().get("field").asString()).isEqualTo("fact.sources[0]");

        assertThat(storedEvents()).isEqualTo(before);
        assertThat(stored(List.of(caseId, arkalyk, karagandy))).isZero();
    }

    private HttpResponse<String> raw(byte[] body) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/imports"))
                    .header("Content-Type", "application/x-ndjson")
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A line is held to the size of one REST request (64 KiB), though the batch may be far larger. */
    @Test
    void givenALineLargerThanARestRequest_whenImported_then413NamingTheLineAndNothingStored() {
        UUID caseId = UUID.randomUUID();
        List<String> lines = new ArrayList<>(facilitiesAndCases(arkalyk, karagandy, List.of(caseId)));
        lines.add(factLine(caseId, Requests.fact("HungerStrikeStarted", "2014-01-01", "public",
                "{\"demands\": \"" + "a fair retrial ".repeat(5000) + "\"}")));
        long before = storedEvents();

        Response refused = api.post("admin", "/api/v1/imports", String.join("\n", lines), NDJSON);

        assertThat(refused.status()).as(refused.body()).isEqualTo(413);
        assertThat(refused.json().get("line").asLong()).isEqualTo(lines.size());
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * A batch resent with its Idempotency-Key (its answer was lost) is stored once and answered as the first time; its
     * facts carry no ids of their own, so without the key they would be stored again. The key with another batch is
     * refused.
     */
    @Test
    void givenAnIdempotencyKey_whenABatchIsResent_thenItIsStoredOnceAndTheFirstAnswerComesBack() {
        UUID caseId = UUID.randomUUID();
        assertThat(api.post("admin", "/api/v1/imports", String.join("\n", facilitiesAndCases(arkalyk, karagandy,
                List.of(caseId))), NDJSON).status()).isEqualTo(201);
        long before = stored(List.of(caseId));
        String transfers = String.join("\n",
                factLine(caseId, Requests.transfer(arkalyk, karagandy, "2014-02-01")),
                factLine(caseId, Requests.transfer(karagandy, arkalyk, "2014-06-01")));
        Map<String, String> keyed = Map.of("Content-Type", "application/x-ndjson", "Idempotency-Key", "batch-0001");

        Response first = api.post("admin", "/api/v1/imports", transfers, keyed);
        Response resent = api.post("admin", "/api/v1/imports", transfers, keyed);
        Response other = api.post("admin", "/api/v1/imports", transfers.substring(0, transfers.indexOf('\n')), keyed);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(resent.status()).isEqualTo(201);
        assertThat(resent.body()).isEqualTo(first.body());
        assertThat(stored(List.of(caseId))).as("stored once").isEqualTo(before + 2);
        assertThat(other.status()).as(other.body()).isEqualTo(422);
        assertThat(other.json().get("field").asString()).isEqualTo("Idempotency-Key");
        assertThat(stored(List.of(caseId))).isEqualTo(before + 2);

        // a refused batch does not keep its key: the batch mended and sent again with it is stored
        Map<String, String> second = Map.of("Content-Type", "application/x-ndjson", "Idempotency-Key", "batch-0002");
        String late = factLine(caseId, Requests.transfer(arkalyk, karagandy, "2014-09-01"));
        assertThat(api.post("admin", "/api/v1/imports", late.replace("2014-09-01", "1 September 2014"), second).status())
                .isEqualTo(400);
        assertThat(api.post("admin", "/api/v1/imports", late, second).status()).isEqualTo(201);
        assertThat(stored(List.of(caseId))).isEqualTo(before + 3);
    }

    /**
     * A batch's events are appended together when it ends, yet a registration of an id already taken is still
     * refused on its own line: taken by an earlier batch or by an earlier line of the same one.
     */
    @Test
    void givenARegistrationOfATakenId_whenImported_thenTheLineIsRefusedAsAConflictAndNothingIsStored() {
        UUID stored = UUID.randomUUID();
        List<String> first = new ArrayList<>();
        first.add(facilityLine(arkalyk, "Arkalyk prison", 50.2481, 66.9114));
        first.add(facilityLine(karagandy, "Karagandy detention centre", 49.8047, 73.1094));
        first.addAll(caseLines(stored, arkalyk, karagandy));
        assertThat(api.post("admin", "/api/v1/imports", String.join("\n", first), NDJSON).status()).isEqualTo(201);
        long before = storedEvents();

        UUID fresh = UUID.randomUUID();
        List<String> again = new ArrayList<>(caseLines(fresh, arkalyk, karagandy));
        again.add(caseLines(stored, arkalyk, karagandy).get(0));
        Response taken = api.post("admin", "/api/v1/imports", String.join("\n", again), NDJSON);
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().get("line").asLong()).isEqualTo(6);
        assertThat(taken.json().get("field").asString()).isEqualTo("caseId");

        List<String> twice = new ArrayList<>(caseLines(fresh, arkalyk, karagandy));
        twice.add(caseLines(fresh, arkalyk, karagandy).get(0));
        Response sameBatch = api.post("admin", "/api/v1/imports", String.join("\n", twice), NDJSON);
        assertThat(sameBatch.status()).as(sameBatch.body()).isEqualTo(409);
        assertThat(sameBatch.json().get("line").asLong()).isEqualTo(6);

        List<String> facilityTwice = List.of(facilityLine(arkalyk, "Arkalyk prison", 50.2481, 66.9114));
        Response facility = api.post("admin", "/api/v1/imports", String.join("\n", facilityTwice), NDJSON);
        assertThat(facility.status()).as(facility.body()).isEqualTo(409);
        assertThat(facility.json().get("line").asLong()).isEqualTo(1);
        assertThat(facility.json().get("field").asString()).isEqualTo("facility.facilityId");

        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * An Error in the middle of a batch (here thrown by a command handler interceptor, as an OutOfMemoryError might be)
     * stores nothing of it and leaves no unit of work current on the thread: a later command there would nest in the
     * dead batch's unit of work and its events would never be stored. The importer is called on the test's own thread,
     * so the thread that failed is the one checked and used again.
     */
    @Test
    void givenAnErrorInTheMiddleOfABatch_whenImported_thenNothingIsStoredAndTheThreadImportsAgain() {
        UUID doomed = UUID.randomUUID();
        List<String> lines = facilitiesAndCases(arkalyk, karagandy, List.of(doomed));
        Registration failing = commandBus.registerHandlerInterceptor((unitOfWork, chain) -> {
            if (unitOfWork.getMessage().getPayload() instanceof RecordFact fact && fact.caseId().value().equals(doomed)
                    && fact.fact() instanceof PersonTransferred) {
                throw new AssertionError("an Error from a command handler, in the middle of the batch");
            }
            return chain.proceed();
        });
        try {
            assertThatThrownBy(() -> importer.importBatch(ADMIN, reader(lines))).isInstanceOf(AssertionError.class);
        } finally {
            failing.cancel();
        }

        assertThat(CurrentUnitOfWork.isStarted()).as("a unit of work left current on the thread").isFalse();
        assertThat(stored(List.of(arkalyk, karagandy, doomed))).isZero();
        UUID next = UUID.randomUUID();
        ImportResult again = importer.importBatch(ADMIN, reader(caseLines(next, arkalyk, karagandy).subList(0, 1)));
        assertThat(again.events()).isEqualTo(1);
        assertThat(stored(List.of(next))).as("the next batch on the thread, committed on its own").isEqualTo(1);
    }

    /**
     * Two batches that take the append locks of the same two cases in opposite orders wait on each other until
     * PostgreSQL breaks the wait by rolling one back: that one is a conflict to send again (it was a 500), and nothing
     * of it is stored. The controller reads a body whole before storing it, so the batches are fed to the importer a
     * line at a time here, each held after its first line until both hold a lock.
     */
    @Test
    void givenTwoBatchesTakingTheSameCasesInOppositeOrders_whenStoredAtOnce_thenOneIsStoredAndTheOtherIsAConflict()
            throws Exception {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        assertThat(api.post("admin", "/api/v1/imports", String.join("\n", facilitiesAndCases(arkalyk, karagandy,
                List.of(first, second))), NDJSON).status()).isEqualTo(201);
        long before = storedEvents();
        java.io.PipedOutputStream oneBody = new java.io.PipedOutputStream();
        java.io.PipedOutputStream otherBody = new java.io.PipedOutputStream();
        NdjsonLines oneLines = new NdjsonLines(new java.io.PipedInputStream(oneBody, 1 << 16));
        NdjsonLines otherLines = new NdjsonLines(new java.io.PipedInputStream(otherBody, 1 << 16));
        // threads of their own: each blocks on its pipe, and a shared pool may hold fewer than two
        ExecutorService batches = Executors.newFixedThreadPool(2);
        CompletableFuture<Object> one = CompletableFuture.supplyAsync(() -> outcome(oneLines), batches);
        CompletableFuture<Object> other = CompletableFuture.supplyAsync(() -> outcome(otherLines), batches);

        Instant deadline = Instant.now().plusSeconds(30);
        oneBody.write(line(first).array());
        otherBody.write(line(second).array());
        oneBody.flush();
        otherBody.flush();
        while (appendLocksHeld(List.of(first, second)) < 2) {
            assertThat(Instant.now()).as("both batches hold their first case's lock").isBefore(deadline);
            Thread.sleep(20);
        }
        oneBody.write(line(second).array());
        otherBody.write(line(first).array());
        oneBody.close();
        otherBody.close();

        List<Object> outcomes = List.of(one.get(60, TimeUnit.SECONDS), other.get(60, TimeUnit.SECONDS));
        batches.shutdown();
        assertThat(outcomes).filteredOn(ImportResult.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(ImportRefused.class::isInstance).singleElement().satisfies(refused -> {
            assertThat(((ImportRefused) refused).status().value()).isEqualTo(409);
            assertThat(((ImportRefused) refused).getMessage()).contains("send it again");
        });
        assertThat(storedEvents()).isEqualTo(before + 2);
    }

    /** What a batch came to: its result, or the refusal it was answered with. */
    private Object outcome(NdjsonLines lines) {
        try {
            return importer.importBatch(ADMIN, lines);
        } catch (ImportRefused refused) {
            return refused;
        }
    }

    private static ByteBuffer line(UUID caseId) {
        return ByteBuffer.wrap((factLine(caseId, Requests.fact("WhereaboutsUnknownReported", "2014-01", "public",
                "{\"reportedBy\": \"his son\"}")) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** How many of these aggregates' append locks (transaction-level advisory locks on their ids) are held now. */
    private long appendLocksHeld(List<UUID> aggregates) {
        return jdbc.sql("""
                        SELECT count(*) FROM pg_locks AS held
                        JOIN (SELECT hashtextextended(id, 0) AS lock_key FROM unnest(CAST(:ids AS text[])) AS id) AS wanted
                          ON held.classid::bigint = (wanted.lock_key >> 32) & 4294967295
                         AND held.objid::bigint = wanted.lock_key & 4294967295
                        WHERE held.locktype = 'advisory' AND held.granted AND held.objsubid = 1""")
                .param("ids", ids(aggregates).toArray(String[]::new)).query(Long.class).single();
    }

    private static NdjsonLines reader(List<String> lines) {
        return new NdjsonLines(new java.io.ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    }

    /** A batch registering the two facilities, then each case with its facts between them. */
    private static List<String> facilitiesAndCases(UUID arkalyk, UUID karagandy, List<UUID> cases) {
        List<String> lines = new ArrayList<>();
        lines.add(facilityLine(arkalyk, "Arkalyk prison", 50.2481, 66.9114));
        lines.add(facilityLine(karagandy, "Karagandy detention centre", 49.8047, 73.1094));
        cases.forEach(caseId -> lines.addAll(caseLines(caseId, arkalyk, karagandy)));
        return lines;
    }

    private static String facilityLine(UUID id, String name, double latitude, double longitude) {
        return ("{\"facility\": {\"facilityId\": \"%s\", \"name\": \"%s\", \"kind\": \"prison\", \"country\": \"KZ\","
                + " \"coordinates\": {\"latitude\": %s, \"longitude\": %s}, \"confidentiality\": \"public\"}}")
                .formatted(id, name, latitude, longitude);
    }

    private static List<String> caseLines(UUID caseId, UUID from, UUID to) {
        String prefix = "{\"caseId\": \"" + caseId + "\", ";
        return List.of(
                prefix + "\"registration\": " + Requests.atabek().replace("\n", " ") + "}",
                prefix + "\"fact\": " + Requests.fact("AdmittedToFacility", "2012", "public",
                        "{\"facilityId\": \"" + from + "\"}").replace("\n", " ") + "}",
                prefix + "\"fact\": " + Requests.transfer(from, to, "2013-10-05").replace("\n", " ") + "}",
                prefix + "\"fact\": " + Requests.fact("FamilyNotNotified", "2013-10-05", "public",
                        "{\"about\": \"TRANSFER\", \"personPreventedFromTelling\": true}").replace("\n", " ") + "}",
                prefix + "\"fact\": " + Requests.fact("WhereaboutsUnknownReported", "2013-10", "restricted",
                        "{\"reportedBy\": \"his son\"}").replace("\n", " ") + "}");
    }

    private static String factLine(UUID caseId, String fact) {
        return "{\"caseId\": \"" + caseId + "\", \"fact\": " + fact.replace("\n", " ") + "}";
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    private long stored(List<UUID> aggregates) {
        return jdbc.sql("SELECT count(*) FROM domainevententry WHERE aggregateIdentifier IN (:ids)")
                .param("ids", ids(aggregates)).query(Long.class).single();
    }

    private static List<String> ids(List<UUID> aggregates) {
        return aggregates.stream().map(UUID::toString).toList();
    }

    /** Waits for the projection itself (no timing is asserted): every case at {@code version}. */
    private void awaitStatuses(List<UUID> cases, long version) {
        Instant deadline = Instant.now().plusSeconds(60);
        long done = 0;
        while (Instant.now().isBefore(deadline)) {
            done = jdbc.sql("SELECT count(*) FROM case_status WHERE case_id IN (:ids) AND clearance = 'CONFIDENTIAL'"
                            + " AND version >= :version")
                    .param("ids", cases).param("version", version).query(Long.class).single();
            if (done == cases.size()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(done).as("cases projected").isEqualTo(cases.size());
    }
}
