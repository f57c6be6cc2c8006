package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

// V105 rewrites facility_stay rows written by earlier releases, so it must be tried on such rows, not on empty tables.
class FacilityStayDensePositionsMigrationIT {

    private static final UUID CASE_A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");
    private static final UUID CASE_B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");
    // facility ids run against the positions, so ordering by facility instead of position would show
    private static final UUID F1 = UUID.fromString("00000000-0000-0000-0000-000000000009");
    private static final UUID F2 = UUID.fromString("00000000-0000-0000-0000-000000000008");
    private static final UUID F3 = UUID.fromString("00000000-0000-0000-0000-000000000007");
    private static final UUID F4 = UUID.fromString("00000000-0000-0000-0000-000000000006");

    record Stay(int position, UUID facility, String since) {
    }

    @Test
    void sparsePositionsAreRenumberedDenselyPerCaseAndLevelKeepingTheirOrder(@TempDir Path directory) throws Exception {
        try (Migrations.Cluster cluster = Migrations.cluster(directory, "104")) {
            JdbcClient jdbc = cluster.jdbc();

            insert(jdbc, CASE_A, "public", new Stay(0, F1, "2010"), new Stay(2, F2, "2011-03"), new Stay(5, F3, "2013-10-05"));
            insert(jdbc, CASE_A, "restricted", new Stay(1, F1, "2010"), new Stay(3, F3, "2013-10-05"));
            insert(jdbc, CASE_B, "public", new Stay(4, F4, "2015-06-01"));

            cluster.migrate("105"); // V109 keys stays instead of numbering them

            assertThat(stays(jdbc, CASE_A, "public"))
                    .containsExactly(new Stay(0, F1, "2010"), new Stay(1, F2, "2011-03"), new Stay(2, F3, "2013-10-05"));
            assertThat(stays(jdbc, CASE_A, "restricted"))
                    .containsExactly(new Stay(0, F1, "2010"), new Stay(1, F3, "2013-10-05"));
            assertThat(stays(jdbc, CASE_B, "public"))
                    .containsExactly(new Stay(0, F4, "2015-06-01"));
            assertThat(jdbc.sql("SELECT count(*) FROM facility_stay").query(Long.class).single()).isEqualTo(6);
        }
    }

    private static void insert(JdbcClient jdbc, UUID caseId, String clearance, Stay... stays) {
        for (Stay stay : stays) {
            jdbc.sql("INSERT INTO facility_stay (case_id, clearance, position, facility_id, since) VALUES (?, ?, ?, ?, ?)")
                    .params(caseId, clearance, stay.position(), stay.facility(), stay.since())
                    .update();
        }
    }

    private static List<Stay> stays(JdbcClient jdbc, UUID caseId, String clearance) {
        return jdbc.sql("SELECT position, facility_id, since FROM facility_stay WHERE case_id = ? AND clearance = ? ORDER BY position")
                .params(caseId, clearance)
                .query((row, n) -> new Stay(row.getInt("position"), row.getObject("facility_id", UUID.class), row.getString("since")))
                .list();
    }
}
