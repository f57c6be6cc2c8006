package org.casetimeline.projections.audit;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Binds newly stored events into their aggregate's chain, in the caller's transaction (the one that stored
 * them). Two appends to one case are already serialised by the store's unique sequence; appends to different
 * cases read and write different rows.
 */
@Repository
public class EventChain {

    private final JdbcClient jdbc;

    public EventChain(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises appends to one aggregate until the caller's transaction ends, on every node: the next writer
     * loads the aggregate only after this one committed, instead of failing on the store's unique sequence.
     */
    public void lockForAppend(String aggregateIdentifier) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:id, 0))").param("id", aggregateIdentifier)
                .query((rs, n) -> 1).list();
    }

    /** Links every event of {@code aggregateIdentifier} that has no link yet. */
    public void link(String aggregateIdentifier) {
        Optional<Map.Entry<Long, String>> head = head(aggregateIdentifier);
        long fromSequence = head.map(link -> link.getKey() + 1).orElse(0L);
        String previous = head.map(Map.Entry::getValue).orElse(ChainLink.GENESIS);
        List<ChainLink> events = jdbc.sql("SELECT " + ChainLink.COLUMNS + " FROM domainevententry"
                        + " WHERE aggregateIdentifier = :id AND sequenceNumber >= :from ORDER BY sequenceNumber")
                .param("id", aggregateIdentifier).param("from", fromSequence)
                .query((rs, n) -> ChainLink.read(rs)).list();
        for (ChainLink event : events) {
            String link = event.linkAfter(previous);
            jdbc.sql("""
                            INSERT INTO event_chain (aggregateIdentifier, sequenceNumber, eventIdentifier, previous_link, link)
                            VALUES (:id, :seq, :event, :previous, :link)""")
                    .param("id", aggregateIdentifier).param("seq", event.sequenceNumber())
                    .param("event", event.eventIdentifier()).param("previous", previous).param("link", link)
                    .update();
            previous = link;
        }
    }

    /** The newest link of an aggregate's chain, "sequence:link", or null before its first event. */
    public String chainHead(String aggregateIdentifier) {
        return head(aggregateIdentifier).map(link -> link.getKey() + ":" + link.getValue()).orElse(null);
    }

    private Optional<Map.Entry<Long, String>> head(String aggregateIdentifier) {
        return jdbc.sql("""
                        SELECT sequenceNumber, link FROM event_chain WHERE aggregateIdentifier = :id
                        ORDER BY sequenceNumber DESC LIMIT 1""")
                .param("id", aggregateIdentifier)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
    }
}
