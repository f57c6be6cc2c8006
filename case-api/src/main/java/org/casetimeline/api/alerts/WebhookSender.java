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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.casetimeline.projections.alerts.AlertOutbox;
import org.casetimeline.projections.alerts.AlertOutbox.Alert;
import org.casetimeline.projections.alerts.AlertOutbox.Delivery;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Posts due webhook deliveries, signed with HMAC-SHA256 over the exact body ({@code X-Case-Timeline-Signature:
 * sha256=<hex>}), and records each attempt. A failure is retried with exponential backoff (10 s doubling, at
 * most an hour apart) up to {@value #MAX_ATTEMPTS} attempts.
 */
@Component
public class WebhookSender {

    static final int MAX_ATTEMPTS = 12;
    public static final String SIGNATURE_HEADER = "X-Case-Timeline-Signature";

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
        for (Delivery delivery : outbox.dueDeliveries(clock.instant(), 100)) {
            webhooks.webhooks().stream().filter(webhook -> webhook.url().equals(delivery.url())).findFirst()
                    .ifPresent(webhook -> send(delivery, webhook.secret()));
        }
    }

    private void send(Delivery delivery, String secret) {
        Alert alert = outbox.alert(delivery.alertId());
        String body = json.writeValueAsString(alert);
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("X-Case-Timeline-Alert", Long.toString(alert.alertId()))
                    .header(SIGNATURE_HEADER, "sha256=" + sign(secret, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 2) {
                outbox.delivered(delivery, response.statusCode(), clock.instant());
            } else {
                retry(delivery, response.statusCode(), "HTTP " + response.statusCode());
            }
        } catch (java.io.IOException e) {
            retry(delivery, null, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void retry(Delivery delivery, Integer status, String error) {
        int attempt = delivery.attempts() + 1;
        Duration backoff = attempt >= MAX_ATTEMPTS ? Duration.ofDays(36_500)
                : Duration.ofSeconds(Math.min(3600, 10L << Math.min(attempt - 1, 20)));
        outbox.failed(delivery, status, attempt >= MAX_ATTEMPTS ? error + "; gave up" : error, clock.instant().plus(backoff));
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
