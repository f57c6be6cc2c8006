package org.casetimeline.api.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.casetimeline.api.support.EmbeddedServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded PostgreSQL keeps its server log in its data folder: what the server says after it has started (an
 * error, a deadlock it broke, a crash) used to go nowhere.
 */
@EmbeddedServiceTest
class ServerLogIT {

    @Autowired
    EmbeddedPostgres postgres;

    @Test
    void givenTheEmbeddedDefault_whenAStatementFails_thenTheServerLogBesideItsDataSaysSo() throws Exception {
        String marker = "marker_" + UUID.randomUUID().toString().replace('-', '_');
        Path log;
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            log = Path.of(single(statement, "SHOW data_directory")).resolve(single(statement, "SELECT pg_current_logfile()"));
            assertThatThrownBy(() -> statement.execute("SELECT 1 / 0 AS " + marker)).isInstanceOf(SQLException.class);
        }

        assertThat(log.getParent().getFileName()).hasToString("log");
        assertThat(log.getFileName().toString()).matches("postgresql-(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\\.log");
        long deadline = System.nanoTime() + 10_000_000_000L; // the logging collector writes on its own schedule
        while (!(Files.exists(log) && Files.readString(log).contains(marker)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(Files.readString(log)).contains("division by zero").contains(marker);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
