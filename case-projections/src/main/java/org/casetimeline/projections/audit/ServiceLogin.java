package org.casetimeline.projections.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The database login the service works with, and whether it could rewrite history. The event store's tables grant
 * the service role INSERT and SELECT only (migration V4); that holds against a compromised service only if its login
 * holds no right to change them by other means: not the owner's role (which {@code RESET ROLE} returns a login that is
 * the owner to), not a superuser's, not a grant of its own or through another role.
 */
public final class ServiceLogin {

    /** The tables whose rows are the record and its proof. */
    private static final List<String> RECORD = List.of("domainevententry", "event_chain", "chain_checkpoint");

    private ServiceLogin() {
    }

    /**
     * Creates {@code login} as a member of {@code role}, or gives the login it was before a new password; run with the
     * owner's rights, in one transaction. The password is hashed before it is sent (SCRAM), so no log of the server
     * holds it. An existing role that holds more than that (a superuser, another membership) is refused, not demoted.
     */
    public static void grant(DataSource asOwner, String login, String password, String role) {
        try (Connection connection = asOwner.getConnection()) {
            connection.setAutoCommit(false);
            try {
                JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                Map<String, Object> names = Map.of("login", login, "role", role);
                if (jdbc.sql("SELECT count(*) FROM pg_roles WHERE rolname = :login").params(names).query(Long.class).single() == 0) {
                    execute(jdbc, "SELECT format('CREATE ROLE %I LOGIN', CAST(:login AS text))", names);
                } else {
                    requireOnlyTheServiceRole(jdbc, login, names);
                }
                execute(jdbc, "SELECT format('GRANT %I TO %I', CAST(:role AS text), CAST(:login AS text))", names);
                connection.unwrap(PGConnection.class).alterUserPassword(login, password.toCharArray(), "scram-sha-256");
                if (canRewrite(jdbc, "CAST(:login AS name)", names)) {
                    throw new IllegalStateException(login + " could still change the event store (a grant of its own or"
                            + " through another role); revoke it");
                }
                connection.commit();
            } catch (RuntimeException | SQLException e) {
                try {
                    connection.rollback();
                } catch (SQLException rollback) {
                    e.addSuppressed(rollback);
                }
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not set up the service's login: " + e.getSQLState(), e);
        }
    }

    /** Whether the login of {@code dataSource}'s connections could change the record; unknown (no store yet) counts. */
    public static boolean canRewriteHistory(DataSource dataSource) {
        return canRewrite(JdbcClient.create(dataSource), "session_user", Map.of());
    }

    private static void requireOnlyTheServiceRole(JdbcClient jdbc, String login, Map<String, Object> names) {
        List<String> more = jdbc.sql("""
                        SELECT 'superuser' FROM pg_roles WHERE rolname = :login AND rolsuper
                        UNION ALL SELECT 'creates roles' FROM pg_roles WHERE rolname = :login AND rolcreaterole
                        UNION ALL SELECT 'bypasses row security' FROM pg_roles WHERE rolname = :login AND rolbypassrls
                        UNION ALL SELECT 'replicates (reads every row past the grants)' FROM pg_roles
                            WHERE rolname = :login AND rolreplication
                        UNION ALL SELECT 'cannot log in' FROM pg_roles WHERE rolname = :login AND NOT rolcanlogin
                        UNION ALL SELECT DISTINCT 'member of ' || granted.rolname FROM pg_auth_members m
                            JOIN pg_roles member ON member.oid = m.member JOIN pg_roles granted ON granted.oid = m.roleid
                            WHERE member.rolname = :login AND granted.rolname <> :role""")
                .params(names).query(String.class).list();
        if (!more.isEmpty()) {
            throw new IllegalStateException("the role " + login + " exists and holds more than the service may: "
                    + String.join(", ", more) + "; name a login of the service's own");
        }
    }

    /**
     * Whether the login, or any role it may become (SET ROLE, inherited or not), is a superuser, owns a table of the
     * record or its schema (which can drop and recreate it), or holds UPDATE (of the table or a column), DELETE, TRUNCATE
     * or TRIGGER on one, as by its own grant or pg_write_all_data; true as well when the store's tables are not found.
     */
    private static boolean canRewrite(JdbcClient jdbc, String who, Map<String, Object> names) {
        List<Boolean> tables = jdbc.sql("SELECT EXISTS (SELECT 1 FROM pg_roles g WHERE pg_has_role(" + who + ", g.oid, 'MEMBER')"
                        + " AND (g.rolsuper OR g.oid IN (c.relowner, n.nspowner)"
                        + " OR has_table_privilege(g.oid, c.oid, 'UPDATE, DELETE, TRUNCATE, TRIGGER')"
                        + " OR has_any_column_privilege(g.oid, c.oid, 'UPDATE')))"
                        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE c.relname = ANY (CAST(:tables AS text[])) AND n.nspname = current_schema() AND c.relkind = 'r'")
                .params(names).param("tables", RECORD.toArray(String[]::new)).query(Boolean.class).list();
        return tables.size() < RECORD.size() || tables.contains(Boolean.TRUE);
    }

    private static void execute(JdbcClient jdbc, String formatting, Map<String, Object> names) {
        jdbc.sql(jdbc.sql(formatting).params(names).query(String.class).single()).update();
    }
}
