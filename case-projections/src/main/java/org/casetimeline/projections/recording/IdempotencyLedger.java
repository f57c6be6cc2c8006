package org.casetimeline.projections.recording;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Remembers the answer to every request sent with an Idempotency-Key. Callers claim the key and store the
 * answer inside the transaction that appends the events, so an acknowledged request is never applied twice
 * and a request that failed leaves no claim behind. A concurrent retry waits on the key's row until the
 * first request commits or rolls back.
 */
@Repository
public class IdempotencyLedger {

    private final JdbcClient jdbc;

    public IdempotencyLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty when the key is new and now claimed; the stored answer when the same request was already applied. */
    public Optional<StoredResponse> claim(String principal, String key, String requestHash) {
        int claimed = jdbc.sql("""
                        INSERT INTO idempotency_key (principal, idempotency_key, request_hash)
                        VALUES (:principal, :key, :hash)
                        ON CONFLICT (principal, idempotency_key) DO NOTHING""")
                .param("principal", principal).param("key", key).param("hash", requestHash)
                .update();
        if (claimed == 1) {
            return Optional.empty();
        }
        var earlier = jdbc.sql("""
                        SELECT request_hash, response_status, response_body, response_etag, location
                        FROM idempotency_key WHERE principal = :principal AND idempotency_key = :key""")
                .param("principal", principal).param("key", key)
                .query((rs, n) -> new Claim(rs.getString(1).trim(),
                        new StoredResponse(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5))))
                .single();
        if (!requestHash.equals(earlier.requestHash())) {
            throw new IdempotencyKeyReused(key);
        }
        return Optional.of(earlier.response());
    }

    private record Claim(String requestHash, StoredResponse response) {
    }

    public void remember(String principal, String key, StoredResponse response) {
        jdbc.sql("""
                        UPDATE idempotency_key
                        SET response_status = :status, response_body = :body, response_etag = :etag, location = :location
                        WHERE principal = :principal AND idempotency_key = :key""")
                .param("status", response.status()).param("body", response.body())
                .param("etag", response.etag()).param("location", response.location())
                .param("principal", principal).param("key", key)
                .update();
    }
}
