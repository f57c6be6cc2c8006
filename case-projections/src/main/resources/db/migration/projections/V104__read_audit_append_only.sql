-- Who read what above public clearance is a trail: the service adds to it and never rewrites it (see V4).
REVOKE UPDATE, DELETE, TRUNCATE ON read_audit FROM case_timeline_service;
