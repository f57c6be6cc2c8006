package org.casetimeline.projections.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
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

    public record Checkpoint(long events, String root) {
    }

    @Scheduled(fixedDelayString = "${case-timeline.audit.checkpoint-interval:PT1H}", initialDelayString = "${case-timeline.audit.first-checkpoint-after:PT1M}")
    public Checkpoint checkpoint() {
        Map<String, String> heads = new TreeMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (aggregateIdentifier) aggregateIdentifier, sequenceNumber, link FROM event_chain
                        ORDER BY aggregateIdentifier, sequenceNumber DESC""")
                .query(rs -> {
                    heads.put(rs.getString(1), rs.getLong(2) + ":" + rs.getString(3));
                });
        long events = jdbc.sql("SELECT count(*) FROM event_chain").query(Long.class).single();
        String root = ChainVerifier.root(heads);
        jdbc.sql("""
                        INSERT INTO chain_checkpoint (created_at, events, root, heads)
                        VALUES (:at, :events, :root, CAST(:heads AS jsonb))""")
                .param("at", Timestamp.from(clock.instant())).param("events", events).param("root", root)
                .param("heads", CheckpointHeads.write(heads)).update();
        return new Checkpoint(events, root);
    }
}
