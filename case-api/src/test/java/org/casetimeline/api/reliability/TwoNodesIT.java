package org.casetimeline.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Two service instances on one PostgreSQL take appends for the same cases; one is killed with SIGKILL
 * mid-run and started again. The store's uniqueness serialises appends to one case from both nodes (a
 * conflict is retried, never stored twice), processors hand their segments over through the token store,
 * and every read model ends equal to a rebuild of the same events on a single node.
 */
class TwoNodesIT {

    @Test
    void givenTwoNodes_whenOneIsKilledMidRun_thenNothingIsLostAndTheReadModelsEqualASingleNodeRebuild() throws Exception {
        Path directory = Cluster.freshDirectory("two-nodes");
        try (TestPostgres postgres = new TestPostgres(directory.resolve("postgres"));
             ServiceProcess first = new ServiceProcess("node-1", postgres.jdbcUrl(), directory).start();
             ServiceProcess second = new ServiceProcess("node-2", postgres.jdbcUrl(), directory).start()) {
            List<String> cases = Cluster.registerCases(first.base(), 12);
            AppendLoad load = new AppendLoad(List.of(first.base(), second.base()), cases);
            load.start(60);
            Thread.sleep(1500);
            first.kill();
            load.useNodes(List.of(second.base()));
            Thread.sleep(1000);
            load.stop();
            first.start();
            load.useNodes(List.of(first.base(), second.base()));
            load.retryUnacknowledged();
            load.start(60);
            Thread.sleep(1500);
            load.stop();
            load.retryUnacknowledged();

            StoreAudit audit = StoreAudit.of(postgres.jdbcUrl(), load, cases);
            System.out.println(audit.report("two nodes, one killed", 1, load));
            audit.assertNothingLostOrDuplicated(load);

            Cluster.awaitProjected(postgres.jdbcUrl(), cases);
            Map<String, String> live = checksums(postgres);

            first.kill(); // the rebuild runs on one node alone
            long head = head(postgres);
            for (String projection : List.of("case-status", "facilities")) {
                // the killed node's claim on a segment lapses only after the token store's claim timeout
                Cluster.await("the killed node's claim on " + projection + " to lapse", Duration.ofSeconds(60),
                        () -> Cluster.post(second.base(), "admin", "/api/v1/admin/projections/" + projection + "/replay")
                                .equals("202"));
            }
            Cluster.await("the rebuild on one node", Duration.ofSeconds(180), () -> caughtUp(second, head));
            assertThat(checksums(postgres)).isEqualTo(live);
        }
    }

    private static Map<String, String> checksums(TestPostgres postgres) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
            return StoreAudit.readModelChecksums(db);
        }
    }

    private static long head(TestPostgres postgres) throws Exception {
        try (Connection db = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "");
             var rows = db.createStatement().executeQuery("SELECT max(globalIndex) FROM domainevententry")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static boolean caughtUp(ServiceProcess node, long head) throws Exception {
        String projections = Cluster.get(node.base(), "admin", "/api/v1/admin/projections");
        Matcher position = Pattern.compile("\"running\":(true|false),\"rebuilding\":(true|false),\"position\":(-?\\d+)")
                .matcher(projections);
        int found = 0;
        while (position.find()) {
            found++;
            if (!position.group(1).equals("true") || Long.parseLong(position.group(3)) < head) {
                return false;
            }
        }
        return found == 2;
    }
}
