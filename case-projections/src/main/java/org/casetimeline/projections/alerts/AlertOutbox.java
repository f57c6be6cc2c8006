package org.casetimeline.projections.alerts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
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

    /**
     * An alert as subscribers and webhooks receive it. {@code kind} beside the severity: a critical data gap (UNKNOWN)
     * is a question to put to the authorities, not an established breach, and a receiver that filters on severity
     * alone must be able to tell.
     */
    public record Alert(long alertId, String caseId, String clearance, String change, String ruleId, String severity,
                        String kind, JsonNode finding, Instant createdAt) {
    }

    /** Alerts read in order, and the position to read on from (the last one's, or where the read began). */
    public record Page(List<Alert> alerts, Position next) {
    }

    /**
     * Where an alert stands in the order readers take alerts: the transaction that wrote it, then its id. Alerts are
     * read only once every transaction before theirs has finished, so none can later appear before a position read.
     */
    public record Position(long writtenBy, long alertId) {
        public static final Position START = new Position(0, 0);
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

    /**
     * The alerts after {@code position}, in order, up to {@code limit}: only those written by transactions older than
     * every one still running, so that an alert whose transaction commits later cannot fall behind a position read.
     * A transaction left open anywhere in the cluster holds alerts back until it ends; the service's own end within
     * case-timeline.database.transaction-timeout (30 s by default). Ordered by the xid8 column itself, which its index
     * holds in that order: a bare {@code written_by} would name the text output column, and as text 999 follows 1000.
     */
    public Page after(Position position, int limit) {
        List<Alert> alerts = new ArrayList<>();
        Position[] next = {position};
        jdbc.sql("""
                        SELECT alert_id, case_id, clearance, change, rule_id, severity, finding::text, created_at,
                               written_by::text AS writer
                        FROM finding_alert
                        WHERE (written_by, alert_id) > (CAST(:writtenBy AS xid8), :after)
                          AND written_by < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY finding_alert.written_by, alert_id LIMIT :limit""")
                .param("writtenBy", Long.toString(position.writtenBy())).param("after", position.alertId())
                .param("limit", limit)
                .query(rs -> {
                    alerts.add(alert(rs));
                    next[0] = new Position(Long.parseLong(rs.getString(9)), rs.getLong(1));
                });
        return new Page(alerts, next[0]);
    }

    private Alert alert(ResultSet rs) throws SQLException {
        JsonNode finding = json.readTree(rs.getString(7));
        return new Alert(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), finding.path("kind").asString(null), finding, rs.getTimestamp(8).toInstant());
    }

    /** The newest readable alert's position (the start when none): where a new live subscriber starts. */
    public Position latest() {
        return jdbc.sql("""
                        SELECT written_by::text AS writer, alert_id FROM finding_alert
                        WHERE written_by < pg_snapshot_xmin(pg_current_snapshot())
                        ORDER BY finding_alert.written_by DESC, alert_id DESC LIMIT 1""")
                .query((rs, n) -> new Position(Long.parseLong(rs.getString(1)), rs.getLong(2))).optional()
                .orElse(Position.START);
    }

    /**
     * Whether {@code position} names a transaction this cluster has not reached: transaction ids belong to one cluster's
     * history, and a logical copy (pg_dump and restore, logical replication) keeps the old ids in the alerts and
     * cursors while its own count starts again far below them. Until its count passes them, no alert is read after
     * such a cursor. A physical copy (pg_basebackup, a replica, pg_upgrade) keeps the history.
     */
    public boolean beyondThisCluster(Position position) {
        return jdbc.sql("SELECT CAST(:writtenBy AS xid8) >= pg_snapshot_xmax(pg_current_snapshot())")
                .param("writtenBy", Long.toString(position.writtenBy())).query(Boolean.class).single();
    }

    /** A stored cursor; the first time, it starts at the newest alert and is stored, so later alerts all count. */
    public Position cursor(String name) {
        return jdbc.sql("SELECT written_by::text, alert_id FROM alert_cursor WHERE name = :name").param("name", name)
                .query((rs, n) -> new Position(Long.parseLong(rs.getString(1)), rs.getLong(2))).optional()
                .orElseGet(() -> {
                    Position latest = latest();
                    moveCursor(name, latest);
                    return latest;
                });
    }

    public void moveCursor(String name, Position position) {
        jdbc.sql("""
                        INSERT INTO alert_cursor (name, written_by, alert_id) VALUES (:name, CAST(:writtenBy AS xid8), :id)
                        ON CONFLICT (name) DO UPDATE SET written_by = EXCLUDED.written_by, alert_id = EXCLUDED.alert_id""")
                .param("name", name).param("writtenBy", Long.toString(position.writtenBy()))
                .param("id", position.alertId()).update();
    }

    public void schedule(long alertId, String url, Instant now) {
        jdbc.sql("""
                        INSERT INTO webhook_delivery (alert_id, url, next_attempt_at) VALUES (:id, :url, :now)
                        ON CONFLICT DO NOTHING""")
                .param("id", alertId).param("url", url).param("now", Timestamp.from(now)).update();
    }

    /**
     * Claims up to {@code limit} due deliveries for this node until {@code leaseUntil}: their next attempt moves there,
     * so another node polling meanwhile skips them, and they come due again only if this node dies before recording
     * the attempt. Rows another node is claiming at that moment are skipped, not waited for.
     */
    public List<Delivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                        UPDATE webhook_delivery d SET next_attempt_at = :leaseUntil
                        FROM (SELECT alert_id, url FROM webhook_delivery
                              WHERE delivered_at IS NULL AND next_attempt_at <= :now
                              ORDER BY next_attempt_at LIMIT :limit FOR UPDATE SKIP LOCKED) due
                        WHERE d.alert_id = due.alert_id AND d.url = due.url
                        RETURNING d.alert_id, d.url, d.attempts""")
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil)).param("limit", limit)
                .query((rs, n) -> new Delivery(rs.getLong(1), rs.getString(2), rs.getInt(3))).list();
    }

    public Alert alert(long alertId) {
        return jdbc.sql("""
                                SELECT alert_id, case_id, clearance, change, rule_id, severity, finding::text, created_at
                        FROM finding_alert WHERE alert_id = :id""")
                .param("id", alertId).query((rs, n) -> alert(rs)).single();
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

    /** Recorded with its reason, for the admin's list, and dated for the retention; never due again. */
    public void gaveUp(Delivery delivery, Integer status, String reason, Instant now) {
        jdbc.sql("""
                        UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = :never, given_up_at = :now,
                            last_status = :status, last_error = :error WHERE alert_id = :id AND url = :url""")
                .param("never", Timestamp.from(now.plus(java.time.Duration.ofDays(36_500)))).param("now", Timestamp.from(now))
                .param("status", status).param("error", reason)
                .param("id", delivery.alertId()).param("url", delivery.url()).update();
    }

    /** What the retention deleted: deliveries ended (delivered or given up) before its date, and alerts. */
    public record Pruned(long deliveries, long alerts) {
    }

    /**
     * Deletes deliveries that ended (delivered or given up) before {@code before}, then alerts raised before it that
     * have no delivery left, in statements of {@code batch} rows so that none holds a large table's rows for long. An
     * alert a dispatcher has not yet scheduled goes too: the retention is days at least, and a notice that old is stale.
     */
    public Pruned prune(Instant before, int batch) {
        // a node of the release before V114 gives up without the date: dated as V114 dated those it found
        jdbc.sql("""
                        UPDATE webhook_delivery SET given_up_at = next_attempt_at - interval '36500 days'
                        WHERE given_up_at IS NULL AND delivered_at IS NULL AND next_attempt_at > now() + interval '50 years'""")
                .update();
        long deliveries = 0;
        long deleted;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM webhook_delivery WHERE ctid IN (
                                SELECT ctid FROM webhook_delivery WHERE delivered_at < :before
                                UNION ALL
                                SELECT ctid FROM webhook_delivery WHERE given_up_at < :before
                                LIMIT :batch)""")
                    .param("before", Timestamp.from(before)).param("batch", batch).update();
            deliveries += deleted;
        } while (deleted == batch);
        long alerts = 0;
        do {
            deleted = jdbc.sql("""
                            DELETE FROM finding_alert WHERE alert_id IN (
                                SELECT a.alert_id FROM finding_alert a
                                WHERE a.created_at < :before
                                  AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.alert_id = a.alert_id)
                                LIMIT :batch)""")
                    .param("before", Timestamp.from(before)).param("batch", batch).update();
            alerts += deleted;
        } while (deleted == batch);
        return new Pruned(deliveries, alerts);
    }

    /**
     * The latest deliveries of alerts at the given levels: an admin below an alert's level may not learn of it, nor
     * when or how often its webhook was called.
     */
    public List<java.util.Map<String, Object>> deliveries(java.util.Collection<String> levels) {
        return jdbc.sql("""
                        SELECT d.alert_id AS "alertId", d.url, d.attempts, d.delivered_at AS "deliveredAt",
                               d.last_status AS "lastStatus", d.last_error AS "lastError",
                               d.next_attempt_at AS "nextAttemptAt", d.given_up_at AS "givenUpAt"
                        FROM webhook_delivery d JOIN finding_alert a ON a.alert_id = d.alert_id
                        WHERE a.clearance IN (:levels)
                        ORDER BY d.alert_id DESC, d.url LIMIT 500""")
                .param("levels", levels).query().listOfRows();
    }
}
