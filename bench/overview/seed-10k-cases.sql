-- Copies one demo case's status and findings into 10,000 cases (per clearance level) of the case-status
-- projection, to time the dashboard overview at that size. For a throwaway database only: a later replay of
-- the projection removes these rows, since they have no events behind them.
INSERT INTO case_status (case_id, clearance, names_search, custody_state, facility_id, country, version, evaluated_at,
                         next_due_at, status)
SELECT ids.id, s.clearance, s.names_search || ' x' || ids.n, s.custody_state, s.facility_id, s.country, s.version,
       s.evaluated_at, s.next_due_at, s.status
FROM case_status s, (SELECT gen_random_uuid() AS id, n FROM generate_series(1, 9998) n) ids
WHERE s.case_id = '00000000-0000-4000-8000-0000000c0002';

-- a finding row serves the levels from its clearance through clearance_through, so it is copied once, beside the
-- status row of its lowest level
INSERT INTO case_finding (case_id, clearance, clearance_through, finding_key, rule_id, kind, severity, state, start_at,
                          end_at, facility_id, country, finding)
SELECT c.case_id, f.clearance, f.clearance_through, f.finding_key, f.rule_id, f.kind, f.severity, f.state, f.start_at,
       f.end_at, f.facility_id, f.country, f.finding
FROM case_status c
JOIN case_finding f ON f.clearance = c.clearance AND f.case_id = '00000000-0000-4000-8000-0000000c0002'
WHERE c.names_search LIKE '% x%';

ANALYZE;
