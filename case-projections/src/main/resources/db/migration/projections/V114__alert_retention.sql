-- Alerts and their deliveries are kept for a configured time (case-timeline.alerts.retention), then deleted: without
-- it they grew for as long as the service ran. A delivery given up is dated, so that its age can be told; until now
-- it was only set to come due a century later.
ALTER TABLE webhook_delivery ADD COLUMN given_up_at TIMESTAMPTZ;
UPDATE webhook_delivery SET given_up_at = next_attempt_at - interval '36500 days'
WHERE delivered_at IS NULL AND next_attempt_at > now() + interval '50 years';

-- the retention's scan for old alerts, and its test for a remaining delivery (the key starts with alert_id)
CREATE INDEX finding_alert_created ON finding_alert (created_at);
