package org.casetimeline.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.casetimeline.api.alerts.WebhookProperties.Webhook;
import org.casetimeline.core.shared.Confidentiality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A webhook that could never be posted to, or that two deliveries could be matched to, stops the service at start. */
class WebhookPropertiesTest {

    private static final String SECRET = "a-webhook-secret-of-some-length";

    @ParameterizedTest
    @ValueSource(strings = {"hooks.example.org/x", "ftp://hooks.example.org/x", "https://hooks.example.org/a b",
            "http:///no-host", "mailto:alerts@example.org"})
    void givenAUrlNoRequestCanBeBuiltFor_whenConfigured_thenTheServiceDoesNotStart(String url) {
        assertThatThrownBy(() -> new Webhook(url, SECRET, null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("absolute http or https");
    }

    @Test
    void givenOneUrlTwice_whenConfigured_thenRefusedAsAmbiguous() {
        Webhook publicHook = new Webhook("https://hooks.example.org/x", SECRET, Confidentiality.PUBLIC);
        Webhook confidentialHook = new Webhook("https://hooks.example.org/x", SECRET + "-2", Confidentiality.CONFIDENTIAL);
        assertThatThrownBy(() -> new WebhookProperties(List.of(publicHook, confidentialHook)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("configured twice");
    }

    @Test
    void givenHttpAndHttpsUrls_whenConfigured_thenAcceptedAtPublicUnlessSaidOtherwise() {
        WebhookProperties webhooks = new WebhookProperties(List.of(new Webhook("http://127.0.0.1:9000/hook", SECRET, null),
                new Webhook("HTTPS://hooks.example.org/x?key=1", SECRET, Confidentiality.RESTRICTED)));
        assertThat(webhooks.webhooks()).extracting(Webhook::clearance)
                .containsExactly(Confidentiality.PUBLIC, Confidentiality.RESTRICTED);
    }
}
