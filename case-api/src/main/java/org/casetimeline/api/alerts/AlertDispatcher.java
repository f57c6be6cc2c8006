package org.casetimeline.api.alerts;

import java.time.Clock;

import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves alerts from the outbox to their audiences: live to stream subscribers (from the moment they
 * subscribe), and into the webhook delivery record, whose cursor is stored so that a restart skips none.
 */
@Component
public class AlertDispatcher {

    static final String WEBHOOK_CURSOR = "webhooks";

    private final AlertOutbox outbox;
    private final AlertStream stream;
    private final WebhookProperties webhooks;
    private final Clock clock;
    private AlertOutbox.Position streamed;

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
        }
    }
}
