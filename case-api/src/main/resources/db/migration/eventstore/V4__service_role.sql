-- The service works as case_timeline_service (ServiceRoleConfiguration sets it on every pooled connection),
-- while these migrations run as the owner. The role may add to the record but never rewrite it: events, their
-- chain links and checkpoints take INSERT and SELECT only, so even a compromised service cannot alter history.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'case_timeline_service') THEN
        CREATE ROLE case_timeline_service NOLOGIN;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO case_timeline_service;
GRANT case_timeline_service TO CURRENT_USER;

-- tables the owner creates from here on (the read models) are the service's to write and rebuild
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO case_timeline_service;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO case_timeline_service;

GRANT SELECT, INSERT ON domainevententry, event_chain, chain_checkpoint TO case_timeline_service;
-- an idempotency claim is answered once (UPDATE) but never withdrawn
GRANT SELECT, INSERT, UPDATE ON idempotency_key TO case_timeline_service;
-- tracking tokens and snapshots are positions and caches, not evidence
GRANT SELECT, INSERT, UPDATE, DELETE ON tokenentry, snapshotevententry TO case_timeline_service;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO case_timeline_service;
