package org.casetimeline.api.alerts;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.casetimeline.api.alerts.WebhookProperties.Webhook;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.casetimeline.projections.alerts.AlertOutbox.Delivery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts due webhook deliveries, signed with HMAC-SHA256 over the exact body ({@code X-Case-Timeline-Signature:
 * sha256=<hex>}), and records each attempt. A failure is retried with exponential backoff (10 s doubling, then
 * hourly) up to {@value #MAX_ATTEMPTS} attempts, about three days: a receiver down over a weekend still gets
 * every alert. Each node claims the deliveries it sends, so two nodes never post the same one at once.
 */
@Component
public class WebhookSender {

    /** 9 attempts to reach the hourly backoff (about 1.4 hours), then hourly: 72 hours in all. */
    static final int MAX_ATTEMPTS = 80;
    /** Connecting, sending and reading the whole answer: a receiver that trickles its answer is cut off too. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(15);
    /** Deliveries claimed at a time: this many attempts at the longest fit well within the claim. */
    static final int CLAIMED_AT_ONCE = 10;
    static final Duration CLAIM = ATTEMPT_TIMEOUT.multipliedBy(CLAIMED_AT_ONCE * 2L);
    public static final String SIGNATURE_HEADER = "X-Case-Timeline-Signature";
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final AlertOutbox outbox;
    private final WebhookProperties webhooks;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public WebhookSender(AlertOutbox outbox, WebhookProperties webhooks, JsonMapper json, Clock clock) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.json = json;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${case-timeline.alerts.poll-interval:PT1S}")
    public synchronized void sendDue() {
        List<Delivery> claimed;
        do {
            claimed = outbox.claimDue(clock.instant(), clock.instant().plus(CLAIM), CLAIMED_AT_ONCE);
            for (Delivery delivery : claimed) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // shutting down: the rest of the claim comes due again when it lapses
                }
                attempt(delivery);
            }
        } while (claimed.size() == CLAIMED_AT_ONCE && !Thread.currentThread().isInterrupted());
    }

    private void attempt(Delivery delivery) {
        try {
            Alert alert = outbox.alert(delivery.alertId());
            Optional<Webhook> webhook = webhooks.webhooks().stream()
                    .filter(candidate -> candidate.url().equals(delivery.url())).findFirst();
            if (webhook.isEmpty()) {
                // another node may still have it (a rolling change of configuration): tried again later, given up only
                // when the attempts run out
                retry(delivery, null, "no webhook is configured at this url on this node; not sent");
            } else if (!Confidentiality.valueOf(alert.clearance()).visibleTo(webhook.get().clearance())) {
                // its clearance was lowered since the alert was scheduled: never sent above it
                retry(delivery, null, "the webhook's clearance is now " + webhook.get().clearance() + ", below the alert's "
                        + alert.clearance() + "; not sent");
            } else {
                send(delivery, alert, webhook.get().secret());
            }
        } catch (RuntimeException e) {
            // one delivery that cannot be attempted must not stop the others behind it
            log.error("Webhook delivery of alert {} to {} could not be attempted", delivery.alertId(), delivery.url(), e);
            try {
                retry(delivery, null, e.getClass().getSimpleName());
            } catch (RuntimeException recording) {
                // the database itself is failing: the claim lapses and the delivery comes due again
                log.error("Webhook delivery of alert {} could not be recorded", delivery.alertId(), recording);
            }
        }
    }

    private void send(Delivery delivery, Alert alert, String secret) {
        String body = json.writeValueAsString(alert);
        CompletableFuture<HttpResponse<Void>> answer = http.sendAsync(HttpRequest.newBuilder(URI.create(delivery.url()))
                .timeout(ATTEMPT_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("X-Case-Timeline-Alert", Long.toString(alert.alertId()))
                .header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.discarding());
        try {
            HttpResponse<Void> response = answer.get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(delivery, response.statusCode(), clock.instant());
            } else {
                retry(delivery, response.statusCode(), "HTTP " + response.statusCode());
            }
        } catch (TimeoutException e) {
            answer.cancel(true);
            retry(delivery, null, "no whole answer within " + ATTEMPT_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            retry(delivery, null, e.getCause() == null ? "failed" : e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            answer.cancel(true); // its claim lapses and it is sent again: delivery is at least once
            Thread.currentThread().interrupt();
        }
    }

    private void retry(Delivery delivery, Integer status, String error) {
        int attempt = delivery.attempts() + 1;
        if (attempt >= MAX_ATTEMPTS) {
            giveUp(delivery, status, error + "; gave up after " + attempt + " attempts");
            return;
        }
        outbox.failed(delivery, status, error,
                clock.instant().plus(Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempt - 1, 20)))));
    }

    /** Kept in the delivery record with its reason, for the admin's list; never attempted again. */
    private void giveUp(Delivery delivery, Integer status, String reason) {
        log.warn("Webhook delivery of alert {} to {} given up: {}", delivery.alertId(), delivery.url(), reason);
        outbox.gaveUp(delivery, status, reason, clock.instant());
    }

    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
