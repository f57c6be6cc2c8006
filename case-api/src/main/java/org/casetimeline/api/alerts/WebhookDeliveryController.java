package org.casetimeline.api.alerts;

import java.util.List;
import java.util.Map;

import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.alerts.AlertOutbox;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The webhook delivery record (ADMIN): every attempt's outcome, so a missed alert can be traced; of alerts at the
 * admin's clearance or below.
 */
@RestController
public class WebhookDeliveryController {

    private final AlertOutbox outbox;

    public WebhookDeliveryController(AlertOutbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/api/v1/admin/webhooks/deliveries")
    public List<Map<String, Object>> deliveries(Authentication authentication) {
        return outbox.deliveries(Confidentiality.namesVisibleTo(Reader.of(authentication).clearance()));
    }
}
