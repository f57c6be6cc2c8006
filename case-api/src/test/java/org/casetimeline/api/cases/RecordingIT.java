package org.casetimeline.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.casetimeline.api.config.AxonConfiguration;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.DashboardSession;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.casetimeline.core.command.CorrectFact;
import org.casetimeline.core.command.RecordFact;
import org.casetimeline.core.event.EventCorrected;
import org.casetimeline.core.shared.CaseId;
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
import tools.jackson.databind.json.JsonMapper;

@EmbeddedServiceTest
class RecordingIT {

    private static final Reader MONITOR = new Reader("monitor", Confidentiality.RESTRICTED);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;
    @Autowired
    FactTranslator translator;
    @Autowired
    CommandGateway commands;
    @Autowired
    EventChain chain;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    EventStore eventStore;

    ApiClient api;
    UUID arkalyk;
    UUID karagandy;
    UUID caseId;

    @BeforeEach
    void registerAtabek() {
        api = new ApiClient(port);
        arkalyk = id(api.post("monitor", "/api/v1/facilities", Requests.facility("Arkalyk", "UK 161/12", 50.25, 66.92)));
        karagandy = id(api.post("monitor", "/api/v1/facilities", Requests.facility("Karagandy", "SIZO", 49.80, 73.10)));
        Response registered = api.post("monitor", "/api/v1/cases", Requests.atabek());
        assertThat(registered.status()).isEqualTo(201);
        caseId = id(registered);
        assertThat(registered.header("Location")).isEqualTo("/api/v1/cases/" + caseId);
        assertThat(registered.header("ETag")).isEqualTo("\"0\"");
    }

    private static UUID id(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return UUID.fromString(response.json().get("caseId").asString());
    }

    private String events() {
        return "/api/v1/cases/" + caseId + "/events";
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }

    @Test
    void givenACase_whenATransferIsAppended_thenItReadsBackWithWhoRecordedItAndWhen() {
        Response appended = api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"));

        assertThat(appended.status()).as(appended.body()).isEqualTo(201);
        assertThat(appended.json().get("sequence").asLong()).isEqualTo(1);
        assertThat(appended.header("ETag")).isEqualTo("\"1\"");
        String eventId = appended.json().get("eventId").asString();

        JsonNode history = api.get("auditor", events()).json();
        assertThat(history).hasSize(2);
        JsonNode transfer = history.get(1);
        assertThat(transfer.get("eventId").asString()).isEqualTo(eventId);
        assertThat(transfer.get("type").asString()).isEqualTo("PersonTransferred");
        assertThat(transfer.get("occurredAt").asString()).isEqualTo("2013-10-05");
        assertThat(transfer.get("precision").asString()).isEqualTo("DAY");
        assertThat(transfer.get("recordedBy").asString()).isEqualTo("monitor");
        assertThat(transfer.get("recordedAt").asString()).isEqualTo(appended.json().get("recordedAt").asString());
        assertThat(transfer.get("claim").asString()).isEqualTo("CORROBORATED");
        assertThat(transfer.get("sources").get(0).get("citation").asString()).contains("PEN International");
        assertThat(transfer.get("data").get("toFacilityId").asString()).isEqualTo(karagandy.toString());
        assertThat(transfer.get("data").get("noticeGiven").asBoolean()).isFalse();
        assertThat(history.get(0).get("data").get("names").get(1).asString()).isEqualTo("Арон Атабек");
    }

