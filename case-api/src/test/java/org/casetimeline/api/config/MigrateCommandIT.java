package org.casetimeline.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.casetimeline.api.support.EmbeddedServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A deployment whose service logs in as the owner is append-only only until the service says RESET ROLE. Migrated by
 * MigrateCommand, the service's login is a member of the service role alone: it may append and rebuild read models,
 * and no statement it can send rewrites the event store.
 */
@EmbeddedServiceTest
class MigrateCommandIT {

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void givenAFreshDatabase_whenMigrated_thenTheServicesLoginCanAppendButNeitherRewriteNorBecomeTheOwner() {
        JdbcClient.create(postgres.getPostgresDatabase()).sql("CREATE DATABASE migrate_fresh").update();
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/migrate_fresh";
        Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", url, "SPRING_FLYWAY_USER", "postgres",
                "SPRING_FLYWAY_PASSWORD", "", "SPRING_DATASOURCE_USERNAME", "migrate_app",
                "SPRING_DATASOURCE_PASSWORD", "it's a 'quoted' secret");

        assertThat(run(environment)).isEqualTo("0: migrated");
        assertThat(run(environment)).as("run again, as a redeployment does").isEqualTo("0: migrated");

        try (SingleConnectionDataSource asService = new SingleConnectionDataSource(url, "migrate_app", "x", true)) {
            JdbcClient service = JdbcClient.create(asService);
            assertThat(service.sql("SELECT session_user").query(String.class).single()).isEqualTo("migrate_app");
            assertThat(service.sql("SELECT has_table_privilege('domainevententry', 'INSERT')"
                    + " AND has_table_privilege('case_status', 'UPDATE')").query(Boolean.class).single()).isTrue();
            for (String statement : new String[] {"RESET ROLE", "SET ROLE case_timeline_service"}) {
                service.sql(statement).update();
                assertThatThrownBy(() -> service.sql("DELETE FROM domainevententry").update()).as(statement)
                        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
                assertThatThrownBy(() -> service.sql("UPDATE event_chain SET link = link").update()).as(statement)
                        .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
            }
            service.sql("RESET ROLE").update();
            assertThatThrownBy(() -> service.sql("SET ROLE postgres").update()).isInstanceOf(DataAccessException.class)
                    .rootCause().hasMessageContaining("permission denied");
        }
        JdbcClient owner = JdbcClient.create(postgres.getDatabase("postgres", "migrate_fresh"));
        assertThat(owner.sql("SELECT rolpassword LIKE 'SCRAM-SHA-256$%' AND NOT rolsuper FROM pg_authid"
                + " WHERE rolname = 'migrate_app'").query(Boolean.class).single())
                .as("hashed before it was sent: no server log holds the password").isTrue();

        // a role that exists and holds more (here a member of the owner's role) is refused, not demoted nor used
        owner.sql("CREATE ROLE migrate_dba LOGIN IN ROLE pg_write_all_data").update();
        Map<String, String> dba = new java.util.HashMap<>(environment);
        dba.put("SPRING_DATASOURCE_USERNAME", "migrate_dba");
        assertThat(run(dba)).startsWith("1: ").contains("member of pg_write_all_data");
        assertThat(owner.sql("SELECT count(*) FROM pg_auth_members m JOIN pg_roles r ON r.oid = m.member"
                + " JOIN pg_roles g ON g.oid = m.roleid WHERE r.rolname = 'migrate_dba' AND g.rolname = 'case_timeline_service'")
                .query(Long.class).single()).as("nothing of the refused run stayed").isZero();

        // a grant that reaches every login (here to PUBLIC) would let the new one rewrite events: refused, and the
        // login it began to create is rolled back with the rest
        owner.sql("GRANT UPDATE (payload) ON domainevententry TO PUBLIC").update();
        try {
            Map<String, String> fresh = new java.util.HashMap<>(environment);
            fresh.put("SPRING_DATASOURCE_USERNAME", "migrate_new");
            assertThat(run(fresh)).startsWith("1: ").contains("could still change the event store");
            assertThat(owner.sql("SELECT count(*) FROM pg_roles WHERE rolname = 'migrate_new'").query(Long.class).single())
                    .isZero();
        } finally {
            owner.sql("REVOKE UPDATE (payload) ON domainevententry FROM PUBLIC").update();
        }
    }

    @Test
    void givenTheOwnersOwnLoginForTheService_whenMigrating_thenRefusedBeforeAnything() {
        Map<String, String> environment = Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:1/none",
                "SPRING_FLYWAY_USER", "postgres", "SPRING_FLYWAY_PASSWORD", "", "SPRING_DATASOURCE_USERNAME", "postgres",
                "SPRING_DATASOURCE_PASSWORD", "secret");
        assertThat(run(environment)).startsWith("2: ").contains("other than the owner's");
    }

    private static String run(Map<String, String> environment) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = MigrateCommand.run(environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String said = (out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8)).strip();
        return exit + ": " + (exit == 0 ? said.substring(0, said.indexOf(' ')) : said);
    }
}
