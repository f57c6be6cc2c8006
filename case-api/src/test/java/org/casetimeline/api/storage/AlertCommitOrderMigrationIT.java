package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;

import org.casetimeline.projections.alerts.AlertOutbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

// V106 orders alerts by the transaction that wrote them; alerts and cursors stored before it must keep their order and
// place, or a webhook would be sent every old alert again (or miss the next one).
class AlertCommitOrderMigrationIT {

    @Test
    void storedAlertsKeepTheirOrderAndACursorItsPlace(@TempDir Path directory) throws Exception {
        try (Migrations.Cluster cluster = Migrations.cluster(directory, "105")) {
            JdbcClient jdbc = cluster.jdbc();
            long first = alert(jdbc);
            long second = alert(jdbc);
            long third = alert(jdbc);
            jdbc.sql("INSERT INTO alert_cursor (name, alert_id) VALUES ('webhooks', ?)").params(second).update();

            cluster.migrate("latest");
            AlertOutbox outbox = new AlertOutbox(jdbc, JsonMapper.builder().build());
            long fourth = alert(jdbc);

            AlertOutbox.Position cursor = outbox.cursor("webhooks");
            assertThat(cursor.alertId()).isEqualTo(second);
            assertThat(outbox.after(cursor, 10).alerts()).extracting(AlertOutbox.Alert::alertId)
                    .containsExactly(third, fourth);
            assertThat(outbox.after(AlertOutbox.Position.START, 10).alerts()).extracting(AlertOutbox.Alert::alertId)
                    .containsExactly(first, second, third, fourth);
        }
    }

    private static long alert(JdbcClient jdbc) {
        return jdbc.sql("INSERT INTO finding_alert (case_id, clearance, change, rule_id, severity, finding, created_at)"
                        + " VALUES (?, 'PUBLIC', 'OPENED', 'MR59-DISTANCE', 'CONCERN', '{}', now()) RETURNING alert_id")
                .params(UUID.randomUUID()).query(Long.class).single();
    }
}
