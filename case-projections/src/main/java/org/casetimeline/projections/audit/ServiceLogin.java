package org.casetimeline.projections.audit;

import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The database login the service works with, and whether it could rewrite history. The event store's tables grant
 * the service role INSERT and SELECT only (migration V4); that holds against a compromised service only if its login
 * cannot become the tables' owner, which {@code RESET ROLE} does for a login that is the owner.
 */
public final class ServiceLogin {

    private ServiceLogin() {
    }

    /**
     * Creates {@code login} or gives it a new password, as a member of {@code role} and of nothing more; run with the
     * owner's rights. Refused when the login could still become the owner of the event store.
     */
    public static void grant(DataSource asOwner, String login, String password, String role) {
        JdbcClient jdbc = JdbcClient.create(asOwner);
        Map<String, Object> names = new HashMap<>();
        names.put("login", login);
        names.put("password", password);
        names.put("role", role);
        // quoted by PostgreSQL itself (format %I, %L): a password may hold any character
        if (jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = :login").params(names).query(Long.class).single() == 0) {
            execute(jdbc, "SELECT format('CREATE ROLE %I LOGIN', CAST(:login AS text))", names);
        }
        execute(jdbc, "SELECT format('ALTER ROLE %I WITH LOGIN INHERIT NOSUPERUSER NOCREATEDB NOCREATEROLE"
                + " NOREPLICATION NOBYPASSRLS PASSWORD %L', CAST(:login AS text), CAST(:password AS text))", names);
        execute(jdbc, "SELECT format('GRANT %I TO %I', CAST(:role AS text), CAST(:login AS text))", names);
        if (canBecomeOwner(jdbc, "CAST(:login AS name)", names)) {
            throw new IllegalStateException(login + " is a member of the role that owns the event store, so it could"
                    + " rewrite history; revoke that membership");
        }
    }

    /** Whether the login of {@code dataSource}'s connections is a superuser or can become the event store's owner. */
    public static boolean canRewriteHistory(DataSource dataSource) {
        return canBecomeOwner(JdbcClient.create(dataSource), "session_user", Map.of());
    }

    private static boolean canBecomeOwner(JdbcClient jdbc, String who, Map<String, Object> names) {
        return Boolean.TRUE.equals(jdbc.sql("SELECT r.rolsuper OR pg_has_role(" + who + ", t.tableowner, 'MEMBER')"
                        + " FROM pg_tables t, pg_roles r WHERE t.tablename = 'domainevententry'"
                        + " AND t.schemaname = current_schema() AND r.rolname = " + who)
                .params(names).query(Boolean.class).optional().orElse(false));
    }

    private static void execute(JdbcClient jdbc, String formatting, Map<String, Object> names) {
        jdbc.sql(jdbc.sql(formatting).params(names).query(String.class).single()).update();
    }
}
