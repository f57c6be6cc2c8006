package org.casetimeline.projections.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * Periodically hashes every chain head into one root: publish a root elsewhere (a letter, a notary, a
 * partner's archive) and no chain can be rewritten up to it without the verification showing it.
 */
@Repository
public class ChainCheckpoints {

    private final JdbcClient jdbc;
    private final Clock clock;

    public ChainCheckpoints(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A checkpoint as an auditor publishes it: which one, when, over how many links, its root, and the recipe of the
     * root ({@code rootFormat} 2: the time and link count, then the heads; see the README), so that one who recomputes
     * the root later knows which to follow.
     */
    public record Checkpoint(long checkpointId, Instant createdAt, long events, String root, int rootFormat) {
    }

    /** The recipe of every root taken here. */
    static final int ROOT_FORMAT = 2;

    /**
     * The scheduled checkpoint, taken only when the chains moved since the last one (of any node): every node runs it,
     * and each checkpoint stores every chain head, which verify checks every time.
     */
    @Scheduled(fixedDelayString = "${case-timeline.audit.checkpoint-interval:PT1H}", initialDelayString = "${case-timeline.audit.first-checkpoint-after:PT1M}")
    public void checkpointIfMoved() {
        take(false);
    }

    /** A checkpoint of the chains as they are now, taken on demand. */
    public Checkpoint checkpoint() {
        return take(true).orElseThrow();
    }

    private Optional<Checkpoint> take(boolean always) {
        // dated before the heads are read: every event dated before it was stored by then, or still in a transaction
        // the verifier's margin allows for
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS); // as the database keeps it, for the root to bind it
        Map<String, String> heads = new TreeMap<>();
        long[] events = {0};
        // the link count in the same statement as the heads (a window is computed before DISTINCT ON), so both describe
        // one state of the chains
        jdbc.sql("""
                        SELECT DISTINCT ON (aggregateIdentifier) aggregateIdentifier, sequenceNumber, link, count(*) OVER ()
                        FROM event_chain ORDER BY aggregateIdentifier, sequenceNumber DESC""")
                .query(rs -> {
                    heads.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
                    events[0] = rs.getLong(4);
                });
        // unmoved chains need no checkpoint, unless the latest hashes its heads alone (taken before V116): the time every
        // event dated before it must be in is then bound by no root
        if (!always && jdbc.sql("""
                        SELECT heads::text FROM chain_checkpoint WHERE root_format = :format
                        AND checkpoint_id = (SELECT max(checkpoint_id) FROM chain_checkpoint)""")
                .param("format", ROOT_FORMAT).query(String.class).optional().map(CheckpointHeads::parse).filter(heads::equals).isPresent()) {
            return Optional.empty();
        }
        String root = ChainVerifier.checkpointRoot(ROOT_FORMAT, at, events[0], heads);
        long id = jdbc.sql("""
                        INSERT INTO chain_checkpoint (created_at, events, root, heads, root_format)
                        VALUES (:at, :events, :root, CAST(:heads AS jsonb), :format) RETURNING checkpoint_id""")
                .param("at", Timestamp.from(at)).param("events", events[0]).param("root", root).param("format", ROOT_FORMAT)
                .param("heads", CheckpointHeads.write(heads)).query(Long.class).single();
        return Optional.of(new Checkpoint(id, at, events[0], root, ROOT_FORMAT));
    }
}
