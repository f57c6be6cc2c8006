package org.casetimeline.api.alerts;

import java.time.Clock;

import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves alerts from the outbox to their audiences: live to stream subscribers (from the moment they
 * subscribe), and into the webhook delivery record, whose cursor is stored so that a restart skips none.
 */
@Component
public class AlertDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AlertDispatcher.class);

    static final String WEBHOOK_CURSOR = "webhooks";

    private final AlertOutbox outbox;
    private final AlertStream stream;
    private final WebhookProperties webhooks;
    private final Clock clock;
    private AlertOutbox.Position streamed;
    private AlertOutbox.Position checked;

    public AlertDispatcher(AlertOutbox outbox, AlertStream stream, WebhookProperties webhooks, Clock clock) {
        this.outbox = outbox;
        this.stream = stream;
        this.webhooks = webhooks;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${case-timeline.alerts.heartbeat-interval:PT30S}")
    public void heartbeat() {
        stream.heartbeat();
    }

    @Scheduled(fixedDelayString = "${case-timeline.alerts.poll-interval:PT1S}")
    public synchronized void dispatch() {
        if (streamed == null) {
            streamed = outbox.latest(); // subscribers get alerts from now on, not the backlog
        }
        AlertOutbox.Page fresh = outbox.after(streamed, 500);
        fresh.alerts().forEach(stream::publish);
        streamed = fresh.next();
        if (webhooks.webhooks().isEmpty()) {
            return;
        }
        AlertOutbox.Position cursor = outbox.cursor(WEBHOOK_CURSOR);
        AlertOutbox.Page pending = outbox.after(cursor, 500);
        for (Alert alert : pending.alerts()) {
            webhooks.webhooks().stream()
                    .filter(webhook -> webhook.clearance().name().equals(alert.clearance()))
                    .forEach(webhook -> outbox.schedule(alert.alertId(), webhook.url(), clock.instant()));
        }
        if (!pending.alerts().isEmpty()) {
            outbox.moveCursor(WEBHOOK_CURSOR, pending.next());
        } else if (!cursor.equals(checked)) {
            // nothing pending looks like a quiet service: checked once a cursor, so that a cursor no alert can follow
            // is said once, with what to do
            checked = cursor;
            if (outbox.beyondThisCluster(cursor)) {
                LOG.error("The webhook cursor stands at transaction {}, beyond every transaction of this database: it"
                        + " was copied logically (pg_dump and restore, logical replication) from another cluster, and no alert"
                        + " will reach the webhooks until this one's transactions pass it. Rebase the alerts and the cursor"
                        + " (README, \"Moving the database\").", cursor.writtenBy());
            }
        }
    }
}
