package org.casetimeline.projections.alerts;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.FindingChanges.FindingChange;
import org.casetimeline.projections.sql.TextColumns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The alert outbox and the webhook delivery record: written with the projection, read by the dispatchers. */
@Repository
public class AlertOutbox {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public AlertOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public record Alert(long alertId, String caseId, String clearance, String change, String ruleId, String severity,
                        JsonNode finding, Instant createdAt) {
    }

    /** A change of a case's findings at one clearance level, to be alerted. */
    public record Raised(UUID caseId, Confidentiality clearance, FindingChange change) {
    }

    public record Delivery(long alertId, String url, int attempts) {
    }

    /**
     * Stores the raised alerts in one statement, with the projection's rows, numbered in the order given;
     * {@code findingJson} turns a finding into the JSON stored (the projection's rows share it).
     */
    public void add(List<Raised> raised, Instant now, Function<Finding, String> findingJson) {
        if (raised.isEmpty()) {
            return;
        }
        TextColumns alerts = new TextColumns("case_id", "clearance", "change", "rule_id", "severity", "finding");
        raised.forEach(alert -> alerts.add(alert.caseId(), alert.clearance(), alert.change().change(),
                alert.change().finding().ruleId(), alert.change().finding().severity(), findingJson.apply(alert.change().finding())));
        jdbc.sql("""
                        INSERT INTO finding_alert (case_id, clearance, change, rule_id, severity, finding, created_at)
                        SELECT CAST(case_id AS uuid), clearance, change, rule_id, severity, CAST(finding AS jsonb), :now
                        FROM unnest(CAST(:case_id AS text[]), CAST(:clearance AS text[]), CAST(:change AS text[]),
                                    CAST(:rule_id AS text[]), CAST(:severity AS text[]), CAST(:finding AS text[]))
                             WITH ORDINALITY AS r(case_id, clearance, change, rule_id, severity, finding, n)
                        ORDER BY n""")
                .paramSource(alerts.parameters().addValue("now", Timestamp.from(now)))
                .update();
    }

    public List<Alert> after(long alertId, int limit) {
        return jdbc.sql("""
                        SELECT alert_id, case_id, clearance, change, rule_id, severity, finding::text, created_at
                        FROM finding_alert WHERE alert_id > :after ORDER BY alert_id LIMIT :limit""")
                .param("after", alertId).param("limit", limit)
                .query((rs, n) -> new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), json.readTree(rs.getString(7)),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The newest alert's id (0 when none): where a new live subscriber starts. */
    public long latest() {
        return jdbc.sql("SELECT coalesce(max(alert_id), 0) FROM finding_alert").query(Long.class).single();
    }

    /** A stored cursor; the first time, it starts at the newest alert and is stored, so later alerts all count. */
    public long cursor(String name) {
        return jdbc.sql("SELECT alert_id FROM alert_cursor WHERE name = :name").param("name", name)
                .query(Long.class).optional()
                .orElseGet(() -> {
                    long latest = latest();
                    moveCursor(name, latest);
                    return latest;
                });
    }

    public void moveCursor(String name, long alertId) {
        jdbc.sql("""
                        INSERT INTO alert_cursor (name, alert_id) VALUES (:name, :id)
                        ON CONFLICT (name) DO UPDATE SET alert_id = EXCLUDED.alert_id""")
                .param("name", name).param("id", alertId).update();
    }

    public void schedule(long alertId, String url, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_delivery (alert_id, url, next_attempt_at) VALUES (:id, :url, :now)
                        ON CONFLICT DO NOTHING""")
                .param("id", alertId).param("url", url).param("now", Timestamp.from(now)).update();
    }

    public List<Delivery> dueDeliveries(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT alert_id, url, attempts FROM webhook_delivery
                        WHERE delivered_at IS NULL AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    public Alert alert(long alertId) {
        return after(alertId - 1, 1).get(0);
    }

    public void delivered(Delivery delivery, int status, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, delivered_at = :now, last_status = :status,
                            last_error = NULL WHERE alert_id = :id AND url = :url""")
                .param("now", Timestamp.from(now)).param("status", status)
                .param("id", delivery.alertId()).param("url", delivery.url()).update();
    }

    public void failed(Delivery delivery, Integer status, String error, Instant retryAt) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = :retry, last_status = :status,
                            last_error = :error WHERE alert_id = :id AND url = :url""")
                .param("retry", Timestamp.from(retryAt)).param("status", status).param("error", error)
                .param("id", delivery.alertId()).param("url", delivery.url()).update();
    }

    public List<java.util.Map<String, Object>> deliveries() {
        return jdbc.sql("""
                        SELECT alert_id AS "alertId", url, attempts, delivered_at AS "deliveredAt", last_status AS "lastStatus",
                               last_error AS "lastError", next_attempt_at AS "nextAttemptAt"
                        FROM webhook_delivery ORDER BY alert_id DESC, url LIMIT 500""")
                .query().listOfRows();
    }
}
