package org.casetimeline.api.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Projections;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.event.FamilyNotNotified;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.event.SolitaryConfinementImposed;
import org.casetimeline.core.event.WhereaboutsUnknownReported;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.Source;
import org.casetimeline.core.shared.SourceKind;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.projections.status.CaseEvaluation;
import org.casetimeline.projections.status.CaseEvaluator;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusRows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A finding that neighbouring clearance levels see alike is stored once for all of them (V115): every level must still
 * read exactly its own evaluation, through a level left as a later evaluation stored it, a level that became hidden,
 * and a write that joins split rows again. Written through {@link CaseStatusRows} directly, for cases with no events,
 * so that the live projection leaves them alone.
 */
@EmbeddedServiceTest
class SharedFindingRowsIT {

    private static final Instant RECORDED = Instant.parse("2026-11-20T10:00:00Z");

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;
    @Autowired
    CaseStatusRows rows;
    @Autowired
    CaseEvaluator evaluator;
    @Autowired
    CaseStatusQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JsonMapper json;

    /** The cases written here have no events: a rebuild in another test would empty their rows and not restore them. */
    private final List<CaseId> written = new ArrayList<>();

    @AfterEach
    void removeTheCasesWritten() {
        for (String table : List.of("case_status", "case_finding", "facility_stay")) {
            jdbc.sql("DELETE FROM " + table + " WHERE case_id IN (:ids)")
                    .param("ids", written.stream().map(CaseId::value).toList()).update();
        }
    }

