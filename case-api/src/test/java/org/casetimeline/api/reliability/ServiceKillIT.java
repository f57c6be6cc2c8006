package org.casetimeline.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The service is killed with SIGKILL during sustained appends (200 a second) and started again; the client
 * sends every unanswered request again with its Idempotency-Key. Nothing acknowledged may be missing, nothing
 * stored twice, no case's sequence may have a hole. One run here; -Dreliability.repetitions=20 for the full form.
 */
class ServiceKillIT {

    @Test
    void givenSustainedAppends_whenTheServiceIsKilledAndRestarted_thenNothingAcknowledgedIsLostOrDuplicated() throws Exception {
        Path directory = Cluster.freshDirectory("service-kill");
        try (TestPostgres postgres = new TestPostgres(directory.resolve("postgres"));
             ServiceProcess service = new ServiceProcess("service", postgres.jdbcUrl(), directory).start()) {
            List<String> cases = Cluster.registerCases(service.base(), 8);
            AppendLoad load = new AppendLoad(List.of(service.base()), cases);
            for (int run = 1; run <= Cluster.REPETITIONS; run++) {
                load.start(200);
                Thread.sleep(1500);
                service.kill();
                load.stop();
                service.start();
                load.retryUnacknowledged();
            }

            StoreAudit audit = StoreAudit.of(postgres.jdbcUrl(), load, cases);
            System.out.println(audit.report("SIGKILL of the service", Cluster.REPETITIONS, load));
            assertThat(load.failedConnections.get()).as("requests cut off by the kill").isPositive();
            audit.assertNothingLostOrDuplicated(load);
            assertThat(audit.events()).isEqualTo(cases.size() + load.sent());
        }
    }
}
