package org.casetimeline.api.alerts;

import java.time.Clock;
import java.time.Duration;

import org.casetimeline.projections.alerts.AlertOutbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes alerts and deliveries older than case-timeline.alerts.retention (a year by default). They are notices that
 * findings opened, not the record: the facts and their findings stay, and a rebuild raises no alerts again.
 */
@Component
public class AlertRetention {

    private static final Logger log = LoggerFactory.getLogger(AlertRetention.class);
    private static final int BATCH = 5_000;
    static final Duration SHORTEST = Duration.ofDays(7);

    private final AlertOutbox outbox;
    private final Clock clock;
    private final Duration retention;

    public AlertRetention(AlertOutbox outbox, Clock clock, @Value("${case-timeline.alerts.retention:P365D}") Duration retention) {
        // shorter, an alert could go before a dispatcher held back by a long transaction had read it, or a delivery
        // before the receiver had answered its retries
        if (retention.compareTo(SHORTEST) < 0) {
            throw new IllegalStateException("case-timeline.alerts.retention must be at least " + SHORTEST + ", not " + retention);
        }
        this.outbox = outbox;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(fixedDelayString = "${case-timeline.alerts.retention-interval:PT1H}",
            initialDelayString = "${case-timeline.alerts.retention-first-after:PT5M}")
    public AlertOutbox.Pruned prune() {
        AlertOutbox.Pruned pruned = outbox.prune(clock.instant().minus(retention), BATCH);
        if (pruned.deliveries() + pruned.alerts() > 0) {
            log.info("Alert retention ({}): deleted {} deliveries and {} alerts", retention, pruned.deliveries(), pruned.alerts());
        }
        return pruned;
    }
}
