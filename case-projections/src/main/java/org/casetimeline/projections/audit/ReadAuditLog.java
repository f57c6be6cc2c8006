package org.casetimeline.projections.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The trail of reads of restricted and confidential facts: who, with what clearance, which case (none for a read
 * across cases), what, when.
 */
@Repository
public class ReadAuditLog {

    private final JdbcClient jdbc;

    public ReadAuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String reader, String clearance, UUID caseId, String what, Instant at) {
        jdbc.sql("""
                        INSERT INTO read_audit (reader, clearance, case_id, what, read_at)
                        VALUES (:reader, :clearance, :case, :what, :at)""")
                .param("reader", reader).param("clearance", clearance).param("case", caseId).param("what", what)
                .param("at", Timestamp.from(at)).update();
    }

    /**
     * Newest first: those of one case, or with {@code acrossCases} those that read many cases at once (any of which may
     * have shown it), or all; optionally of one reader.
     */
    public List<Map<String, Object>> reads(UUID caseId, boolean acrossCases, String reader, int limit) {
        return jdbc.sql("""
                        SELECT read_id AS "readId", reader, clearance, case_id AS "caseId", what, read_at AS "readAt"
                        FROM read_audit
                        WHERE (CAST(:case AS uuid) IS NULL OR case_id = :case) AND (NOT :across OR case_id IS NULL)
                          AND (CAST(:reader AS text) IS NULL OR reader = :reader)
                        ORDER BY read_id DESC LIMIT :limit""")
                .param("case", caseId).param("across", acrossCases).param("reader", reader).param("limit", limit)
                .query().listOfRows();
    }
}