    @Test
    void givenLevelsThatDifferByASecretFactOrTwo_whenWritten_thenFindingsTheyShareAreStoredOnce_andEachLevelReadsItsOwn() {
        CaseId caseId = newCase();
        Timeline timeline = timeline(caseId, false);
        Instant now = Instant.parse("2026-11-21T00:00:00Z");

        writeEveryLevel(caseId, timeline, now);

        assertEachLevelReadsItsEvaluation(caseId, timeline, now, Set.of(Confidentiality.values()));
        assertThat(evaluate(caseId, timeline, Confidentiality.PUBLIC, now).findings())
                .as("the secret facts change findings, so the levels cannot simply share every row")
                .isNotEqualTo(evaluate(caseId, timeline, Confidentiality.CONFIDENTIAL, now).findings());
        long perLevel = findingsAtEveryLevel(caseId, timeline, now);
        assertThat(storedRows(caseId)).as("rows against findings counted once per level").isLessThan(perLevel).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM case_finding WHERE case_id = :id AND clearance = 'PUBLIC'"
                        + " AND clearance_through = 'CONFIDENTIAL'").param("id", caseId.value()).query(Long.class).single())
                .as("findings no secret fact touches serve all three levels in one row").isPositive();
    }

    /**
     * A later evaluation of the confidential level is stored (another writer's), so this write leaves that level alone
     * while it rewrites the two below; the rows the three shared must keep serving the confidential level as it was.
     */
    @Test
    void givenALevelWithALaterEvaluationStored_whenTheOthersAreWritten_thenItKeepsItsFindings_andALaterFullWriteJoinsTheRowsAgain() {
        CaseId caseId = newCase();
        Timeline timeline = timeline(caseId, false);
        Instant first = Instant.parse("2026-11-21T00:00:00Z");
        writeEveryLevel(caseId, timeline, first);

        // one more public fact: the two lower levels move on to a later version; the confidential level comes from a
        // writer that had not yet read its secret fact (an earlier version), so its stored row stands
        Timeline extended = timeline(caseId, true);
        Timeline shorter = Timeline.of(recordings(caseId, false).subList(0, 4), Map.of());
        Instant later = first.plusSeconds(3600);
        write(List.of(
                level(caseId, Confidentiality.PUBLIC, evaluate(caseId, extended, Confidentiality.PUBLIC, later)),
                level(caseId, Confidentiality.RESTRICTED, evaluate(caseId, extended, Confidentiality.RESTRICTED, later)),
                level(caseId, Confidentiality.CONFIDENTIAL, evaluate(caseId, shorter, Confidentiality.CONFIDENTIAL, later))), later);

        assertReads(caseId, Confidentiality.PUBLIC, evaluate(caseId, extended, Confidentiality.PUBLIC, later));
        assertReads(caseId, Confidentiality.RESTRICTED, evaluate(caseId, extended, Confidentiality.RESTRICTED, later));
        assertReads(caseId, Confidentiality.CONFIDENTIAL, evaluate(caseId, timeline, Confidentiality.CONFIDENTIAL, first));

        Instant last = later.plusSeconds(3600);
        writeEveryLevel(caseId, extended, last);
        assertEachLevelReadsItsEvaluation(caseId, extended, last, Set.of(Confidentiality.values()));
        CaseId fresh = newCase();
        writeEveryLevel(fresh, timeline(fresh, true), last);
        assertThat(rowShapes(caseId)).as("the rows a write from empty gives, level ranges included")
                .containsExactlyInAnyOrderElementsOf(rowShapes(fresh));
    }

    /**
     * The case is now hidden at the public level: only that level's part of the rows it shared goes, whether the
     * levels above are written in the same write or left as a later evaluation stored them.
     */
    @Test
    void givenALevelThatBecomesHidden_whenWritten_thenItReadsNothing_andTheLevelsAboveKeepTheirFindings() {
        CaseId caseId = newCase();
        Timeline timeline = timeline(caseId, false);
        Instant first = Instant.parse("2026-11-21T00:00:00Z");
        writeEveryLevel(caseId, timeline, first);

        Instant later = first.plusSeconds(60);
        Timeline shorter = Timeline.of(recordings(caseId, false).subList(0, 2), Map.of());
        List<CaseStatusRows.Level> olderAbove = new ArrayList<>(levels(caseId, shorter, later));
        olderAbove.set(0, level(caseId, Confidentiality.PUBLIC, null));
        write(olderAbove, later);

        assertThat(queries.findings(caseId.value(), Confidentiality.PUBLIC, false)).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM case_finding WHERE case_id = :id AND clearance = 'PUBLIC'")
                .param("id", caseId.value()).query(Long.class).single()).isZero();
        assertEachLevelReadsItsEvaluation(caseId, timeline, first, Set.of(Confidentiality.RESTRICTED, Confidentiality.CONFIDENTIAL));

        Instant last = later.plusSeconds(60);
        List<CaseStatusRows.Level> writtenAbove = new ArrayList<>(levels(caseId, timeline, last));
        writtenAbove.set(0, level(caseId, Confidentiality.PUBLIC, null));
        write(writtenAbove, last);
        assertThat(queries.findings(caseId.value(), Confidentiality.PUBLIC, false)).isEmpty();
        assertEachLevelReadsItsEvaluation(caseId, timeline, last, Set.of(Confidentiality.RESTRICTED, Confidentiality.CONFIDENTIAL));
    }

    /**
     * A case registered as restricted is hidden from public readers at every write; a write that changes nothing of its
     * findings must leave their rows as they were, not split and join them again.
     */
    @Test
    void givenACaseHiddenBelowItsLowestLevel_whenWrittenAgainUnchanged_thenNoFindingRowIsRewritten() {
        CaseId caseId = newCase();
        Timeline timeline = Timeline.of(recordings(caseId, false, Confidentiality.RESTRICTED), Map.of());
        Instant first = Instant.parse("2026-11-21T00:00:00Z");
        writeEveryLevel(caseId, timeline, first);
        List<String> before = rowWriters(caseId);

        write(levels(caseId, timeline, first), first.plusSeconds(60));

        assertThat(before).isNotEmpty();
        assertThat(rowWriters(caseId)).as("each row and the transaction that wrote it").containsExactlyInAnyOrderElementsOf(before);
        assertThat(queries.findings(caseId.value(), Confidentiality.PUBLIC, false)).isEmpty();
        assertEachLevelReadsItsEvaluation(caseId, timeline, first, Set.of(Confidentiality.RESTRICTED, Confidentiality.CONFIDENTIAL));
    }

    /** The counts and lists across cases read shared rows at every level as they read a level's own. */
    @Test
    void givenSharedRows_whenCountedAndListedAcrossCases_thenEachLevelCountsItsOwnFindings() {
        // counts across every case: another class's events still being projected would move them
        Projections.awaitCaughtUp(new ApiClient(port), jdbc);
        CaseId caseId = newCase();
        Timeline timeline = timeline(caseId, false);
        Instant now = Instant.parse("2026-11-21T00:00:00Z");
        Map<Confidentiality, long[]> before = new EnumMap<>(Confidentiality.class);
        for (Confidentiality level : Confidentiality.values()) {
            before.put(level, counts(level));
        }

        writeEveryLevel(caseId, timeline, now);

        for (Confidentiality level : Confidentiality.values()) {
            List<Finding> findings = evaluate(caseId, timeline, level, now).findings();
            long openCritical = findings.stream().filter(finding -> finding.state() == FindingState.OPEN
                    && finding.kind() != FindingKind.UNKNOWN && finding.severity() == Severity.CRITICAL).count();
            long separation = findings.stream().anyMatch(finding -> finding.ruleId().equals("MR112-SEPARATION")
                    && finding.state() == FindingState.OPEN) ? 1 : 0;
            long[] after = counts(level);
            assertThat(new long[] {after[0] - before.get(level)[0], after[1] - before.get(level)[1], after[2] - before.get(level)[2]})
                    .as("%s: open critical flags, cases with an open separation flag, findings listed", level)
                    .containsExactly(openCritical, separation, findings.size());
        }
    }

    /** Open critical flags, cases with an open MR112 flag, and every finding listed, at a level, across all cases. */
    private long[] counts(Confidentiality level) {
        return new long[] {queries.openFlags("CRITICAL", level), queries.casesFlagged("MR112-SEPARATION", level),
                queries.findings(new CaseStatusQueries.FindingFilter(null, null, null, null, null, null), level).total()};
    }

    /** Each finding row of the case with the transaction that wrote it. */
    private List<String> rowWriters(CaseId caseId) {
        return jdbc.sql("SELECT concat_ws('|', clearance, clearance_through, finding_key, xmin::text) FROM case_finding"
                + " WHERE case_id = :id").param("id", caseId.value()).query(String.class).list();
    }

    private void assertEachLevelReadsItsEvaluation(CaseId caseId, Timeline timeline, Instant now, Set<Confidentiality> levels) {
        for (Confidentiality level : levels) {
            assertReads(caseId, level, evaluate(caseId, timeline, level, now));
        }
    }

    private void assertReads(CaseId caseId, Confidentiality level, CaseEvaluation expected) {
        for (boolean gaps : List.of(false, true)) {
            List<JsonNode> stored = queries.findings(caseId.value(), level, gaps).orElseThrow().findings();
            List<JsonNode> evaluated = expected.findings().stream()
                    .filter(finding -> (finding.kind() == FindingKind.UNKNOWN) == gaps)
                    .map(finding -> json.readTree(json.writeValueAsString(finding))).toList();
            assertThat(stored).as("%s %s", level, gaps ? "gaps" : "flags").containsExactlyInAnyOrderElementsOf(evaluated);
        }
    }

    private long findingsAtEveryLevel(CaseId caseId, Timeline timeline, Instant now) {
        long count = 0;
        for (Confidentiality level : Confidentiality.values()) {
            count += evaluate(caseId, timeline, level, now).findings().size();
        }
        return count;
    }

    private long storedRows(CaseId caseId) {
        return jdbc.sql("SELECT count(*) FROM case_finding WHERE case_id = :id").param("id", caseId.value())
                .query(Long.class).single();
    }

    /** Each row's levels, key and content digest: what must not depend on the way the rows were reached. */
    private List<String> rowShapes(CaseId caseId) {
        return jdbc.sql("SELECT concat_ws('|', clearance, clearance_through, finding_key, encode(finding_digest, 'hex'))"
                + " FROM case_finding WHERE case_id = :id").param("id", caseId.value()).query(String.class).list();
    }

    private static CaseId newCase() {
        return CaseId.of(UUID.randomUUID().toString());
    }

    private static Timeline timeline(CaseId caseId, boolean noticeDenied) {
        return Timeline.of(recordings(caseId, noticeDenied), Map.of());
    }

    /** Every level of the case evaluated and written as of one instant, as the projection writes a case. */
    private void writeEveryLevel(CaseId caseId, Timeline timeline, Instant now) {
        write(levels(caseId, timeline, now), now);
    }

    private void write(List<CaseStatusRows.Level> levels, Instant now) {
        levels.forEach(level -> written.add(level.caseId()));
        new TransactionTemplate(transactions).executeWithoutResult(status -> rows.write(levels, now));
    }

    private List<CaseStatusRows.Level> levels(CaseId caseId, Timeline timeline, Instant now) {
        List<CaseStatusRows.Level> levels = new ArrayList<>();
        for (Confidentiality level : Confidentiality.values()) {
            // as the projection does: no evaluation where the case is hidden
            levels.add(level(caseId, level, timeline.visibleTo(level).registration().isEmpty() ? null
                    : evaluate(caseId, timeline, level, now)));
        }
        return levels;
    }

    private static CaseStatusRows.Level level(CaseId caseId, Confidentiality clearance, CaseEvaluation evaluation) {
        return new CaseStatusRows.Level(caseId, clearance, evaluation, false, null);
    }

    private CaseEvaluation evaluate(CaseId caseId, Timeline timeline, Confidentiality level, Instant now) {
        return evaluator.evaluate(caseId.toString(), timeline.visibleTo(level), now, null);
    }

    /**
     * A case held in solitary, with what happened to it known at the restricted and confidential levels only; with
     * {@code noticeDenied}, one more public fact. The facts' ids are the same in every case, so that two cases' findings
     * can be compared.
     */
    private static List<Recording> recordings(CaseId caseId, boolean noticeDenied) {
        return recordings(caseId, noticeDenied, Confidentiality.PUBLIC);
    }

    private static List<Recording> recordings(CaseId caseId, boolean noticeDenied, Confidentiality registered) {
        List<CaseEvent> events = new ArrayList<>(List.of(
                new PrisonerRegistered(caseId, fact(1), provenance(registered), List.of("Shared Rows"), 1960, null, null,
                        null, null, "his son", List.of()),
                new PersonDetained(caseId, fact(2), Occurrence.at("2013-01-10"), provenance(Confidentiality.PUBLIC), "police", null, null),
                new SolitaryConfinementImposed(caseId, fact(3), Occurrence.at("2013-02-01"), provenance(Confidentiality.PUBLIC),
                        "publication of a book", 730, false, null, null, null, true, true),
                new WhereaboutsUnknownReported(caseId, fact(4), Occurrence.at("2013-10"), provenance(Confidentiality.RESTRICTED), "his son"),
                new ConditionsReported(caseId, fact(5), Occurrence.at("2013-03-01"), provenance(Confidentiality.CONFIDENTIAL), false,
                        true, null, null, null, null, null, null, null, null, null, null, null, true, "cold cell, no window")));
        if (noticeDenied) {
            events.add(new FamilyNotNotified(caseId, fact(6), Occurrence.at("2013-02-02"), provenance(Confidentiality.PUBLIC),
                    NoticeSubject.DETENTION, false));
        }
        List<Recording> recordings = new ArrayList<>();
        for (CaseEvent event : events) {
            recordings.add(new Recording(event, recordings.size(), RECORDED, "monitor"));
        }
        return recordings;
    }

    private static Provenance provenance(Confidentiality level) {
        return new Provenance(List.of(new Source(SourceKind.NGO_REPORT, "PEN International", null)), null, level);
    }

    private static FactId fact(int n) {
        return new FactId(new UUID(0x5a, n));
    }
}
