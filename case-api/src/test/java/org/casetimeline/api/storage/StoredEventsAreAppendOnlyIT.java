package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.casetimeline.api.support.ApiClient;
import org.casetimeline.api.support.EmbeddedServiceTest;
import org.casetimeline.api.support.Requests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The service's own database connections cannot rewrite history: the role they work as (migration V4) may
 * append to the event store, its chain and the read trail, and read them, but every UPDATE, DELETE or TRUNCATE
 * is refused by PostgreSQL itself; the snapshot table, which no one writes, it may only read (V117).
 */
@EmbeddedServiceTest
class StoredEventsAreAppendOnlyIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void recordSomething() {
        ApiClient api = new ApiClient(port);
        assertThat(api.post("monitor", "/api/v1/cases", Requests.atabek()).status()).isEqualTo(201);
    }

    @Test
    void theServiceWorksAsTheRestrictedRole() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo("case_timeline_service");
        assertThat(jdbc.sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").query(Boolean.class).single())
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "UPDATE domainevententry SET timeStamp = '2000-01-01T00:00:00Z'",
            "UPDATE domainevententry SET payload = payload WHERE sequenceNumber = 0",
            "DELETE FROM domainevententry",
            "TRUNCATE domainevententry",
            "UPDATE event_chain SET link = link",
            "DELETE FROM event_chain",
            "DELETE FROM chain_checkpoint",
            "DELETE FROM idempotency_key",
            "UPDATE read_audit SET reader = 'nobody'",
            "DELETE FROM read_audit",
            // Axon loads a case from its latest snapshot before its events: a written one would stand in for its state
            "INSERT INTO snapshotevententry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,"
                    + " payloadType, timeStamp) VALUES ('x', 0, 'Case', 'x', '\\x00', 'x', 'x')",
            "UPDATE snapshotevententry SET payload = payload",
            "DELETE FROM snapshotevententry",
            "ALTER TABLE domainevententry DISABLE TRIGGER ALL",
            "DROP TABLE domainevententry"})
    void rewritingTheRecordIsRefusedByTheDatabase(String statement) {
        long before = storedEvents();

        assertThatThrownBy(() -> jdbc.sql(statement).update())
                .isInstanceOf(DataAccessException.class)
                .rootCause().as(statement).hasMessageMatching("ERROR: (permission denied|must be owner) .*");

        assertThat(storedEvents()).isEqualTo(before);
    }

    @Test
    void readModelsStayTheServicesToRebuild() {
        // a positive control: the same role may rewrite what is derived, so the refusals above are about history
        assertThat(jdbc.sql("UPDATE case_status SET version = version").update()).isGreaterThanOrEqualTo(0);
    }

    private long storedEvents() {
        return jdbc.sql("SELECT count(*) FROM domainevententry").query(Long.class).single();
    }
}
