package org.casetimeline.api.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.projections.status.FindingKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

// V107 keys stored findings by what they are instead of their position. The keys it gives rows stored before it must
// be the ones the projection computes, or the next refresh of every case would delete and write all its findings again
// (and, worse, keep stale rows beside fresh ones).
class FindingKeysMigrationIT {

    private static final UUID CASE_A = UUID.fromString("aaaaaaaa-0000-0000-0000-000000000000");
    private static final UUID CASE_B = UUID.fromString("bbbbbbbb-0000-0000-0000-000000000000");

    @Test
    void storedFindingsGetTheKeysTheProjectionComputes(@TempDir Path directory) throws Exception {
        // two findings of one rule and start (told apart by their ordinal), another rule at that start, a start before
        // the year 1 and one with a fraction of a second
        Instant october = Instant.parse("2013-10-05T00:00:00Z");
        List<Finding> caseA = List.of(
                finding("MR68-TRANSFER-NOTICE", Instant.parse("0000-06-01T00:00:00Z"), "a transfer in the year 0"),
                finding("MR68-TRANSFER-NOTICE", october, "the first transfer that day"),
                finding("MR68-TRANSFER-NOTICE", october, "the second transfer that day"),
                finding("MR59-DISTANCE", october, "far from home"),
                finding("MR59-DISTANCE", Instant.parse("2014-03-01T10:15:30.123456Z"), "farther still"),
                // below the microsecond, which PostgreSQL rounds: at a half, to an even microsecond, and up into the
                // next second
                finding("MR59-DISTANCE", Instant.parse("2014-03-02T00:00:00.000001500Z"), "a half"),
                finding("MR59-DISTANCE", Instant.parse("2014-03-03T00:00:00.000002500Z"), "another half"),
                finding("MR59-DISTANCE", Instant.parse("2014-03-04T00:00:00.999999700Z"), "almost a second"));
        List<Finding> caseB = List.of(finding("MR68-TRANSFER-NOTICE", october, "another person's transfer"));

        try (Migrations.Cluster cluster = Migrations.cluster(directory, "106")) {
            JdbcClient jdbc = cluster.jdbc();
            insert(jdbc, CASE_A, "PUBLIC", caseA);
            insert(jdbc, CASE_A, "RESTRICTED", caseA.subList(1, 3));
            insert(jdbc, CASE_B, "PUBLIC", caseB);

            cluster.migrate("latest");

            assertThat(keyed(jdbc, CASE_A, "PUBLIC")).isEqualTo(byKey(caseA)).containsOnlyKeys(
                    "MR68-TRANSFER-NOTICE@-62154086400000000#0",
                    "MR68-TRANSFER-NOTICE@1380931200000000#0",
                    "MR68-TRANSFER-NOTICE@1380931200000000#1",
                    "MR59-DISTANCE@1380931200000000#0",
                    "MR59-DISTANCE@1393668930123456#0",
                    "MR59-DISTANCE@" + FindingKeys.identity(caseA.get(5)).split("@")[1] + "#0",
                    "MR59-DISTANCE@" + FindingKeys.identity(caseA.get(6)).split("@")[1] + "#0",
                    "MR59-DISTANCE@1393891201000000#0");
            assertThat(keyed(jdbc, CASE_A, "RESTRICTED")).isEqualTo(byKey(caseA.subList(1, 3)));
            assertThat(keyed(jdbc, CASE_B, "PUBLIC")).isEqualTo(byKey(caseB));
        }
    }

    private static Finding finding(String ruleId, Instant start, String explanation) {
        return new Finding(ruleId, List.of("68"), FindingKind.FLAG, Severity.SERIOUS, FindingState.OPEN, start, null,
                "none", List.of(), false, false, explanation);
    }

    /** The findings at positions 0, 1, ... as releases before V107 stored them; the JSON holds only the explanation. */
    private static void insert(JdbcClient jdbc, UUID caseId, String clearance, List<Finding> findings) {
        for (int position = 0; position < findings.size(); position++) {
            Finding finding = findings.get(position);
            jdbc.sql("INSERT INTO case_finding (case_id, clearance, position, rule_id, kind, severity, state, start_at, finding)"
                            + " VALUES (?, ?, ?, ?, 'FLAG', 'SERIOUS', 'OPEN', CAST(? AS timestamptz), jsonb_build_object('explanation', ?))")
                    .params(caseId, clearance, position, finding.ruleId(), postgresText(finding.start()), finding.explanation())
                    .update();
        }
    }

    /** An instant as PostgreSQL reads it, years before 1 included (ISO's year 0 is 1 BC), with all nine digits. */
    private static String postgresText(Instant instant) {
        return instant.toString().startsWith("0000-") ? instant.toString().replaceFirst("^0000", "0001").replace("Z", "+00 BC")
                : instant.toString();
    }

    /** Each stored finding's explanation under its key. */
    private static Map<String, String> keyed(JdbcClient jdbc, UUID caseId, String clearance) {
        Map<String, String> keyed = new HashMap<>();
        jdbc.sql("SELECT finding_key, finding->>'explanation' FROM case_finding WHERE case_id = ? AND clearance = ?")
                .params(caseId, clearance)
                .query(rs -> {
                    keyed.put(rs.getString(1), rs.getString(2));
                });
        return keyed;
    }

    /** Each finding's explanation under the key the projection gives it. */
    private static Map<String, String> byKey(List<Finding> findings) {
        List<String> keys = FindingKeys.of(findings);
        Map<String, String> keyed = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            keyed.put(keys.get(i), findings.get(i).explanation());
        }
        return keyed;
    }
}
