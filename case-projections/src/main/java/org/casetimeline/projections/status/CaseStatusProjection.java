package org.casetimeline.projections.status;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.timeline.Placement;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.FindingChanges;
import org.casetimeline.projections.casefile.CaseFiles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps {@code case_status}, {@code case_finding} and {@code facility_stay} in step with the events. Any event
 * of a case re-reads that case's whole stream and recomputes it, never patching a field, so a fact that lands
 * late takes its place in occurrence order; applying an event twice changes nothing. One row set per clearance
 * level, each computed only from the facts visible at that level.
 */
@Component
@ProcessingGroup(CaseStatusProjection.NAME)
public class CaseStatusProjection {

    public static final String NAME = "case-status";
    private static final String DUE = CaseStatusProjection.class.getName() + ".due";

    private final CaseFiles files;
    private final CaseEvaluator evaluator;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AlertOutbox alerts;
    private final NamedParameterJdbcOperations rows;

    public CaseStatusProjection(CaseFiles files, CaseEvaluator evaluator, JdbcClient jdbc, JsonMapper json, Clock clock,
                                AlertOutbox alerts, NamedParameterJdbcOperations rows) {
        this.alerts = alerts;
        this.rows = rows;
        this.files = files;
        this.evaluator = evaluator;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * A replay rebuilds the rows without raising alerts again: they were raised when the facts first landed. The
     * case is recomputed once per batch of events, just before the batch commits, however many of its events the
     * batch holds (the processor's batch size decides how many; with one event a batch this is once per event).
     */
    @EventHandler
    void on(CaseEvent event, ReplayStatus replay, UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        Map<CaseId, Boolean> due = batch.getOrComputeResource(DUE, key -> {
            Map<CaseId, Boolean> cases = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> cases.forEach(this::refresh));
            return cases;
        });
        due.merge(event.caseId(), !replay.isReplay(), Boolean::logicalOr);
    }

    @ResetHandler
    void reset() {
        jdbc.sql("TRUNCATE case_status, case_finding, facility_stay").update();
    }

    /** Recomputes one case as of now; also what the scheduled re-evaluation calls for cases that fall due. */
    @Transactional
    public void refresh(CaseId caseId) {
        refresh(caseId, true);
    }

    private void refresh(CaseId caseId, boolean alert) {
        Optional<Timeline> file = files.open(caseId);
        if (file.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        for (Confidentiality clearance : Confidentiality.values()) {
            Timeline visible = file.get().visibleTo(clearance);
            if (visible.registration().isEmpty()) {
                delete(caseId, clearance);
            } else {
                write(caseId, clearance, evaluator.evaluate(caseId.toString(), visible, now, null), now, alert);
            }
        }
    }

    private void write(CaseId caseId, Confidentiality clearance, CaseEvaluation evaluation, Instant now, boolean alert) {
        CaseStatusView status = evaluation.status();
        String level = clearance.name();
        int written = jdbc.sql("""
                        INSERT INTO case_status (case_id, clearance, names_search, custody_state, facility_id, country,
                                                 version, evaluated_at, next_due_at, status)
                        VALUES (:id, :level, :names, :state, :facility, :country, :version, :evaluated, :due, CAST(:status AS jsonb))
                        ON CONFLICT (case_id, clearance) DO UPDATE SET names_search = EXCLUDED.names_search,
                            custody_state = EXCLUDED.custody_state, facility_id = EXCLUDED.facility_id,
                            country = EXCLUDED.country, version = EXCLUDED.version, evaluated_at = EXCLUDED.evaluated_at,
                            next_due_at = EXCLUDED.next_due_at, status = EXCLUDED.status
                        WHERE case_status.version < EXCLUDED.version
                           OR (case_status.version = EXCLUDED.version AND case_status.evaluated_at <= EXCLUDED.evaluated_at)""")
                .param("id", caseId.value()).param("level", level)
                .param("names", String.join(" | ", status.names()).toLowerCase(Locale.ROOT))
                .param("state", status.custodyState().name())
                .param("facility", status.facility() == null || status.facility().facilityId() == null ? null
                        : java.util.UUID.fromString(status.facility().facilityId()))
                .param("country", status.facility() == null ? null : status.facility().country())
                .param("version", status.version())
                .param("evaluated", Timestamp.from(now))
                .param("due", evaluation.nextDue() == null ? null : Timestamp.from(evaluation.nextDue()))
                .param("status", json.writeValueAsString(status))
                .update();
        if (written == 0) {
            return; // a newer evaluation of this case is already stored
        }
        List<Finding> findings = evaluation.findings();
        if (alert) {
            alerts.add(caseId.value(), clearance, FindingChanges.between(storedFindings(caseId, level), findings), now);
        }
        jdbc.sql("DELETE FROM case_finding WHERE case_id = :id AND clearance = :level")
                .param("id", caseId.value()).param("level", level).update();
        List<MapSqlParameterSource> findingRows = new ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            FacilityRegistered facility = evaluation.findingFacilities().get(i);
            findingRows.add(new MapSqlParameterSource()
                    .addValue("id", caseId.value()).addValue("level", level).addValue("position", i)
                    .addValue("rule", finding.ruleId()).addValue("kind", finding.kind().name())
                    .addValue("severity", finding.severity().name()).addValue("state", finding.state().name())
                    .addValue("start", Timestamp.from(finding.start()))
                    .addValue("end", finding.end() == null ? null : Timestamp.from(finding.end()), Types.TIMESTAMP)
                    .addValue("facility", facility == null ? null : facility.facilityId().value(), Types.OTHER)
                    .addValue("country", facility == null ? null : facility.country(), Types.VARCHAR)
                    .addValue("finding", json.writeValueAsString(finding)));
        }
        if (!findingRows.isEmpty()) {
            rows.batchUpdate("""
                    INSERT INTO case_finding (case_id, clearance, position, rule_id, kind, severity, state, start_at,
                                              end_at, facility_id, country, finding)
                    VALUES (:id, :level, :position, :rule, :kind, :severity, :state, :start, :end, :facility,
                            :country, CAST(:finding AS jsonb))""", findingRows.toArray(MapSqlParameterSource[]::new));
        }
        jdbc.sql("DELETE FROM facility_stay WHERE case_id = :id AND clearance = :level")
                .param("id", caseId.value()).param("level", level).update();
        List<Placement> stays = evaluation.stays();
        List<MapSqlParameterSource> stayRows = new ArrayList<>();
        for (int i = 0; i < stays.size(); i++) {
            Placement stay = stays.get(i);
            if (stay.inTransit()) {
                continue;
            }
            stayRows.add(new MapSqlParameterSource()
                    .addValue("id", caseId.value()).addValue("level", level).addValue("position", i)
                    .addValue("facility", stay.facilityId().value())
                    .addValue("since", stay.start().fact().occurred().at())
                    .addValue("until", stay.end() == null ? null : stay.end().fact().occurred().at(), Types.VARCHAR));
        }
        if (!stayRows.isEmpty()) {
            rows.batchUpdate("""
                    INSERT INTO facility_stay (case_id, clearance, position, facility_id, since, until)
                    VALUES (:id, :level, :position, :facility, :since, :until)""",
                    stayRows.toArray(MapSqlParameterSource[]::new));
        }
    }

    private List<Finding> storedFindings(CaseId caseId, String level) {
        return jdbc.sql("SELECT finding::text FROM case_finding WHERE case_id = :id AND clearance = :level ORDER BY position")
                .param("id", caseId.value()).param("level", level)
                .query(String.class).list().stream().map(text -> json.readValue(text, Finding.class)).toList();
    }

    private void delete(CaseId caseId, Confidentiality clearance) {
        for (String table : List.of("case_status", "case_finding", "facility_stay")) {
            jdbc.sql("DELETE FROM " + table + " WHERE case_id = :id AND clearance = :level")
                    .param("id", caseId.value()).param("level", clearance.name()).update();
        }
    }
}
