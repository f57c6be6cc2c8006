package org.casetimeline.projections.status;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.FindingChanges;
import org.casetimeline.projections.sql.TextColumns;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes evaluated cases into {@code case_status}, {@code case_finding} and {@code facility_stay}, and raises the
 * alerts their changed findings call for, all in the caller's transaction: the live projection's batch, or one
 * transaction of the scheduled re-evaluation (a hundred cases). Empties them for a rebuild.
 */
@Repository
public class CaseStatusRows {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations rows;
    private final JsonMapper json;
    private final AlertOutbox alerts;

    public CaseStatusRows(JdbcClient jdbc, NamedParameterJdbcOperations rows, JsonMapper json, AlertOutbox alerts) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.json = json;
        this.alerts = alerts;
    }

    /**
     * Writes every evaluated level in a handful of statements, whatever the number of cases: the status rows
     * first; then, only where the status row was written (a newer evaluation may already be stored), the alerts,
     * and the findings and stays that differ from those stored. A case's findings mostly stay as they were when a
     * fact lands, so rewriting them all (three levels of tens of rows) was most of a refresh's cost; findings are
     * matched by {@link FindingKeys key} (stays by {@link StayKeys theirs}), so one that comes or goes early in the list
     * leaves the later ones alone. A finding that neighbouring levels see alike is one row for all of them
     * ({@link FindingLevels}).
     * Each kind of row goes in one statement ({@link TextColumns}), and a value is turned into JSON once however many
     * levels and alerts carry it. Returns how many alerts it raised.
     */
    public int write(List<Level> levels, Instant now) {
        // the writers (the live projection, the scheduled re-evaluation, another node's) first lock their cases' status
        // rows in one order (lockComputed); the statements here then change rows already locked, or insert new ones in
        // the order of case and level (unnest hands the rows over in the order given). Should two still wait on each
        // other in a circle, PostgreSQL aborts one, whose batch or run is retried
        List<Level> evaluated = levels.stream()
                .sorted(Comparator.comparing((Level level) -> level.caseId().value()).thenComparing(Level::clearance))
                .toList();
        List<Level> hidden = evaluated.stream().filter(level -> level.evaluation() == null).toList();
        List<Level> visible = evaluated.stream().filter(level -> level.evaluation() != null).toList();
        // a finding row shared with a level now hidden is first split, so that only the hidden level's part goes
        TextColumns hiddenLevels = new TextColumns("case_id", "level");
        hidden.forEach(level -> hiddenLevels.add(level.caseId().value(), level.clearance()));
        splitByLevel(hiddenLevels);
        for (String table : List.of("case_status", "case_finding", "facility_stay")) {
            batch("DELETE FROM " + table + " WHERE case_id = :id AND clearance = :level", hidden.stream().map(CaseStatusRows::key).toList());
        }
        Map<Object, String> jsonOf = new IdentityHashMap<>();
        Map<String, WrittenStatus> written = writeStatus(visible, now, jsonOf);
        List<Level> writtenLevels = visible.stream().filter(level -> written.containsKey(level.name())).toList();
        if (writtenLevels.isEmpty()) {
            return 0;
        }
        // a level left as stored (a later evaluation of it is: another writer's, or the live rows a replay's restore
        // leaves alone) keeps its findings: rows it shares with the levels written are split first, so that those can be
        // rewritten alone
        Map<UUID, Set<Confidentiality>> settled = new HashMap<>();
        for (Level level : evaluated) {
            if (level.evaluation() == null || written.containsKey(level.name())) {
                settled.computeIfAbsent(level.caseId().value(), id -> EnumSet.noneOf(Confidentiality.class)).add(level.clearance());
            }
        }
        TextColumns leftAsStored = new TextColumns("case_id", "level");
        for (UUID caseId : caseIds(writtenLevels)) {
            EnumSet.complementOf(EnumSet.copyOf(settled.get(caseId))).forEach(level -> leftAsStored.add(caseId, level));
        }
        splitByLevel(leftAsStored);
        // a level's findings and stays are stored only beside its status row, so a level whose status row is new
        // (a new case, or any case in a rebuild) has none to read
        List<Level> rewritten = writtenLevels.stream().filter(level -> written.get(level.name()).replaced()).toList();
        Map<UUID, List<StoredFinding>> storedFindings = rewritten.isEmpty() ? Map.of() : storedFindings(rewritten);
        Map<String, Map<String, StayRow>> storedStays = rewritten.isEmpty() ? Map.of() : storedStays(rewritten);
        List<AlertOutbox.Raised> raised = new ArrayList<>();
        TextColumns findingRows = new TextColumns("case_id", "clearance", "clearance_through", "finding_key", "rule_id",
                "kind", "severity", "state", "start_at", "end_at", "facility_id", "country", "finding");
        TextColumns staleFindings = new TextColumns("case_id", "clearance", "finding_key");
        TextColumns stayRows = new TextColumns("case_id", "clearance", "stay_key", "facility_id", "since", "until");
        TextColumns staleStays = new TextColumns("case_id", "clearance", "stay_key");
        FindingDigests digests = new FindingDigests(finding -> json(jsonOf, finding));
        Map<UUID, Map<Confidentiality, Map<String, FindingRow>>> findingsOf = new LinkedHashMap<>();
        for (Level level : writtenLevels) {
            UUID caseId = level.caseId().value();
            Map<String, FindingRow> after = FindingRow.of(level.evaluation());
            findingsOf.computeIfAbsent(caseId, id -> new EnumMap<>(Confidentiality.class)).put(level.clearance(), after);
            // alerted: what changed since the stored rows; for replayed events, only what time alone changed since the
            // level was last evaluated before the reset, once it has fallen due
            Instant evaluatedBeforeReset = written.get(level.name()).evaluatedBeforeReset();
            List<FindingChanges.Standing> alertedSince = level.alert()
                    ? storedFindings.getOrDefault(caseId, List.of()).stream()
                            .filter(row -> row.levels().holds(level.clearance())).map(StoredFinding::standing).toList()
                    : evaluatedBeforeReset != null ? level.standingsAt().apply(evaluatedBeforeReset) : null;
            if (alertedSince != null) {
                FindingChanges.between(alertedSince, level.evaluation().findings(), FindingKeys::identity)
                        .forEach(change -> raised.add(new AlertOutbox.Raised(caseId, level.clearance(), change)));
            }
            // stays by their own key and compared whole, so only the stays that changed, came or went are written
            Map<String, StayRow> storedStaysOfLevel = storedStays.getOrDefault(level.name(), Map.of());
            Map<String, StayRow> stays = StayRow.of(level.evaluation());
            stays.forEach((key, row) -> {
                if (!row.equals(storedStaysOfLevel.get(key))) {
                    stayRows.add(caseId, level.clearance(), key, row.facilityId(), row.since(), row.until());
                }
            });
            storedStaysOfLevel.keySet().stream().filter(key -> !stays.containsKey(key))
                    .forEach(key -> staleStays.add(caseId, level.clearance(), key));
        }
        findingsOf.forEach((caseId, byLevel) -> {
            // rows are matched by their lowest level and key and compared by the digest of their JSON, so only the
            // findings that changed, came or went (or whose levels did) are written, and no stored JSON is read. The
            // rows of a level left as stored (split off above) are not compared
            Map<String, StoredFinding> stored = new HashMap<>();
            storedFindings.getOrDefault(caseId, List.of()).stream()
                    .filter(row -> row.levels().within(byLevel.keySet()))
                    .forEach(row -> stored.put(row.levels().lowest() + "/" + row.key(), row));
            Map<String, FindingLevels.Shared<FindingRow>> after = FindingLevels.shared(byLevel, FindingRow::sameAs);
            after.forEach((rowId, shared) -> {
                FindingRow row = shared.row();
                StoredFinding earlier = stored.get(rowId);
                if (earlier == null || !earlier.levels().equals(shared.levels())
                        || !row.sameAs(earlier, digests.of(row.finding()))) {
                    findingRows.add(caseId, shared.levels().lowest(), shared.levels().highest(), shared.key(),
                            row.finding().ruleId(), row.finding().kind(), row.finding().severity(), row.finding().state(),
                            row.finding().start(), row.finding().end(), row.facilityId(), row.country(),
                            json(jsonOf, row.finding()));
                }
            });
            stored.forEach((rowId, row) -> {
                if (!after.containsKey(rowId)) {
                    staleFindings.add(caseId, row.levels().lowest(), row.key());
                }
            });
        });
        alerts.add(raised, now, finding -> json(jsonOf, finding));
        deleteStale("case_finding", "finding_key", staleFindings);
        write("""
                INSERT INTO case_finding (case_id, clearance, clearance_through, finding_key, rule_id, kind, severity, state,
                                          start_at, end_at, facility_id, country, finding, finding_digest)
                SELECT CAST(case_id AS uuid), clearance, clearance_through, finding_key, rule_id, kind, severity, state,
                       CAST(start_at AS timestamptz), CAST(end_at AS timestamptz), CAST(facility_id AS uuid), country,
                       CAST(finding AS jsonb), sha256(convert_to(finding, 'UTF8'))
                FROM unnest(CAST(:case_id AS text[]), CAST(:clearance AS text[]), CAST(:clearance_through AS text[]),
                            CAST(:finding_key AS text[]), CAST(:rule_id AS text[]), CAST(:kind AS text[]),
                            CAST(:severity AS text[]), CAST(:state AS text[]), CAST(:start_at AS text[]),
                            CAST(:end_at AS text[]), CAST(:facility_id AS text[]), CAST(:country AS text[]),
                            CAST(:finding AS text[]))
                     AS r(case_id, clearance, clearance_through, finding_key, rule_id, kind, severity, state, start_at,
                          end_at, facility_id, country, finding)
                ON CONFLICT (case_id, clearance, finding_key) DO UPDATE SET clearance_through = EXCLUDED.clearance_through,
                    rule_id = EXCLUDED.rule_id, kind = EXCLUDED.kind, severity = EXCLUDED.severity, state = EXCLUDED.state,
                    start_at = EXCLUDED.start_at, end_at = EXCLUDED.end_at, facility_id = EXCLUDED.facility_id,
                    country = EXCLUDED.country, finding = EXCLUDED.finding, finding_digest = EXCLUDED.finding_digest""", findingRows);
        deleteStale("facility_stay", "stay_key", staleStays);
        write("""
                INSERT INTO facility_stay (case_id, clearance, stay_key, facility_id, since, until)
                SELECT CAST(case_id AS uuid), clearance, stay_key, CAST(facility_id AS uuid), since, until
                FROM unnest(CAST(:case_id AS text[]), CAST(:clearance AS text[]), CAST(:stay_key AS text[]),
                            CAST(:facility_id AS text[]), CAST(:since AS text[]), CAST(:until AS text[]))
                     AS r(case_id, clearance, stay_key, facility_id, since, until)
                ON CONFLICT (case_id, clearance, stay_key) DO UPDATE SET facility_id = EXCLUDED.facility_id,
                    since = EXCLUDED.since, until = EXCLUDED.until""", stayRows);
        return raised.size();
    }

    /**
     * Splits the finding rows that serve one of these levels of their case (each a case and a level: one now hidden, or
     * one this write leaves as stored) and other levels too, into one row a level, so that that level's part can go or
     * stay while the others are rewritten; the next write of all the case's levels joins them again. Rows that serve
     * none of them are left as they are, so a case hidden below its lowest stored level is not split at every write.
     */
    private void splitByLevel(TextColumns levels) {
        if (levels.isEmpty()) {
            return;
        }
        String shared = """
                f.case_id = ANY (CAST(:case_id AS uuid[])) AND f.clearance_through <> f.clearance
                AND EXISTS (SELECT 1 FROM unnest(CAST(:case_id AS text[]), CAST(:level AS text[])) AS d(case_id, level)
                            WHERE CAST(d.case_id AS uuid) = f.case_id
                              AND array_position(CAST(:order AS text[]), d.level)
                                  BETWEEN array_position(CAST(:order AS text[]), f.clearance)
                                      AND array_position(CAST(:order AS text[]), f.clearance_through))""";
        MapSqlParameterSource parameters = levels.parameters().addValue("order", FindingLevels.ORDER);
        jdbc.sql("""
                        INSERT INTO case_finding (case_id, clearance, clearance_through, finding_key, rule_id, kind, severity,
                                                  state, start_at, end_at, facility_id, country, finding, finding_digest)
                        SELECT f.case_id, l.level, l.level, f.finding_key, f.rule_id, f.kind, f.severity, f.state, f.start_at,
                               f.end_at, f.facility_id, f.country, f.finding, f.finding_digest
                        FROM case_finding f, unnest(CAST(:order AS text[])) WITH ORDINALITY AS l(level, rank)
                        WHERE l.rank > array_position(CAST(:order AS text[]), f.clearance)
                          AND l.rank <= array_position(CAST(:order AS text[]), f.clearance_through)
                        """ + " AND " + shared)
                .paramSource(parameters).update();
        jdbc.sql("UPDATE case_finding AS f SET clearance_through = f.clearance WHERE " + shared).paramSource(parameters).update();
    }

    /**
     * Empties the rows for a rebuild, first keeping how each level that time alone can change stood
     * ({@code case_standing_at_reset}): when it was evaluated, and when it fell or falls due. Cases an earlier rebuild
     * has not reached yet (no status row) keep the standing kept then.
     */
    public void reset() {
        // locked first, so a re-evaluation under way ends before the copy (its rows locked, see lockComputed): ending
        // between the copy and the TRUNCATE, it would leave standings older than the alerts it raised, and the rebuild
        // would raise them again
        jdbc.sql("LOCK TABLE case_status, case_finding, facility_stay IN ACCESS EXCLUSIVE MODE").update();
        jdbc.sql("DELETE FROM case_standing_at_reset AS kept USING case_status AS status WHERE kept.case_id = status.case_id")
                .update();
        jdbc.sql("""
                        INSERT INTO case_standing_at_reset (case_id, clearance, evaluated_at, next_due_at)
                        SELECT case_id, clearance, evaluated_at, next_due_at FROM case_status WHERE next_due_at IS NOT NULL""")
                .update();
        jdbc.sql("TRUNCATE case_status, case_finding, facility_stay").update();
    }

    /**
     * The key space of the re-evaluation's claims on cases (transaction-level advisory locks on two keys, this and the
     * case id's hash), apart from the appends' locks on the case id alone ({@code EventChain}): a claim holds back no
     * append.
     */
    private static final int REEVALUATION_CLAIMS = 0x5245_4556;

    /**
     * Of these cases, those this transaction takes for the scheduled re-evaluation, as {@link #lockComputed} gives
     * them: none that another re-evaluation holds (another node's finds the same cases due; it waited for the holder's
     * row locks and then recomputed the case again), and none that another has recomputed since they were found due,
     * which are no longer due at {@code now}. A claim never waits, so two runs leapfrog through the cases due instead
     * of queueing on each other; one held by the live projection is waited for, as before.
     */
    public Map<CaseId, Long> lockDue(Collection<CaseId> cases, Instant now) {
        if (cases.isEmpty()) {
            return Map.of();
        }
        Set<UUID> claimed = new HashSet<>(jdbc.sql("""
                        SELECT id FROM unnest(CAST(:ids AS uuid[])) AS id
                        WHERE pg_try_advisory_xact_lock(:claims, hashtext(id::text))""")
                .param("ids", cases.stream().map(CaseId::value).distinct().toArray(UUID[]::new))
                .param("claims", REEVALUATION_CLAIMS)
                .query(UUID.class).list());
        Map<CaseId, Long> computed = lockComputed(cases.stream().filter(caseId -> claimed.contains(caseId.value())).toList());
        if (computed.isEmpty()) {
            return computed;
        }
        Set<UUID> stillDue = new HashSet<>(jdbc.sql("""
                        SELECT DISTINCT case_id FROM case_status WHERE case_id IN (:ids) AND next_due_at <= :now""")
                .param("ids", computed.keySet().stream().map(CaseId::value).toList())
                .param("now", Timestamp.from(now))
                .query(UUID.class).list());
        computed.keySet().removeIf(caseId -> !stillDue.contains(caseId.value()));
        return computed;
    }

    /**
     * Of these cases, those with status rows, in the order given, each with the last event its rows were computed at
     * (the highest version of its levels: the level that sees every fact); their rows locked until the caller's
     * transaction ends (so that a {@link #reset()} waits for it).
     */
    public Map<CaseId, Long> lockComputed(Collection<CaseId> cases) {
        if (cases.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Long> computedUpTo = new HashMap<>();
        jdbc.sql("""
                        SELECT case_id, version FROM case_status WHERE case_id IN (:ids) ORDER BY case_id, clearance
                        FOR NO KEY UPDATE""")
                .param("ids", cases.stream().map(CaseId::value).distinct().toList())
                .query(rs -> {
                    computedUpTo.merge(rs.getObject(1, UUID.class), rs.getLong(2), Math::max);
                });
        Map<CaseId, Long> computed = new LinkedHashMap<>();
        cases.stream().filter(caseId -> computedUpTo.containsKey(caseId.value()))
                .forEach(caseId -> computed.put(caseId, computedUpTo.get(caseId.value())));
        return computed;
    }

    /**
     * Upserts the status rows, each unless the stored one is of a later version or a later evaluation of the same;
     * the levels whose row was written, by {@link Level#name()}, each with whether it replaced a stored row and, for a
     * replayed level whose row is the first since the reset, when it was evaluated before the reset if it has fallen
     * due since.
     */
    private Map<String, WrittenStatus> writeStatus(List<Level> visible, Instant now, Map<Object, String> jsonOf) {
        TextColumns statusRows = new TextColumns("case_id", "clearance", "names_search", "custody_state", "facility_id",
                "country", "version", "evaluated_at", "next_due_at", "status");
        for (Level level : visible) {
            CaseStatusView status = level.evaluation().status();
            CaseStatusView.Placement facility = status.facility();
            statusRows.add(level.caseId().value(), level.clearance(),
                    String.join(" | ", status.names()).toLowerCase(Locale.ROOT), status.custodyState(),
                    facility == null ? null : facility.facilityId(), facility == null ? null : facility.country(),
                    status.version(), now, level.evaluation().nextDue(), json(jsonOf, status));
        }
        Map<String, WrittenStatus> written = new HashMap<>();
        if (statusRows.isEmpty()) {
            return written;
        }
        // the standing kept at the reset is read (in the same statement) when the batch holds replayed levels, and
        // only for a row written the first time since the reset: a later write replaces it. It serves replayed
        // levels only; an alerting level compares with its stored rows
        boolean replayed = visible.stream().anyMatch(level -> level.standingsAt() != null);
        jdbc.sql("""
                        INSERT INTO case_status (case_id, clearance, names_search, custody_state, facility_id, country,
                                                 version, evaluated_at, next_due_at, status)
                        SELECT CAST(case_id AS uuid), clearance, names_search, custody_state, CAST(facility_id AS uuid),
                               country, CAST(version AS bigint), CAST(evaluated_at AS timestamptz),
                               CAST(next_due_at AS timestamptz), CAST(status AS jsonb)
                        FROM unnest(CAST(:case_id AS text[]), CAST(:clearance AS text[]), CAST(:names_search AS text[]),
                                    CAST(:custody_state AS text[]), CAST(:facility_id AS text[]), CAST(:country AS text[]),
                                    CAST(:version AS text[]), CAST(:evaluated_at AS text[]), CAST(:next_due_at AS text[]),
                                    CAST(:status AS text[]))
                             AS r(case_id, clearance, names_search, custody_state, facility_id, country, version,
                                  evaluated_at, next_due_at, status)
                        ON CONFLICT (case_id, clearance) DO UPDATE SET names_search = EXCLUDED.names_search,
                            custody_state = EXCLUDED.custody_state, facility_id = EXCLUDED.facility_id,
                            country = EXCLUDED.country, version = EXCLUDED.version, evaluated_at = EXCLUDED.evaluated_at,
                            next_due_at = EXCLUDED.next_due_at, status = EXCLUDED.status
                        WHERE case_status.version < EXCLUDED.version
                           OR (case_status.version = EXCLUDED.version AND case_status.evaluated_at <= EXCLUDED.evaluated_at)
                        RETURNING new.case_id, new.clearance, old.case_id IS NOT NULL,
                                  CASE WHEN :replayed AND old.case_id IS NULL THEN
                                      (SELECT kept.evaluated_at FROM case_standing_at_reset AS kept
                                       WHERE kept.case_id = new.case_id AND kept.clearance = new.clearance
                                         AND kept.next_due_at <= new.evaluated_at) END""")
                .paramSource(statusRows.parameters().addValue("replayed", replayed))
                .query(rs -> {
                    Timestamp evaluatedBeforeReset = rs.getTimestamp(4);
                    written.put(rs.getString(1) + "/" + rs.getString(2), new WrittenStatus(rs.getBoolean(3),
                            evaluatedBeforeReset == null ? null : evaluatedBeforeReset.toInstant()));
                });
        return written;
    }

    /** A value's JSON, written once however many rows and alerts carry it: levels that see the same facts share one evaluation. */
    private String json(Map<Object, String> jsonOf, Object value) {
        return jsonOf.computeIfAbsent(value, json::writeValueAsString);
    }

    /** The findings stored for these levels' cases, by case, in key order (so that reading them twice gives the same). */
    private Map<UUID, List<StoredFinding>> storedFindings(List<Level> levels) {
        Map<UUID, List<StoredFinding>> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT case_id, clearance, clearance_through, finding_key, facility_id, country,
                               encode(finding_digest, 'hex'), severity, kind, state
                        FROM case_finding WHERE case_id IN (:ids) ORDER BY case_id, finding_key, clearance""")
                .param("ids", caseIds(levels))
                .query(rs -> {
                    String key = rs.getString(4);
                    FindingChanges.Standing standing = new FindingChanges.Standing(FindingKeys.identity(key),
                            Severity.valueOf(rs.getString(8)), FindingKind.valueOf(rs.getString(9)),
                            FindingState.valueOf(rs.getString(10)) == FindingState.OPEN);
                    stored.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new StoredFinding(FindingLevels.Range.of(rs.getString(2), rs.getString(3)), key,
                                    rs.getString(7), rs.getObject(5, UUID.class), rs.getString(6), standing));
                });
        return stored;
    }

    /** The stays stored for these levels, by level, each under its {@link StayKeys key}. */
    private Map<String, Map<String, StayRow>> storedStays(List<Level> levels) {
        Map<String, Map<String, StayRow>> stored = new HashMap<>();
        jdbc.sql("SELECT case_id, clearance, stay_key, facility_id, since, until FROM facility_stay WHERE case_id IN (:ids)")
                .param("ids", caseIds(levels))
                .query(rs -> {
                    stored.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new HashMap<>())
                            .put(rs.getString(3), new StayRow(rs.getObject(4, UUID.class), rs.getString(5), rs.getString(6)));
                });
        return stored;
    }

    private static List<UUID> caseIds(List<Level> levels) {
        return levels.stream().map(level -> level.caseId().value()).distinct().toList();
    }

    private void batch(String sql, List<MapSqlParameterSource> batch) {
        if (!batch.isEmpty()) {
            rows.batchUpdate(sql, batch.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** Deletes the rows of a keyed table (findings, stays) named by case, level and key, in one statement. */
    private void deleteStale(String table, String keyColumn, TextColumns stale) {
        write("DELETE FROM " + table + " USING unnest(CAST(:case_id AS text[]), CAST(:clearance AS text[]), CAST(:"
                + keyColumn + " AS text[])) AS r(case_id, clearance, row_key) WHERE " + table + ".case_id = CAST(r.case_id AS uuid)"
                + " AND " + table + ".clearance = r.clearance AND " + table + "." + keyColumn + " = r.row_key", stale);
    }

    private void write(String sql, TextColumns changed) {
        if (!changed.isEmpty()) {
            jdbc.sql(sql).paramSource(changed.parameters()).update();
        }
    }

    private static MapSqlParameterSource key(Level level) {
        return new MapSqlParameterSource().addValue("id", level.caseId().value()).addValue("level", level.clearance().name());
    }

    /**
     * One clearance level of a case as evaluated now; no evaluation when the case is hidden at that level. With
     * {@code alert}, the findings that opened or escalated since the stored rows are alerted. Without (replayed
     * events), {@code standingsAt} gives the level's findings as of an earlier instant, so that those time alone
     * opened since the level was last evaluated before the reset are alerted once.
     */
    public record Level(CaseId caseId, Confidentiality clearance, CaseEvaluation evaluation, boolean alert,
                        Function<Instant, List<FindingChanges.Standing>> standingsAt) {
        String name() {
            return caseId.value() + "/" + clearance.name();
        }
    }

    /** A status row written: whether it replaced one, and when the level was evaluated before the reset, if it is due. */
    private record WrittenStatus(boolean replaced, Instant evaluatedBeforeReset) {
    }

    /** A finding as the projection now has it, with where it began. */
    private record FindingRow(Finding finding, UUID facilityId, String country) {
        /** The evaluation's findings by {@link FindingKeys key}, in the order the rules list them. */
        static Map<String, FindingRow> of(CaseEvaluation evaluation) {
            List<FindingRow> rows = new ArrayList<>();
            for (int i = 0; i < evaluation.findings().size(); i++) {
                FacilityRegistered facility = evaluation.findingFacilities().get(i);
                rows.add(new FindingRow(evaluation.findings().get(i), facility == null ? null : facility.facilityId().value(),
                        facility == null ? null : facility.country()));
            }
            return RowKeys.byKey(FindingKeys.of(evaluation.findings()), rows);
        }

        /** Whether the stored row says the same: the same JSON (by its digest), begun in the same facility and country. */
        boolean sameAs(StoredFinding stored, String digest) {
            return digest.equals(stored.digest()) && Objects.equals(facilityId, stored.facilityId())
                    && Objects.equals(country, stored.country());
        }

        /** Whether another level's row says the same, so that one stored row serves both. */
        boolean sameAs(FindingRow other) {
            return this == other || finding.equals(other.finding) && Objects.equals(facilityId, other.facilityId)
                    && Objects.equals(country, other.country);
        }
    }

    /**
     * A stored finding row as the comparison reads it: the levels it serves, its key, the digest of its JSON (null for
     * rows written before V108, which are then written once more), where it began, and how it stood for the alerts.
     */
    private record StoredFinding(FindingLevels.Range levels, String key, String digest, UUID facilityId, String country,
                                 FindingChanges.Standing standing) {
    }

    /** A stay in a facility (moves in transit are not stays). */
    private record StayRow(UUID facilityId, String since, String until) {
        /** The evaluation's stays by {@link StayKeys key}, in the order of the case's placements. */
        static Map<String, StayRow> of(CaseEvaluation evaluation) {
            List<StayRow> stays = evaluation.stays().stream().filter(stay -> !stay.inTransit())
                    .map(stay -> new StayRow(stay.facilityId().value(), stay.start().fact().occurred().at(),
                            stay.end() == null ? null : stay.end().fact().occurred().at()))
                    .toList();
            return RowKeys.byKey(StayKeys.of(stays.stream().map(StayRow::since).toList()), stays);
        }
    }
}
