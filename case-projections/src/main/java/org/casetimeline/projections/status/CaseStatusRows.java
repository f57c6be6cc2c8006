package org.casetimeline.projections.status;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.BiFunction;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.FindingChanges;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes evaluated cases into {@code case_status}, {@code case_finding} and {@code facility_stay}, and raises the
 * alerts their changed findings call for, all in the caller's transaction: the live projection's batch, or one
 * run of the scheduled re-evaluation.
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
     * Writes every evaluated level in a handful of batched statements, whatever the number of cases: the status
     * rows first; then, only where the status row was written (a newer evaluation may already be stored), the
     * alerts, and the findings and stays that differ from those stored. A case's findings mostly stay as they were
     * when a fact lands, so rewriting them all (three levels of tens of rows) was most of a refresh's cost.
     */
    public void write(List<Level> levels, Instant now) {
        // every writer takes the rows' locks in the order of case and level, so two writers never wait on each other
        // in a circle (the live projection and the scheduled re-evaluation write many cases a transaction)
        List<Level> evaluated = levels.stream()
                .sorted(Comparator.comparing((Level level) -> level.caseId().value()).thenComparing(Level::clearance))
                .toList();
        List<Level> hidden = evaluated.stream().filter(level -> level.evaluation() == null).toList();
        List<Level> visible = evaluated.stream().filter(level -> level.evaluation() != null).toList();
        for (String table : List.of("case_status", "case_finding", "facility_stay")) {
            batch("DELETE FROM " + table + " WHERE case_id = :id AND clearance = :level", hidden.stream().map(CaseStatusRows::key).toList());
        }
        int[] counts = batch("""
                        INSERT INTO case_status (case_id, clearance, names_search, custody_state, facility_id, country,
                                                 version, evaluated_at, next_due_at, status)
                        VALUES (:id, :level, :names, :state, :facility, :country, :version, :evaluated, :due, CAST(:status AS jsonb))
                        ON CONFLICT (case_id, clearance) DO UPDATE SET names_search = EXCLUDED.names_search,
                            custody_state = EXCLUDED.custody_state, facility_id = EXCLUDED.facility_id,
                            country = EXCLUDED.country, version = EXCLUDED.version, evaluated_at = EXCLUDED.evaluated_at,
                            next_due_at = EXCLUDED.next_due_at, status = EXCLUDED.status
                        WHERE case_status.version < EXCLUDED.version
                           OR (case_status.version = EXCLUDED.version AND case_status.evaluated_at <= EXCLUDED.evaluated_at)""",
                visible.stream().map(level -> statusRow(level, now)).toList());
        List<Level> written = new ArrayList<>();
        for (int i = 0; i < visible.size(); i++) {
            if (counts[i] != 0) { // 0: a newer evaluation of this case is already stored
                written.add(visible.get(i));
            }
        }
        if (written.isEmpty()) {
            return;
        }
        Map<String, List<FindingRow>> storedFindings = storedFindings(written);
        Map<String, List<StayRow>> storedStays = storedStays(written);
        List<AlertOutbox.Raised> raised = new ArrayList<>();
        Changes findings = new Changes();
        Changes stays = new Changes();
        for (Level level : written) {
            List<FindingRow> before = storedFindings.getOrDefault(level.name(), List.of());
            List<FindingRow> after = FindingRow.of(level.evaluation());
            if (level.alert()) {
                FindingChanges.between(before.stream().map(FindingRow::finding).toList(), level.evaluation().findings())
                        .forEach(change -> raised.add(new AlertOutbox.Raised(level.caseId().value(), level.clearance(), change)));
            }
            findings.diff(level, before, after, (row, position) -> findingRow(level, row, position));
            stays.diff(level, storedStays.getOrDefault(level.name(), List.of()), StayRow.of(level.evaluation()),
                    (row, position) -> key(level).addValue("position", position).addValue("facility", row.facilityId())
                            .addValue("since", row.since()).addValue("until", row.until(), Types.VARCHAR));
        }
        alerts.add(raised, now);
        batch("DELETE FROM case_finding WHERE case_id = :id AND clearance = :level AND position >= :from", findings.truncations);
        batch("""
                INSERT INTO case_finding (case_id, clearance, position, rule_id, kind, severity, state, start_at,
                                          end_at, facility_id, country, finding)
                VALUES (:id, :level, :position, :rule, :kind, :severity, :state, :start, :end, :facility,
                        :country, CAST(:finding AS jsonb))
                ON CONFLICT (case_id, clearance, position) DO UPDATE SET rule_id = EXCLUDED.rule_id, kind = EXCLUDED.kind,
                    severity = EXCLUDED.severity, state = EXCLUDED.state, start_at = EXCLUDED.start_at,
                    end_at = EXCLUDED.end_at, facility_id = EXCLUDED.facility_id, country = EXCLUDED.country,
                    finding = EXCLUDED.finding""", findings.upserts);
        batch("DELETE FROM facility_stay WHERE case_id = :id AND clearance = :level AND position >= :from", stays.truncations);
        batch("""
                INSERT INTO facility_stay (case_id, clearance, position, facility_id, since, until)
                VALUES (:id, :level, :position, :facility, :since, :until)
                ON CONFLICT (case_id, clearance, position) DO UPDATE SET facility_id = EXCLUDED.facility_id,
                    since = EXCLUDED.since, until = EXCLUDED.until""", stays.upserts);
    }

    private MapSqlParameterSource statusRow(Level level, Instant now) {
        CaseStatusView status = level.evaluation().status();
        CaseEvaluation evaluation = level.evaluation();
        return key(level)
                .addValue("names", String.join(" | ", status.names()).toLowerCase(Locale.ROOT))
                .addValue("state", status.custodyState().name())
                .addValue("facility", status.facility() == null || status.facility().facilityId() == null ? null
                        : UUID.fromString(status.facility().facilityId()), Types.OTHER)
                .addValue("country", status.facility() == null ? null : status.facility().country(), Types.VARCHAR)
                .addValue("version", status.version())
                .addValue("evaluated", Timestamp.from(now))
                .addValue("due", evaluation.nextDue() == null ? null : Timestamp.from(evaluation.nextDue()), Types.TIMESTAMP)
                .addValue("status", json.writeValueAsString(status));
    }

    private MapSqlParameterSource findingRow(Level level, FindingRow row, int position) {
        Finding finding = row.finding();
        FacilityRegistered facility = row.facility();
        return key(level).addValue("position", position)
                .addValue("rule", finding.ruleId()).addValue("kind", finding.kind().name())
                .addValue("severity", finding.severity().name()).addValue("state", finding.state().name())
                .addValue("start", Timestamp.from(finding.start()))
                .addValue("end", finding.end() == null ? null : Timestamp.from(finding.end()), Types.TIMESTAMP)
                .addValue("facility", facility == null ? null : facility.facilityId().value(), Types.OTHER)
                .addValue("country", facility == null ? null : facility.country(), Types.VARCHAR)
                .addValue("finding", json.writeValueAsString(finding));
    }

    /** The findings stored for these levels, by level, in position order. */
    private Map<String, List<FindingRow>> storedFindings(List<Level> levels) {
        Map<String, List<FindingRow>> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT case_id, clearance, facility_id, country, finding::text FROM case_finding WHERE case_id IN (:ids)
                        ORDER BY case_id, clearance, position""")
                .param("ids", caseIds(levels))
                .query(rs -> {
                    stored.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(new FindingRow(json.readValue(rs.getString(5), Finding.class), rs.getObject(3, UUID.class),
                                    rs.getString(4), null));
                });
        return stored;
    }

    /** The stays stored for these levels, by level, in position order. */
    private Map<String, List<StayRow>> storedStays(List<Level> levels) {
        Map<String, List<StayRow>> stored = new HashMap<>();
        jdbc.sql("""
                        SELECT case_id, clearance, facility_id, since, until FROM facility_stay WHERE case_id IN (:ids)
                        ORDER BY case_id, clearance, position""")
                .param("ids", caseIds(levels))
                .query(rs -> {
                    stored.computeIfAbsent(rs.getString(1) + "/" + rs.getString(2), k -> new ArrayList<>())
                            .add(new StayRow(rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5)));
                });
        return stored;
    }

    private static List<UUID> caseIds(List<Level> levels) {
        return levels.stream().map(level -> level.caseId().value()).distinct().toList();
    }

    private int[] batch(String sql, List<MapSqlParameterSource> batch) {
        return batch.isEmpty() ? new int[0] : rows.batchUpdate(sql, batch.toArray(MapSqlParameterSource[]::new));
    }

    private static MapSqlParameterSource key(Level level) {
        return new MapSqlParameterSource().addValue("id", level.caseId().value()).addValue("level", level.clearance().name());
    }

    /** One clearance level of a case as evaluated now; no evaluation when the case is hidden at that level. */
    public record Level(CaseId caseId, Confidentiality clearance, CaseEvaluation evaluation, boolean alert) {
        String name() {
            return caseId.value() + "/" + clearance.name();
        }
    }

    /** A finding row as compared with the stored one: the finding and where it began (the facility is not compared, its id and country are). */
    private record FindingRow(Finding finding, UUID facilityId, String country, FacilityRegistered facility) {
        static List<FindingRow> of(CaseEvaluation evaluation) {
            List<FindingRow> rows = new ArrayList<>();
            for (int i = 0; i < evaluation.findings().size(); i++) {
                FacilityRegistered facility = evaluation.findingFacilities().get(i);
                rows.add(new FindingRow(evaluation.findings().get(i), facility == null ? null : facility.facilityId().value(),
                        facility == null ? null : facility.country(), facility));
            }
            return rows;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FindingRow row && finding.equals(row.finding) && Objects.equals(facilityId, row.facilityId)
                    && Objects.equals(country, row.country);
        }

        @Override
        public int hashCode() {
            return Objects.hash(finding, facilityId, country);
        }
    }

    /** A stay in a facility (moves in transit are not stays), numbered from 0 in the order of the case's placements. */
    private record StayRow(UUID facilityId, String since, String until) {
        static List<StayRow> of(CaseEvaluation evaluation) {
            return evaluation.stays().stream().filter(stay -> !stay.inTransit())
                    .map(stay -> new StayRow(stay.facilityId().value(), stay.start().fact().occurred().at(),
                            stay.end() == null ? null : stay.end().fact().occurred().at()))
                    .toList();
        }
    }

    /** The rows to write for a set of levels: each position whose row differs from the stored one, and what to cut off. */
    private static final class Changes {
        final List<MapSqlParameterSource> upserts = new ArrayList<>();
        final List<MapSqlParameterSource> truncations = new ArrayList<>();

        <R> void diff(Level level, List<R> stored, List<R> fresh, BiFunction<R, Integer, MapSqlParameterSource> row) {
            for (int position = 0; position < fresh.size(); position++) {
                if (position >= stored.size() || !stored.get(position).equals(fresh.get(position))) {
                    upserts.add(row.apply(fresh.get(position), position));
                }
            }
            if (stored.size() > fresh.size()) {
                truncations.add(key(level).addValue("from", fresh.size()));
            }
        }
    }
}
