package org.casetimeline.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.ApiClient.Response;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Projections;
import org.casetimeline.api.support.Requests;
import org.casetimeline.core.command.RecordFact;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.Source;
import org.casetimeline.core.shared.SourceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import tools.jackson.databind.JsonNode;

/**
 * The Atabek case of the seed documents driven through the API: a transfer learned late, a retraction, a
 * correction, facts at every confidentiality level; then status, timeline, asOf, knownAt and a rebuild.
 */
@EmbeddedServiceTest
class CaseStatusIT {

    private static final Reader MONITOR = new Reader("monitor", Confidentiality.RESTRICTED);

    @LocalServerPort
    int port;
    @Autowired
    TransactionManager axonTransactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CaseRecorder recorder;

    ApiClient api;
    UUID arkalyk;
    UUID karagandy;
    UUID pavlodar;
    String caseId;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        arkalyk = facility("Arkalyk prison", "УК 161/12", 50.2481, 66.9114);
        karagandy = facility("Karagandy detention centre", "SIZO", 49.8047, 73.1094);
        pavlodar = facility("Pavlodar prison", "AP-162/1", 52.2873, 76.9674);
        caseId = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
    }

    private UUID facility(String name, String code, double latitude, double longitude) {
        Response response = api.post("monitor", "/api/v1/facilities", Requests.facility(name, code, latitude, longitude));
        return UUID.fromString(response.json().get("caseId").asString());
    }

    private String append(String user, String body) {
        Response response = api.post(user, "/api/v1/cases/" + caseId + "/events", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("eventId").asString();
    }

    private String fact(String type, String at, String data) {
        return append("monitor", Requests.fact(type, at, "public", data));
    }

    private JsonNode status(String user, String query) {
        Response response = api.get(user, "/api/v1/cases/" + caseId + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void awaitProjection(String id, long version) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Long stored = jdbc.sql("SELECT version FROM case_status WHERE case_id = :id AND clearance = 'CONFIDENTIAL'")
                    .param("id", UUID.fromString(id)).query(Long.class).optional().orElse(null);
            if (stored != null && stored >= version) {
                return;
            }
            sleep();
        }
        throw new AssertionError("the case-status projection did not reach version " + version);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Facts as monitors learned them, not as they happened: the 5 October transfer arrives last. */
    private Instant recordAtabek() {
        fact("AdmittedToFacility", "2012-11", "{\"facilityId\": \"" + arkalyk + "\"}");
        fact("SolitaryConfinementImposed", "2012-12", "{\"reason\": \"publishing a book\", \"indefinite\": false,"
                + " \"partOfSentence\": true, \"forExpression\": true}");
        fact("SolitaryConfinementEnded", "2013-10-05", "{\"reason\": \"moved out of Arkalyk\"}");
        fact("PersonTransferred", "2014-03", "{\"fromFacilityId\": \"" + karagandy + "\", \"toFacilityId\": \""
                + pavlodar + "\", \"reportedTravelKm\": 1400}");
        fact("WhereaboutsUnknownReported", "2013-10-10", "{\"reportedBy\": \"his son\"}");
        Instant beforeTheLateTransfer = Instant.now();
        sleep();
        fact("PersonTransferred", "2013-10-05", "{\"fromFacilityId\": \"" + arkalyk + "\", \"toFacilityId\": \""
                + karagandy + "\", \"noticeGiven\": false}");
        return beforeTheLateTransfer;
    }

    @Test
    void givenATransferLearnedLate_whenReadAsOfAnyDate_thenItTakesItsPlaceInOccurrenceOrder() {
        Instant beforeTheLateTransfer = recordAtabek();
        awaitProjection(caseId, 6);

        JsonNode now = status("viewer", "");
        assertThat(now.get("custodyState").asString()).isEqualTo("DETAINED_PRE_TRIAL");
        assertThat(now.get("facility").get("name").asString()).isEqualTo("Pavlodar prison");
        assertThat(now.get("facility").get("since").get("precision").asString()).isEqualTo("MONTH");
        assertThat(now.get("distanceFromHomeKm").asDouble()).isBetween(1000.0, 1010.0);
        assertThat(now.get("reportedTravelKm").asInt()).isEqualTo(1400);
        assertThat(now.get("regime").get("solitarySince").isNull()).isTrue();
        assertThat(now.get("daysInCustodyApproximate").asBoolean()).isTrue();

        JsonNode disappeared = status("viewer", "?asOf=2013-10-20");
        assertThat(disappeared.get("facility").get("name").asString()).isEqualTo("Karagandy detention centre");
        assertThat(disappeared.get("familyContact").get("familyKnowsWhereabouts").asBoolean()).isFalse();
        assertThat(disappeared.get("openFlags").get("CRITICAL").asInt()).isGreaterThanOrEqualTo(1);

        JsonNode inSolitary = status("viewer", "?asOf=2013-06-01");
        assertThat(inSolitary.get("facility").get("name").asString()).isEqualTo("Arkalyk prison");
        assertThat(inSolitary.get("regime").get("solitarySince").get("date").asString()).isEqualTo("2012-12");

        JsonNode knownThen = status("viewer", "?asOf=2013-10-20&knownAt=" + beforeTheLateTransfer);
        assertThat(knownThen.get("facility").get("name").asString())
                .as("before the transfer was recorded, the organisation still placed him in Arkalyk")
                .isEqualTo("Arkalyk prison");

        List<String> order = new ArrayList<>();
        api.get("viewer", "/api/v1/cases/" + caseId + "/timeline").json()
                .forEach(entry -> order.add(entry.get("fact").get("occurredAt").asString()));
        assertThat(order).containsExactly("2012-11", "2012-12", "2013-10-05", "2013-10-05", "2013-10-10", "2014-03");
    }

    @Test
    void givenARetractionAndACorrection_whenTheTimelineIsRead_thenBothMistakesStayVisibleAndCountForNothing() {
        fact("AdmittedToFacility", "2012-11", "{\"facilityId\": \"" + arkalyk + "\"}");
        String wrong = fact("HungerStrikeStarted", "2013-11-01", "{\"demands\": \"entered in the wrong case\"}");
        append("monitor", Requests.amendment("EventRetracted", "public",
                "{\"retractedFactId\": \"" + wrong + "\", \"reason\": \"belongs to another prisoner\"}"));
        String misdated = fact("PersonTransferred", "2013-10-04", "{\"fromFacilityId\": \"" + arkalyk
                + "\", \"toFacilityId\": \"" + karagandy + "\"}");
        append("monitor", Requests.amendment("EventCorrected", "public", "{\"correctedFactId\": \"" + misdated
                + "\", \"reason\": \"PEN gives 5 October\", \"replacement\": {\"type\": \"PersonTransferred\","
                + " \"occurredAt\": \"2013-10-05\", \"data\": {\"fromFacilityId\": \"" + arkalyk + "\", \"toFacilityId\": \""
                + pavlodar + "\"}}}"));

        JsonNode timeline = api.get("viewer", "/api/v1/cases/" + caseId + "/timeline").json();
        JsonNode retracted = find(timeline, wrong);
        assertThat(retracted.get("status").asString()).isEqualTo("RETRACTED");
        assertThat(retracted.get("retraction").get("data").get("reason").asString()).isEqualTo("belongs to another prisoner");
        JsonNode superseded = find(timeline, misdated);
        assertThat(superseded.get("status").asString()).isEqualTo("SUPERSEDED");
        String replacement = superseded.get("correctedBy").asString();
        JsonNode corrected = find(timeline, replacement);
        assertThat(corrected.get("status").asString()).isEqualTo("CURRENT");
        assertThat(corrected.get("corrects").asString()).isEqualTo(misdated);
        assertThat(corrected.get("fact").get("occurredAt").asString()).isEqualTo("2013-10-05");

        awaitProjection(caseId, 6);
        JsonNode status = status("viewer", "");
        assertThat(status.get("facility").get("name").asString()).as("the corrected destination counts")
                .isEqualTo("Pavlodar prison");
        assertThat(status("viewer", "?asOf=2013-10-04T12:00:00Z").get("facility").get("name").asString())
                .as("the misdated fact counts for nothing").isEqualTo("Arkalyk prison");
    }

    @Test
    void givenFactsAtEachConfidentiality_whenReadByEachRole_thenNobodySeesBeyondTheirClearance() {
        fact("AdmittedToFacility", "2012-11", "{\"facilityId\": \"" + arkalyk + "\"}");
        append("monitor", Requests.fact("MedicalConditionReported", "2014", "restricted",
                "{\"condition\": \"spine injury from a 2006 police assault\", \"disability\": true}"));
        append("monitor", Requests.fact("MedicalConditionReported", "2014", "confidential",
                "{\"condition\": \"name of the doctor who spoke to us\"}"));
        awaitProjection(caseId, 3);

        assertThat(status("viewer", "").get("health").get("knownConditions").toString())
                .doesNotContain("spine", "doctor");
        assertThat(status("monitor", "").get("health").get("knownConditions").toString())
                .contains("spine").doesNotContain("doctor");
        assertThat(status("admin", "").get("health").get("knownConditions").toString())
                .contains("spine", "doctor");
        assertThat(api.get("viewer", "/api/v1/cases/" + caseId + "/timeline").body()).doesNotContain("spine", "doctor");
        assertThat(api.get("auditor", "/api/v1/cases/" + caseId + "/timeline").body()).contains("spine").doesNotContain("doctor");
        assertThat(api.get("auditor", "/api/v1/cases/" + caseId + "/events").body()).contains("spine").doesNotContain("doctor");
        assertThat(status("viewer", "?asOf=2015").get("health").get("knownConditions").toString()).doesNotContain("spine");
    }

    @Test
    void givenContradictorySources_whenStatusIsRead_thenTheConflictsAreShownNotResolved() {
        String one = fact("PersonTransferred", "2013-10-05", "{\"toFacilityId\": \"" + karagandy + "\"}");
        String other = fact("PersonTransferred", "2013-10-05", "{\"toFacilityId\": \"" + pavlodar + "\"}");
        String death = fact("PersonDied", "2021-11-24", "{\"inCustody\": false}");
        String release = fact("PersonReleased", "2021-12-01", "{\"kind\": \"NON_CUSTODIAL_CONVERSION\"}");

        JsonNode conflicts = status("viewer", "?asOf=2022").get("conflicts");
        assertThat(conflicts.toString()).contains("CONCURRENT_TRANSFERS", one, other, "FACT_AFTER_DEATH", death, release);
    }

    @Test
    void givenCasesInSeveralScripts_whenSearched_thenCyrillicAndLatinFindTheSamePerson() {
        awaitProjection(caseId, 0);
        assertThat(api.get("viewer", "/api/v1/cases?q=Атабек&size=500").body()).contains(caseId);
        assertThat(api.get("viewer", "/api/v1/cases?q=aron%20atabek&size=500").body()).contains(caseId);
        assertThat(api.get("viewer", "/api/v1/cases?custodyState=nonsense").status()).isEqualTo(400);
    }

    /**
     * Axon's auto-configuration falls back to no transactions under Boot 4 (see AxonConfiguration): a reader could
     * then see a case's new status row before its new findings, and the replay comparison below failed now and then.
     */
    @Test
    void givenAxonsTransactionManager_whenABatchStartsOne_thenSpringSeesAnActualTransaction() {
        Transaction batch = axonTransactions.startTransaction();
        try {
            assertThat(TransactionSynchronizationManager.isActualTransactionActive()).isTrue();
        } finally {
            batch.rollback();
        }
    }

    /**
     * A replay computes each case once, when its last event goes by, however many of the processor's batches (100
     * events) its events span: recomputing a long case once a batch made a rebuild cost its length squared. A case
     * whose whole stream a batch holds is computed from the events delivered; a longer one from what the batches
     * before kept, so that no stream is read from the store again.
     */
    @Test
    void givenACaseLongerThanABatch_whenReplayed_thenEachCaseIsRecomputedOnce() {
        StringBuilder lines = new StringBuilder();
        LocalDate day = LocalDate.of(2005, 1, 3);
        for (int i = 0; i < 250; i++) {
            UUID from = i % 2 == 0 ? arkalyk : karagandy;
            UUID to = i % 2 == 0 ? karagandy : arkalyk;
            lines.append("{\"caseId\": \"").append(caseId).append("\", \"fact\": ")
                    .append(Requests.transfer(from, to, day.plusDays(i).toString()).replace('\n', ' ')).append("}\n");
        }
        Response imported = api.post("admin", "/api/v1/imports", lines.toString(), Map.of("Content-Type", "application/x-ndjson"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        String shortCase = api.post("monitor", "/api/v1/cases", Requests.atabek()).json().get("caseId").asString();
        awaitProjection(caseId, 250);
        awaitProjection(shortCase, 0);
        Projections.awaitCaughtUp(api, jdbc); // the counters below are the whole service's
        long cases = jdbc.sql("SELECT count(DISTINCT aggregateIdentifier) FROM domainevententry WHERE type = 'PrisonerCase'")
                .query(Long.class).single();
        double before = recomputed(null);
        double deliveredBefore = recomputed("delivered");
        double keptBefore = recomputed("kept");
        double readBefore = recomputed("read");

        assertThat(api.post("admin", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(202);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline) && (recomputed(null) - before < cases
                || api.get("admin", "/api/v1/admin/projections").body().contains("\"rebuilding\":true"))) {
            sleep();
        }
        sleep();
        assertThat(recomputed(null) - before).isEqualTo((double) cases);
        // the one-event case cannot be split between batches; the 250-fact one cannot fit in one
        assertThat(recomputed("delivered") - deliveredBefore).isGreaterThanOrEqualTo(1);
        assertThat(recomputed("kept") - keptBefore).isGreaterThanOrEqualTo(1);
        assertThat(recomputed("read") - readBefore).isZero();
    }

    /**
     * A live fact of a case the projection has just computed continues the stream it kept, and the result is the one
     * a read of the whole stream gives: the late transfer's as-of status is checked against the evaluation of a
     * fresh read.
     */
    @Test
    void givenACaseComputedBefore_whenItsNextFactLands_thenTheKeptStreamIsContinued() {
        awaitProjection(caseId, 0);
        fact("AdmittedToFacility", "2012-11", "{\"facilityId\": \"" + arkalyk + "\"}");
        awaitProjection(caseId, 1);
        double keptBefore = recomputed("kept");

        fact("PersonTransferred", "2013-10-05", "{\"fromFacilityId\": \"" + arkalyk + "\", \"toFacilityId\": \""
                + karagandy + "\", \"noticeGiven\": false}");
        awaitProjection(caseId, 2);

        assertThat(recomputed("kept") - keptBefore).isGreaterThanOrEqualTo(1);
        JsonNode projected = status("viewer", "");
        JsonNode read = status("viewer", "?asOf=" + Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(projected.get("facility").get("name").asString()).isEqualTo("Karagandy detention centre");
        // all but what moves with the clock (days in custody, waiting days) and the evaluation's own instants
        for (String field : List.of("version", "custodyState", "facility", "distanceFromHomeKm", "reportedTravelKm",
                "sentence", "regime", "familyContact", "conflicts", "openFlags")) {
            assertThat(projected.get(field)).as(field).isEqualTo(read.get(field));
        }
    }

    /**
     * A stored date may name the year 0000 (the API refuses dates before 1800 since, but a store may hold one from
     * before), and the findings on it reach the read model: a year the database could not take would have stopped the
     * projection for every case of its segment.
     */
    @Test
    void givenAFactDatedInTheYearZero_whenProjected_thenItsFindingIsStored() {
        CaseId id = CaseId.of(caseId);
        recorder.send(MONITOR, caseId, new RecordFact(id, null, new PersonTransferred(id, new FactId(UUID.randomUUID()),
                Occurrence.at("0000"), new Provenance(List.of(new Source(SourceKind.NGO_REPORT, "PEN International", null)),
                        null, Confidentiality.PUBLIC), new FacilityId(arkalyk), new FacilityId(karagandy), false, null, null, null,
                null)));
        awaitProjection(caseId, 1);
        assertThat(jdbc.sql("SELECT count(*) FROM case_finding WHERE case_id = :id AND clearance = 'PUBLIC'"
                + " AND start_at < '0001-01-01 AD'").param("id", UUID.fromString(caseId)).query(Long.class).single())
                .isPositive();
    }

    /**
     * A fact learned late that adds a finding at the head of the case's list (rule 68's detention notice comes first)
     * leaves the rows of the findings it does not change untouched: not written again, so each keeps the transaction
     * that wrote it. Stored by position, every later row moved one place and was written again; compared by a digest
     * that the service and PostgreSQL computed differently, every row would be written again too.
     */
    @Test
    void givenAFindingAddedAtTheHeadOfTheList_whenProjected_thenTheUnchangedFindingsAreNotRewritten() {
        recordAtabek();
        awaitProjection(caseId, 6);
        Map<String, String> before = findingRows();

        fact("PersonDetained", "2012-10-15", "{\"authority\": \"KNB\"}");
        awaitProjection(caseId, 7);
        Map<String, String> after = findingRows();

        assertThat(after.keySet()).as("a finding was added").anyMatch(row -> row.contains("MR68-DETENTION-NOTICE"))
                .hasSizeGreaterThan(before.size());
        List<String> unchanged = before.keySet().stream().filter(after::containsKey).toList();
        assertThat(unchanged).as("findings the detention does not change").hasSizeGreaterThanOrEqualTo(3)
                .as("one in Cyrillic: the service and PostgreSQL digest the same UTF-8").anyMatch(row -> row.contains("УК 161/12"));
        for (String row : unchanged) {
            assertThat(after.get(row)).as("the transaction that wrote " + row).isEqualTo(before.get(row));
        }
    }

    /**
     * A transfer learned late splits one stay and leaves the stays after it untouched: not written again, so each keeps
     * the transaction that wrote it. Numbered by position, every later stay moved one place and was written again.
     */
    @Test
    void givenATransferLearnedLate_whenProjected_thenTheLaterStaysAreNotRewritten() {
        recordAtabek();
        fact("PersonTransferred", "2015-01", "{\"fromFacilityId\": \"" + pavlodar + "\", \"toFacilityId\": \""
                + arkalyk + "\"}");
        awaitProjection(caseId, 7);
        Map<String, String> before = stayRows();

        fact("PersonTransferred", "2013-12", "{\"fromFacilityId\": \"" + karagandy + "\", \"toFacilityId\": \""
                + arkalyk + "\"}");
        awaitProjection(caseId, 8);
        Map<String, String> after = stayRows();

        assertThat(after).as("a stay was added").hasSize(before.size() + 1)
                .containsKey(arkalyk + "|2013-12|2014-03").containsKey(karagandy + "|2013-10-05|2013-12");
        List<String> later = List.of(pavlodar + "|2014-03|2015-01", arkalyk + "|2015-01");
        for (String row : later) {
            assertThat(after.get(row)).as("the transaction that wrote " + row).isNotNull().isEqualTo(before.get(row));
        }
    }

    /** The case's public stay rows (facility, since, until), each with the transaction that wrote it. */
    private Map<String, String> stayRows() {
        return writers("concat_ws('|', facility_id, since, until)", "facility_stay");
    }

    /** The case's public finding rows (where it began and the finding's JSON), each with the transaction that wrote it. */
    private Map<String, String> findingRows() {
        return writers("concat_ws('|', facility_id, country, finding::text)", "case_finding");
    }

    /** The case's public rows of a table, each as the given text, with the transaction that wrote it. */
    private Map<String, String> writers(String row, String table) {
        Map<String, String> rows = new HashMap<>();
        jdbc.sql("SELECT " + row + ", xmin::text FROM " + table + " WHERE case_id = :id AND clearance = 'PUBLIC'")
                .param("id", UUID.fromString(caseId))
                .query(rs -> {
                    rows.put(rs.getString(1), rs.getString(2));
                });
        return rows;
    }

    /** Cases the status projection recomputed on events, from delivered, kept or read streams, or all when null. */
    private double recomputed(String stream) {
        return meters.get("case_timeline.projection.cases").counters().stream()
                .filter(counter -> stream == null || stream.equals(counter.getId().getTag("stream")))
                .mapToDouble(Counter::count).sum();
    }

    @Test
    void givenALiveProjection_whenRebuiltByReplay_thenItsRowsAreTheSame() {
        recordAtabek();
        awaitProjection(caseId, 6);
        Projections.awaitCaughtUp(api, jdbc); // the rows below are every case's
        List<String> before = rows();

        Response replay = api.post("admin", "/api/v1/admin/projections/case-status/replay", "");
        assertThat(replay.status()).isEqualTo(202);
        assertThat(api.post("monitor", "/api/v1/admin/projections/case-status/replay", "").status()).isEqualTo(403);

        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        List<String> after = rows();
        while (!after.equals(before) && Instant.now().isBefore(deadline)) {
            sleep();
            after = rows();
        }
        assertThat(after).containsExactlyElementsOf(before);
        assertThat(api.get("admin", "/api/v1/admin/projections").body()).contains("case-status");
    }

    private List<String> rows() {
        List<String> rows = new ArrayList<>();
        rows.addAll(jdbc.sql("SELECT concat_ws('|', case_id, clearance, names_search, custody_state, facility_id, country,"
                + " version, evaluated_at, next_due_at, status::text) FROM case_status ORDER BY case_id, clearance")
                .query(String.class).list());
        rows.addAll(jdbc.sql("SELECT concat_ws('|', case_id, clearance, clearance_through, finding_key, rule_id, kind, severity, state, start_at,"
                + " end_at, facility_id, country, finding::text) FROM case_finding ORDER BY case_id, clearance, finding_key")
                .query(String.class).list());
        rows.addAll(jdbc.sql("SELECT concat_ws('|', case_id, clearance, stay_key, facility_id, since, until)"
                + " FROM facility_stay ORDER BY case_id, clearance, stay_key").query(String.class).list());
        return rows;
    }

    private static JsonNode find(JsonNode timeline, String eventId) {
        for (JsonNode entry : timeline) {
            if (entry.get("fact").get("eventId").asString().equals(eventId)) {
                return entry;
            }
        }
        throw new AssertionError("no fact " + eventId + " on the timeline");
    }
}