    @Test
    void givenAnIdempotencyKey_whenTheSameRequestIsRetried_thenTheFirstAnswerComesBackAndNothingMoreIsStored() {
        String body = Requests.transfer(arkalyk, karagandy, "2013-10-05");
        Map<String, String> key = Map.of("Idempotency-Key", "transfer-" + caseId);

        Response first = api.post("monitor", events(), body, key);
        long stored = storedEvents();
        Response retry = api.post("monitor", events(), body, key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(storedEvents()).isEqualTo(stored);
        assertThat(api.get("auditor", events()).json()).hasSize(2);
    }

    @Test
    void givenAnIdempotencyKey_whenReusedWithAnotherBody_then422AndNothingStored() {
        Map<String, String> key = Map.of("Idempotency-Key", "reused-" + caseId);
        api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"), key);
        long stored = storedEvents();

        Response reused = api.post("monitor", events(), Requests.transfer(karagandy, arkalyk, "2014-03"), key);

        assertProblem(reused, 422, "Idempotency-Key");
        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void givenAStaleIfMatch_whenAppending_then412AndNothingStored() {
        api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"));
        long stored = storedEvents();

        Response stale = api.post("monitor", events(), Requests.transfer(karagandy, arkalyk, "2014-03"),
                Map.of("If-Match", "\"0\""));
        Response current = api.post("monitor", events(), Requests.transfer(karagandy, arkalyk, "2014-03"),
                Map.of("If-Match", "\"1\""));

        assertProblem(stale, 412, "If-Match");
        assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
        assertThat(current.status()).isEqualTo(201);
        assertThat(storedEvents()).isEqualTo(stored + 1);
    }

    @Test
    void givenBadFacts_whenAppended_thenEachIsAProblemNamingTheFieldAndNothingIsStored() {
        long stored = storedEvents();
        String transferData = "{\"fromFacilityId\": \"" + arkalyk + "\", \"toFacilityId\": \"" + karagandy + "\"}";

        assertProblem(api.post("monitor", events(), Requests.fact("PersonTeleported", "2013-10-05", "public", "{}")),
                400, "type");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "2013-10-05", "public",
                "{\"fromFacilityId\": \"" + arkalyk + "\"}")), 400, "data.toFacilityId");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "2013-10-05", "public",
                "{\"toFacilityId\": \"karagandy\"}")), 400, "data.toFacilityId");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "2013-10-05", "public",
                "{\"toFacilityId\": \"" + karagandy + "\", \"noticeGiven\": \"perhaps\"}")), 400, "data.noticeGiven");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "5 October 2013", "public",
                transferData)), 400, "occurredAt");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "2999-01-01", "public",
                transferData)), 422, "occurredAt");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "2013-10-05", "public",
                "{\"toFacilityId\": \"" + UUID.randomUUID() + "\"}")), 422, "data.toFacilityId");
        assertProblem(api.post("monitor", events(), Requests.fact("PersonTransferred", "2013-10-05", "secret",
                transferData)), 400, "confidentiality");
        assertProblem(api.post("monitor", events(), "{\"type\": \"PersonTransferred\", \"occurredAt\": \"2013-10-05\","
                + " \"recordedBy\": \"someone else\", \"data\": " + transferData + "}"), 400, "recordedBy");
        assertProblem(api.post("monitor", events(), "{\"type\": \"PersonTransferred\", \"occurredAt\": "), 400, "body");
        assertProblem(api.post("monitor", "/api/v1/cases/" + UUID.randomUUID() + "/events",
                Requests.transfer(arkalyk, karagandy, "2013-10-05")), 404, null);
        assertProblem(api.post("monitor", events(), Requests.fact("TrialOpened", "2013", "public",
                "{\"court\": \"" + "x".repeat(70_000) + "\"}")), 413, null);
        assertProblem(api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"),
                Map.of("Content-Type", "text/plain")), 415, null);

        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void givenRoles_whenCallersStepOutsideTheirRole_thenRefusedAndNothingStored() {
        long stored = storedEvents();

        assertProblem(api.post("viewer", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05")), 403, null);
        assertProblem(api.post("auditor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05")), 403, null);
        assertProblem(api.post(null, events(), Requests.transfer(arkalyk, karagandy, "2013-10-05")), 401, null);
        assertProblem(api.get("monitor", events()), 403, null);
        assertProblem(api.get("viewer", events()), 403, null);
        assertThat(api.get("auditor", events()).status()).isEqualTo(200);
        assertThat(api.get("admin", events()).status()).isEqualTo(200);

        assertThat(storedEvents()).isEqualTo(stored);
    }

    @Test
    void givenAFact_whenRetractedAndAnotherCorrected_thenTheHistoryKeepsMistakeAndCorrection() {
        String transferId = api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"))
                .json().get("eventId").asString();
        Response retraction = api.post("monitor", events(), Requests.amendment("EventRetracted", "public",
                "{\"retractedFactId\": \"" + transferId + "\", \"reason\": \"entered in the wrong case\"}"));
        Response again = api.post("monitor", events(), Requests.amendment("EventRetracted", "public",
                "{\"retractedFactId\": \"" + transferId + "\", \"reason\": \"twice\"}"));

        assertThat(retraction.status()).as(retraction.body()).isEqualTo(201);
        assertProblem(again, 422, "retractedFactId");
        assertThat(again.json().get("code").asString()).isEqualTo("FACT_RETRACTED");
        JsonNode history = api.get("auditor", events()).json();
        assertThat(history).hasSize(3);
        assertThat(history.get(2).get("type").asString()).isEqualTo("EventRetracted");
    }

    @Test
    void givenAConfidentialFact_whenCorrectedAtALowerLevel_then422NamingConfidentialityAndNothingStored() {
        String secret = api.post("monitor", events(), Requests.fact("HungerStrikeStarted", "2014-01-01", "confidential",
                "{\"demands\": \"to see his lawyer\"}")).json().get("eventId").asString();
        long before = storedEvents();

        // by one cleared for the fact: to a monitor cleared only for restricted facts it is no fact at all
        Response correction = api.post("admin", events(), Requests.amendment("EventCorrected", "restricted",
                "{\"correctedFactId\": \"" + secret + "\", \"reason\": \"the date\", \"replacement\": {\"type\":"
                        + " \"HungerStrikeStarted\", \"occurredAt\": \"2014-01-02\", \"data\": {\"demands\": \"to see his lawyer\"}}}"));

        assertProblem(correction, 422, "confidentiality");
        assertThat(correction.json().get("code").asString()).isEqualTo("LEVEL_MISMATCH");
        assertThat(storedEvents()).isEqualTo(before);
    }

    /**
     * A correction stored below the confidential fact it corrects, as one could be before the case refused it, is read
     * at the fact's level: a reader cleared only for restricted facts sees neither it nor its replacement, in the raw
     * history, the timeline or the audit stream.
     */
    @Test
    void givenACorrectionStoredBelowItsFact_whenReadBelowTheFactsLevel_thenNeitherItNorItsReplacementShows() {
        String secret = api.post("monitor", events(), Requests.fact("HungerStrikeStarted", "2014-01-01", "confidential",
                "{\"demands\": \"to see his lawyer\"}")).json().get("eventId").asString();
        CorrectFact correct = (CorrectFact) translator.toCommand(MONITOR, new CaseId(caseId), null, json.readValue(Requests.amendment(
                "EventCorrected", "restricted", "{\"correctedFactId\": \"" + secret + "\", \"reason\":"
                        + " \"the date\", \"replacement\": {\"type\": \"HungerStrikeStarted\", \"occurredAt\": \"2014-01-02\","
                        + " \"data\": {\"demands\": \"to see his lawyer and Dr Karimova\"}}}"), FactRequest.class));
        // stored as the case stored it before it refused a correction below its fact: straight into the store
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            chain.lockForAppend(caseId.toString());
            EventChain.Heads heads = chain.heads(caseId.toString());
            eventStore.publish(stored(2, new EventCorrected(correct.caseId(), correct.correctionId(), correct.provenance(),
                    correct.correctedFactId(), correct.replacement().factId(), correct.reason())), stored(3, correct.replacement()));
            chain.link(caseId.toString(), heads);
        });
        String replacement = correct.replacement().factId().toString();

        JsonNode history = api.get("auditor", events()).json();
        assertThat(history).as("the registration alone").hasSize(1);
        assertThat(api.get("monitor", "/api/v1/cases/" + caseId + "/timeline").body()).doesNotContain(replacement)
                .doesNotContain("Karimova");
        String audit = api.get("auditor", "/api/v1/audit/events").body();
        assertThat(audit).doesNotContain("Karimova").doesNotContain(replacement);
        List<JsonNode> lines = audit.lines().map(json::readTree).toList();
        assertThat(lines.get(lines.size() - 1).get("end").get("redacted").asLong()).as("counted in the stream's last line")
                .isEqualTo(3);
        List<JsonNode> hidden = lines.stream().filter(line -> line.has("aggregateIdentifier"))
                .filter(line -> line.get("aggregateIdentifier").asString().equals(caseId.toString())
                        && line.get("sequenceNumber").asLong() >= 1).toList();
        assertThat(hidden).as("the secret, its correction and the replacement").hasSize(3).allSatisfy(line -> {
            assertThat(line.get("redacted").asString()).isEqualTo("CONFIDENTIAL");
            assertThat(line.has("payloadType")).as("not even a hidden fact's type").isFalse();
            assertThat(line.get("link").asString()).isNotBlank();
        });
        JsonNode cleared = api.get("admin", events()).json();
        assertThat(cleared).as("the admin is cleared for it").hasSize(4);
        assertThat(cleared.get(2).get("confidentiality").asString()).as("shown at the level it is held at")
                .isEqualTo("CONFIDENTIAL");
        assertThat(api.get("auditor", "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    private GenericDomainEventMessage<Object> stored(long sequence, Object event) {
        return new GenericDomainEventMessage<>("PrisonerCase", caseId.toString(), sequence, event,
                MetaData.with(AxonConfiguration.RECORDED_BY, "monitor"));
    }

    @Test
    void givenAnotherNodeAppendedToACaseThisNodeHolds_whenAFactBuildsOnIt_thenThisNodeSeesTheStoresCase() {
        Response first = api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"));
        assertThat(first.status()).as(first.body()).isEqualTo(201); // this node now holds the case at sequence 1
        // another node's write path: the same lock, command and chain, but not this node's cache
        FactRequest transfer = json.readValue(Requests.transfer(karagandy, arkalyk, "2014-02-01"), FactRequest.class);
        Object command = translator.toCommand(MONITOR, new CaseId(caseId), null, transfer);
        String elsewhere = ((RecordFact) command).fact().factId().toString();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            chain.lockForAppend(caseId.toString());
            EventChain.Heads heads = chain.heads(caseId.toString());
            commands.sendAndWait(command, MetaData.with(AxonConfiguration.RECORDED_BY, "monitor"));
            chain.link(caseId.toString(), heads);
        });

        Response retraction = api.post("monitor", events(), Requests.amendment("EventRetracted", "public",
                "{\"retractedFactId\": \"" + elsewhere + "\", \"reason\": \"recorded at the wrong prison\"}"));

        assertThat(retraction.status()).as("a case held from before the other node's append would not know its fact: "
                + retraction.body()).isEqualTo(201);
        assertThat(retraction.json().get("sequence").asLong()).isEqualTo(3);
        assertThat(api.get("auditor", "/api/v1/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void givenTwoDisputesOfOneFact_whenTheTimelineIsRead_thenThatFactAloneCarriesThemInRecordingOrder() {
        String transferId = api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"))
                .json().get("eventId").asString();
        String otherId = api.post("monitor", events(), Requests.transfer(karagandy, arkalyk, "2014-02-01"))
                .json().get("eventId").asString();
        for (String counterClaim : new String[] {"the family saw him in Arkalyk on 6 October", "the prison says 7 October"}) {
            Response dispute = api.post("monitor", events(), Requests.amendment("ClaimDisputed", "public",
                    "{\"disputedFactId\": \"" + transferId + "\", \"counterClaim\": \"" + counterClaim + "\"}"));
            assertThat(dispute.status()).as(dispute.body()).isEqualTo(201);
        }

        JsonNode timeline = api.get("monitor", "/api/v1/cases/" + caseId + "/timeline").json();

        Map<String, JsonNode> byFact = new HashMap<>();
        timeline.forEach(entry -> byFact.put(entry.get("fact").get("eventId").asString(), entry));
        JsonNode disputed = byFact.get(transferId).get("disputes");
        assertThat(disputed).hasSize(2);
        assertThat(disputed.get(0).toString()).contains("6 October");
        assertThat(disputed.get(1).toString()).contains("7 October");
        assertThat(byFact.get(otherId).get("disputes")).isEmpty();
    }

    /**
     * Correcting a disputed fact's date does not answer a counter-claim that it never happened: the dispute stands
     * against the current version, until it is withdrawn. A dispute is withdrawn by retracting it, and only that.
     */
    @Test
    void givenADisputedFact_whenCorrected_thenTheDisputeStandsAgainstTheNewVersion_untilWithdrawn() {
        String transferId = api.post("monitor", events(), Requests.transfer(arkalyk, karagandy, "2013-10-05"))
                .json().get("eventId").asString();
        String disputeId = api.post("monitor", events(), Requests.amendment("ClaimDisputed", "public",
                "{\"disputedFactId\": \"" + transferId + "\", \"counterClaim\": \"the prison says he never left Arkalyk\"}"))
                .json().get("eventId").asString();
        Response correction = api.post("monitor", events(), Requests.amendment("EventCorrected", "public",
                "{\"correctedFactId\": \"" + transferId + "\", \"reason\": \"the date\", \"replacement\": {\"type\":"
                        + " \"PersonTransferred\", \"occurredAt\": \"2013-10-06\", \"data\": {\"fromFacilityId\": \""
                        + arkalyk + "\", \"toFacilityId\": \"" + karagandy + "\", \"noticeGiven\": false}}}"));
        assertThat(correction.status()).as(correction.body()).isEqualTo(201);
        assertThat(currentVersion(transferId).get("disputes")).as("the dispute stands against the corrected transfer")
                .singleElement().satisfies(dispute -> assertThat(dispute.toString()).contains("never left Arkalyk"));

        Response correctDispute = api.post("monitor", events(), Requests.amendment("EventCorrected", "public",
                "{\"correctedFactId\": \"" + disputeId + "\", \"reason\": \"wording\", \"replacement\": {\"type\":"
                        + " \"ClaimDisputed\", \"data\": {}}}"));
        assertProblem(correctDispute, 400, "data.replacement.type");
        Response withdrawal = api.post("monitor", events(), Requests.amendment("EventRetracted", "public",
                "{\"retractedFactId\": \"" + disputeId + "\", \"reason\": \"the prison's own register shows the move\"}"));
        assertThat(withdrawal.status()).as(withdrawal.body()).isEqualTo(201);
        assertThat(currentVersion(transferId).get("disputes")).as("withdrawn").isEmpty();
        assertThat(currentVersion(transferId).get("withdrawnDisputes")).as("contested once, and how that ended")
                .singleElement().satisfies(withdrawn -> {
                    assertThat(withdrawn.get("dispute").toString()).contains("never left Arkalyk");
                    assertThat(withdrawn.get("withdrawal").toString()).contains("register shows the move");
                });
        assertThat(DashboardSession.signIn(port, "monitor").get("/cases/" + caseId).body())
                .contains("Dispute withdrawn: the prison says he never left Arkalyk (withdrawn on ")
                .contains(": the prison&#39;s own register shows the move)").doesNotContain("Disputed: the prison says");
        assertThat(api.get("monitor", "/api/v1/cases/" + caseId + "/chronology").body())
                .contains("(disputed, the dispute since withdrawn)");
        Response again = api.post("monitor", events(), Requests.amendment("EventRetracted", "public",
                "{\"retractedFactId\": \"" + disputeId + "\", \"reason\": \"twice\"}"));
        assertProblem(again, 422, "retractedFactId");
        assertThat(again.json().get("code").asString()).isEqualTo("FACT_RETRACTED");
    }

    /** The timeline entry of the version of a fact that counts now. */
    private JsonNode currentVersion(String firstVersionId) {
        for (JsonNode entry : api.get("monitor", "/api/v1/cases/" + caseId + "/timeline").json()) {
            if (firstVersionId.equals(entry.path("corrects").asString(null))) {
                return entry;
            }
        }
        throw new AssertionError("no version corrects " + firstVersionId);
    }

    @Test
    void givenTheOpenApiDocument_whenRead_thenEveryFactTypesDataIsDescribed() {
        ApiClient.Response document = api.get(null, "/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        JsonNode schemas = document.json().get("components").get("schemas");
        org.casetimeline.core.event.FactTypes.all().keySet().forEach(type ->
                assertThat(schemas.has(type + "Data")).as(type).isTrue());
        assertThat(schemas.get("PersonTransferredData").get("properties").has("toFacilityId")).isTrue();
        assertThat(schemas.get("PersonTransferredData").get("properties").has("caseId")).isFalse();
        assertThat(document.body()).contains("/api/v1/cases/{caseId}/events", "FactRequest");
    }

    @Test
    void givenMetrics_whenScrapedByAnAdmin_thenPrometheusTextAndForOthersRefused() {
        ApiClient.Response metrics = api.get("admin", "/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        // Axon's components, under Axon's meter names (AxonMeters registers them once a component)
        assertThat(metrics.body()).contains("commandBus_successCounter_total", "case_status_ingestedCounter_total",
                "case_status_latency_milliseconds", "facilities_allTimer_seconds_count");
        assertThat(api.get("monitor", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.get(null, "/actuator/health").status()).isEqualTo(200);
    }

    private static void assertProblem(Response response, int status, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        if (field != null) {
            assertThat(problem.get("field").asString()).isEqualTo(field);
            assertThat(problem.get("reason").asString()).isNotBlank();
        }
        assertThat(response.body()).doesNotContain("Exception", "org.", "SQL");
    }
}
