-- Alerts and their deliveries are kept for a configured time (case-timeline.alerts.retention), then deleted: without
-- it they grew for as long as the service ran. A delivery given up is dated, so that its age can be told; until now
-- it was only set to come due a century later (a node of the earlier release still does that during an upgrade; the
-- retention dates those rows the same way each time it runs).
ALTER TABLE webhook_delivery ADD COLUMN given_up_at TIMESTAMPTZ;
UPDATE webhook_delivery SET given_up_at = next_attempt_at - interval '36500 days'
WHERE delivered_at IS NULL AND next_attempt_at > now() + interval '50 years';

-- the retention's scans: alerts by age, deliveries by when they ended
CREATE INDEX finding_alert_created ON finding_alert (created_at);
CREATE INDEX webhook_delivery_delivered ON webhook_delivery (delivered_at) WHERE delivered_at IS NOT NULL;
CREATE INDEX webhook_delivery_given_up ON webhook_delivery (given_up_at) WHERE given_up_at IS NOT NULL;
