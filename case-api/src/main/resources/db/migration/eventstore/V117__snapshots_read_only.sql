-- No snapshots are taken, yet V4 let the service write them. Axon reads a case's latest snapshot before its events
-- whenever it loads the case, so a row written there would stand in for the case's state without an event or a chain
-- link to show for it. The service keeps reading the table (Axon asks it on every load) but may no longer write it;
-- a snapshotter, if one is ever configured, needs a migration that grants it back and says why.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON snapshotevententry FROM case_timeline_service;
