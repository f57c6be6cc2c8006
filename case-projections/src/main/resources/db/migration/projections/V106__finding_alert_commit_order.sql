-- Alerts are read in the order their transactions finished, not in the order of their ids. Ids are handed out when
-- a row is inserted, and two writers (the projection's two segments, the scheduled re-evaluation, another node)
-- commit in any order: a cursor on the id alone skipped an alert whose transaction committed after a later id had
-- been read. Each alert now names the transaction that wrote it; a reader takes only alerts of transactions older
-- than every one still running, in the order (transaction, id), so none can appear behind its cursor.
ALTER TABLE finding_alert ADD COLUMN written_by xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX finding_alert_commit_order ON finding_alert (written_by, alert_id);

-- Every alert stored before this release was written by this migration's transaction (the default above), so a
-- cursor at that transaction and its old id stands exactly where it stood.
ALTER TABLE alert_cursor ADD COLUMN written_by xid8;
UPDATE alert_cursor SET written_by = pg_current_xact_id();
ALTER TABLE alert_cursor ALTER COLUMN written_by SET NOT NULL;
