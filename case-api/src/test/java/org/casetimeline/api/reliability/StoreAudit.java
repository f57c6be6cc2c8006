package org.casetimeline.api.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the store holds after a run, read straight from PostgreSQL: acknowledged facts that are missing, requests
 * stored twice, holes in a case's sequence, and Idempotency-Keys not stored exactly once.
 */
record StoreAudit(int events, int lost, int duplicated, int holes, int keysNotStoredOnce) {

    private static final Pattern DEMANDS = Pattern.compile("\"demands\":\"(load-[^\"]+)\"");
    private static final Pattern FACT_ID = Pattern.compile("\"factId\":\"([^\"]+)\"");

    static StoreAudit of(String jdbcUrl, AppendLoad load, List<String> cases) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            Map<String, Integer> storedPerKey = new HashMap<>();
            Set<String> factIds = new java.util.HashSet<>();
            int events = 0;
            int holes = 0;
            try (PreparedStatement query = db.prepareStatement("SELECT aggregateIdentifier, sequenceNumber,"
                    + " convert_from(payload, 'UTF8') FROM domainevententry WHERE aggregateIdentifier = ANY (?)"
                    + " ORDER BY aggregateIdentifier, sequenceNumber")) {
                query.setArray(1, db.createArrayOf("varchar", cases.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    String caseId = null;
                    long expected = 0;
                    while (rows.next()) {
                        events++;
                        if (!rows.getString(1).equals(caseId)) {
                            caseId = rows.getString(1);
                            expected = 0;
                        }
                        if (rows.getLong(2) != expected) {
                            holes++;
                        }
                        expected = rows.getLong(2) + 1;
                        String payload = rows.getString(3);
                        Matcher key = DEMANDS.matcher(payload);
                        if (key.find()) {
                            storedPerKey.merge(key.group(1), 1, Integer::sum);
                        }
                        Matcher factId = FACT_ID.matcher(payload);
                        if (factId.find()) {
                            factIds.add(factId.group(1));
                        }
                    }
                }
            }
            int lost = 0;
            for (Map.Entry<String, String> ack : load.acknowledged.entrySet()) {
                if (!factIds.contains(ack.getValue()) || !storedPerKey.containsKey(ack.getKey())) {
                    lost++;
                }
            }
            int duplicated = (int) storedPerKey.values().stream().filter(count -> count > 1).count();
            Map<String, Integer> keys = new LinkedHashMap<>();
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT idempotency_key, count(*) FROM idempotency_key"
                         + " WHERE idempotency_key LIKE 'load-%' GROUP BY idempotency_key")) {
                while (rows.next()) {
                    keys.put(rows.getString(1), rows.getInt(2));
                }
            }
            int keysNotStoredOnce = 0;
            for (String key : load.acknowledged.keySet()) {
                if (keys.getOrDefault(key, 0) != 1) {
                    keysNotStoredOnce++;
                }
            }
            return new StoreAudit(events, lost, duplicated, holes, keysNotStoredOnce);
        }
    }

    /**
     * Every read-model table (all but the record, its trails, the alert outbox and what a rebuild keeps of the rows it
     * empties), checksummed over all rows.
     */
    static Map<String, String> readModelChecksums(Connection db) throws SQLException {
        Set<String> notReadModels = Set.of("domainevententry", "snapshotevententry", "tokenentry", "idempotency_key",
                "event_chain", "chain_checkpoint", "read_audit", "flyway_schema_history", "finding_alert",
                "webhook_delivery", "alert_cursor", "case_standing_at_reset");
        List<String> tables = new java.util.ArrayList<>();
        try (Statement statement = db.createStatement();
             ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            while (rows.next()) {
                if (!notReadModels.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        }
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement statement = db.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text,"
                         + " E'\\n' ORDER BY t::text)), '') FROM " + table + " t")) {
                rows.next();
                sums.put(table, rows.getString(1));
            }
        }
        return sums;
    }

    /** Whether the status projection has handled the last event of every case. */
    static boolean projected(String jdbcUrl, List<String> cases) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
             PreparedStatement query = db.prepareStatement("SELECT count(*) FROM (SELECT aggregateIdentifier,"
                     + " max(sequenceNumber) AS last FROM domainevententry WHERE aggregateIdentifier = ANY (?)"
                     + " GROUP BY aggregateIdentifier) e LEFT JOIN case_status s ON s.case_id::text = e.aggregateIdentifier"
                     + " AND s.clearance = 'CONFIDENTIAL' WHERE s.version IS NULL OR s.version < e.last")) {
            query.setArray(1, db.createArrayOf("varchar", cases.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        }
    }

    /** Every request answered and acknowledged, nothing lost, stored twice or out of sequence, and no 500. */
    StoreAudit assertNothingLostOrDuplicated(AppendLoad load) {
        assertThat(load.unexpected).as("answers other than 201 and 503").isEmpty();
        assertThat(load.acknowledged).hasSize(load.sent());
        assertThat(lost).as("acknowledged but missing").isZero();
        assertThat(duplicated).as("stored twice").isZero();
        assertThat(holes).as("holes in a case's sequence").isZero();
        assertThat(keysNotStoredOnce).as("keys not stored exactly once").isZero();
        return this;
    }

    String report(String what, int runs, AppendLoad load) {
        return "%s: runs %d, requests %d, acknowledged %d, retried after faults %d, events stored %d, lost %d, duplicated %d, sequence holes %d, keys not stored once %d, answers %s"
                .formatted(what, runs, load.sent(), load.acknowledged.size(), load.retried, events, lost, duplicated,
                        holes, keysNotStoredOnce, load.answers);
    }
}
