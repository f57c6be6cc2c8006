package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.projections.status.StayKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

// V109 keys stored stays by what they are instead of their position. The keys it gives rows stored before it must be
// the ones the projection computes, or the next refresh of every case would write its stays again beside stale ones.
class FacilityStayKeysMigrationIT {

    private static final UUID CASE_A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");
    private static final UUID CASE_B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");
    private static final UUID F1 = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID F2 = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID F3 = UUID.fromString("00000000-0000-0000-0000-000000000003");

    @Test
    void storedStaysGetTheKeysTheProjectionComputes(@TempDir Path directory) throws Exception {
        // dates of each precision, and two stays begun the same day (told apart by their ordinal, in placement order);
        // the facility ids run against the order, so keys given by facility instead of position would show
        List<String> sincesA = List.of("2010", "2011-03", "2013-10-05", "2013-10-05", "2013-10-05T14:30:00Z");
        List<UUID> facilitiesA = List.of(F3, F2, F1, F3, F2);

        try (Migrations.Cluster cluster = Migrations.cluster(directory, "108")) {
            JdbcClient jdbc = cluster.jdbc();
            insert(jdbc, CASE_A, "PUBLIC", sincesA, facilitiesA);
            insert(jdbc, CASE_A, "RESTRICTED", sincesA.subList(2, 4), facilitiesA.subList(2, 4));
            insert(jdbc, CASE_B, "PUBLIC", List.of("2013-10-05"), List.of(F1));

            cluster.migrate("latest");

            assertThat(keyed(jdbc, CASE_A, "PUBLIC")).isEqualTo(byKey(sincesA, facilitiesA)).containsOnlyKeys(
                    "2010#0", "2011-03#0", "2013-10-05#0", "2013-10-05#1", "2013-10-05T14:30:00Z#0");
            assertThat(keyed(jdbc, CASE_A, "PUBLIC").get("2013-10-05#1")).isEqualTo(F3);
            assertThat(keyed(jdbc, CASE_A, "RESTRICTED")).isEqualTo(byKey(sincesA.subList(2, 4), facilitiesA.subList(2, 4)));
            assertThat(keyed(jdbc, CASE_B, "PUBLIC")).isEqualTo(Map.of("2013-10-05#0", F1));
        }
    }

    /** The stays at positions 0, 1, ... as releases before V109 stored them. */
    private static void insert(JdbcClient jdbc, UUID caseId, String clearance, List<String> sinces, List<UUID> facilities) {
        for (int position = 0; position < sinces.size(); position++) {
            jdbc.sql("INSERT INTO facility_stay (case_id, clearance, position, facility_id, since) VALUES (?, ?, ?, ?, ?)")
                    .params(caseId, clearance, position, facilities.get(position), sinces.get(position))
                    .update();
        }
    }

    /** Each stored stay's facility under its key. */
    private static Map<String, UUID> keyed(JdbcClient jdbc, UUID caseId, String clearance) {
        Map<String, UUID> keyed = new HashMap<>();
        jdbc.sql("SELECT stay_key, facility_id FROM facility_stay WHERE case_id = ? AND clearance = ?")
                .params(caseId, clearance)
                .query(rs -> {
                    keyed.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return keyed;
    }

    /** Each stay's facility under the key the projection gives it. */
    private static Map<String, UUID> byKey(List<String> sinces, List<UUID> facilities) {
        List<String> keys = StayKeys.of(sinces);
        Map<String, UUID> keyed = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            keyed.put(keys.get(i), facilities.get(i));
        }
        return keyed;
    }
}
