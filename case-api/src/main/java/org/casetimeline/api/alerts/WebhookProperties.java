package org.casetimeline.api.alerts;

import java.util.List;

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
    }

    public record Webhook(String url, String secret, Confidentiality clearance) {

        public Webhook {
            if (url == null || secret == null || secret.length() < 16) {
                throw new IllegalStateException("A webhook needs a url and a secret of at least 16 characters");
            }
            if (clearance == null) {
                clearance = Confidentiality.PUBLIC;
            }
        }
    }
}
