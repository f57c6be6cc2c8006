package org.casetimeline.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;

import tools.jackson.databind.JsonNode;

/** The demo cases from the seed documents, loaded through the monitors' path, show what the documents describe. */
// a context of its own (its database, processors and pollers) is closed after the class, not kept running beside
// the later classes until the run ends
@DirtiesContext
@Import(TestClock.Configuration.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "case-timeline.data-dir=target/it-data/${random.uuid}", "case-timeline.demo-data=true",
        "server.address=127.0.0.1"})
class DemoDataIT {

    static final String ATABEK = "00000000-0000-4000-8000-0000000c0001";
    static final String BOKAEV = "00000000-0000-4000-8000-0000000c0002";
    static final String AYAN = "00000000-0000-4000-8000-0000000c0003";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    private List<JsonNode> findings(String caseId, String asOf) {
        if (asOf == null) {
            awaitStatuses(new ApiClient(port)); // read from the projection, which may not hold every demo fact yet
        }
        JsonNode body = new ApiClient(port).get("viewer", "/api/v1/cases/" + caseId + "/flags"
                + (asOf == null ? "" : "?asOf=" + asOf)).json();
        List<JsonNode> findings = new ArrayList<>();
        body.get("findings").forEach(findings::add);
        return findings;
    }

    private static Set<String> rules(List<JsonNode> findings) {
        Set<String> rules = new HashSet<>();
        findings.forEach(finding -> rules.add(finding.get("ruleId").asString()));
        return rules;
    }

    /**
     * Flags and data gaps read without an instant come from the projection's stored findings; they are what an
     * evaluation as of the projection's instant gives, finding for finding and in the same order, at each clearance.
     */
    @Test
    void givenTheDemoCasesProjected_whenFlagsAndGapsAreRead_thenTheStoredFindingsEqualAnEvaluationAsOfTheirInstant() {
        ApiClient api = new ApiClient(port);
        Projections.awaitCaughtUp(api, jdbc);
        clock.advance(Duration.ofSeconds(1)); // an evaluation now would say so in its asOf
        for (String caseId : List.of(ATABEK, BOKAEV, AYAN)) {
            for (String reader : List.of("viewer", "auditor", "admin")) {
                String asOf = api.get(reader, "/api/v1/cases/" + caseId).json().get("asOf").asString();
                for (String read : List.of("flags", "gaps")) {
                    String path = "/api/v1/cases/" + caseId + "/" + read;
                    JsonNode stored = api.get(reader, path).json();
                    assertThat(stored.get("asOf").asString()).as("%s %s %s read from the projection", caseId, reader, read)
                            .isEqualTo(asOf);
                    assertThat(stored).as("%s %s %s", caseId, reader, read)
                            .isEqualTo(api.get(reader, path + "?asOf=" + asOf).json());
                }
            }
        }
    }

    @Test
    void givenAtabeksDocuments_whenChecked_thenEveryBreachTheyDescribeIsAFinding() {
        List<JsonNode> findings = findings(ATABEK, null);

        assertThat(rules(findings)).contains("MR68-TRANSFER-NOTICE", "MR68-WHEREABOUTS", "MR44-PROLONGED-SOLITARY",
                "MR59-DISTANCE", "MR27-MEDICAL-DENIED", "MR5-ACCOMMODATION", "MR14-CELL-CONDITIONS",
                "MR52-INTRUSIVE-SEARCH", "MR57-TORTURE-INVESTIGATION", "MR71-POST-RELEASE-DEATH");
        assertThat(findings).filteredOn(f -> f.get("ruleId").asString().equals("MR68-WHEREABOUTS"))
                .anySatisfy(f -> assertThat(f.get("severity").asString()).isEqualTo("CRITICAL"));
        assertThat(findings).filteredOn(f -> f.get("ruleId").asString().equals("MR59-DISTANCE"))
                .anySatisfy(f -> assertThat(f.get("severity").asString()).isEqualTo("SERIOUS"));
        assertThat(findings(ATABEK, "2013-10-20")).filteredOn(f -> f.get("ruleId").asString().equals("MR68-WHEREABOUTS"))
                .anySatisfy(f -> assertThat(f.get("state").asString()).isEqualTo("OPEN"));
    }

    @Test
    void givenBokaevAndAyan_whenCheckedAfterTheMoveToPetropavlovsk_thenNoNoticeDistanceAndNoWinterClothing() {
        for (String caseId : List.of(BOKAEV, AYAN)) {
            assertThat(rules(findings(caseId, null))).as(caseId)
                    .contains("MR68-TRANSFER-NOTICE", "MR59-DISTANCE", "MR19-CLOTHING");
        }
    }

    @Test
    void givenTheSeedCases_whenListedByRuleAndOrdered_thenTheDatabaseFiltersAndSorts() {
        ApiClient api = new ApiClient(port);
        awaitStatuses(api);
        String clothing = api.get("viewer", "/api/v1/cases?rule=MR19-CLOTHING").body();
        assertThat(clothing).contains(BOKAEV, AYAN);

        List<Double> distances = new ArrayList<>();
        api.get("viewer", "/api/v1/cases?sort=distance").json().get("cases").forEach(status ->
                distances.add(status.get("distanceFromHomeKm").isNull() ? -1 : status.get("distanceFromHomeKm").asDouble()));
        assertThat(distances).hasSize(3).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(api.get("viewer", "/api/v1/cases?sort=shoe_size").status()).isEqualTo(400);
    }

    /** The version of the stored status (the case list reads only the projection), or -1 before it has one. */
    private static long storedVersion(ApiClient api, String caseId) {
        for (JsonNode status : api.get("admin", "/api/v1/cases?size=500").json().get("cases")) {
            if (status.get("caseId").asString().equals(caseId)) {
                return status.get("version").asLong();
            }
        }
        return -1;
    }

    /** Waits until the status projection has every event of the three cases, not just their first ones. */
    private static void awaitStatuses(ApiClient api) {
        long deadline = System.currentTimeMillis() + 30_000;
        for (String caseId : List.of(ATABEK, BOKAEV, AYAN)) {
            JsonNode events = api.get("admin", "/api/v1/cases/" + caseId + "/events").json();
            long last = events.get(events.size() - 1).get("sequence").asLong();
            while (storedVersion(api, caseId) < last) {
                if (System.currentTimeMillis() > deadline) {
                    throw new AssertionError("the status projection never caught up with case " + caseId);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Test
    void givenTheSeedCases_whenChecked_thenNoFindingRestsOnASentenceOrAParoleDecision() {
        ApiClient api = new ApiClient(port);
        for (String caseId : List.of(ATABEK, BOKAEV, AYAN)) {
            Set<String> sentences = new HashSet<>();
            api.get("viewer", "/api/v1/cases/" + caseId + "/timeline").json().forEach(entry -> {
                String type = entry.get("fact").get("type").asString();
                if (type.equals("SentenceImposed") || type.equals("ParoleDecided") || type.equals("PersonConvicted")
                        || type.equals("AppealDecided")) {
                    sentences.add(entry.get("fact").get("eventId").asString());
                }
            });
            assertThat(sentences).as("the demo records a judgment in case " + caseId).isNotEmpty();
            for (JsonNode finding : findings(caseId, null)) {
                List<String> evidence = new ArrayList<>();
                finding.get("evidence").forEach(id -> evidence.add(id.asString()));
                assertThat(evidence).as(finding.get("explanation").asString())
                        .isNotEmpty().anyMatch(id -> !sentences.contains(id));
            }
        }
    }
}
