package org.casetimeline.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * PostgreSQL is killed with SIGKILL under load and started again. Meanwhile the service answers 503 with
 * Retry-After as a problem document, never 500; afterwards it reconnects by itself, loses nothing, and its
 * projections resume. One run here; -Dreliability.repetitions=N for more.
 */
class DatabaseOutageIT {

    @Test
    void givenLoad_whenPostgresIsKilledAndRestarted_thenTheServiceSays503MeanwhileAndLosesNothing() throws Exception {
        Path directory = Cluster.freshDirectory("database-outage");
        try (TestPostgres postgres = new TestPostgres(directory.resolve("postgres"));
             ServiceProcess service = new ServiceProcess("service", postgres.jdbcUrl(), directory).start()) {
            List<String> cases = Cluster.registerCases(service.base(), 4);
            AppendLoad load = new AppendLoad(List.of(service.base()), cases);
            for (int run = 1; run <= Cluster.REPETITIONS; run++) {
                load.start(50);
                Thread.sleep(1000);
                postgres.kill();
                Thread.sleep(4000);
                postgres.start();
                Thread.sleep(3000);
                load.stop();
                load.retryUnacknowledged();
            }

            StoreAudit audit = StoreAudit.of(postgres.jdbcUrl(), load, cases);
            System.out.println(audit.report("SIGKILL of PostgreSQL", Cluster.REPETITIONS, load));
            assertThat(load.answers.get(503)).as("503s during the outage").isNotNull();
            audit.assertNothingLostOrDuplicated(load);
            Cluster.awaitProjected(postgres.jdbcUrl(), cases);
        }
    }
}
