package org.casetimeline.api.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.casetimeline.core.shared.Confidentiality;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Webhooks that receive alerts ({@code case-timeline.webhooks[N].url/.secret/.clearance}). Each gets the alerts
 * computed from the facts its clearance may see (public unless configured), signed with its secret.
 */
@ConfigurationProperties("case-timeline")
public record WebhookProperties(List<Webhook> webhooks) {

    public WebhookProperties {
        webhooks = webhooks == null ? List.of() : List.copyOf(webhooks);
        // deliveries are matched to their webhook by url, so one url under two secrets or clearances is ambiguous
        Set<String> urls = new HashSet<>();
        for (Webhook webhook : webhooks) {
            if (!urls.add(webhook.url())) {
                throw new IllegalStateException("The webhook url " + webhook.url() + " is configured twice");
            }
        }
    }

    public record Webhook(String url, String secret, Confidentiality clearance) {

        public Webhook {
            if (url == null || secret == null || secret.length() < 16) {
                throw new IllegalStateException("A webhook needs a url and a secret of at least 16 characters");
            }
            if (!usable(url)) {
                throw new IllegalStateException("A webhook url must be an absolute http or https address: " + url);
            }
            if (clearance == null) {
                clearance = Confidentiality.PUBLIC;
            }
        }

        /** Whether a request can be built for it: checked at start, since a url that cannot be is no delivery. */
        private static boolean usable(String url) {
            try {
                URI uri = new URI(url);
                HttpRequest.newBuilder(uri);
                return ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))
                        && uri.getHost() != null;
            } catch (URISyntaxException | IllegalArgumentException e) {
                return false;
            }
        }
    }
}
