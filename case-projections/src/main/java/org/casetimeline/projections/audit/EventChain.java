package org.casetimeline.projections.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
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
    private final NamedParameterJdbcOperations rows;

    public EventChain(JdbcClient jdbc, NamedParameterJdbcOperations rows) {
        this.jdbc = jdbc;
        this.rows = rows;
    }

    /**
     * Serialises appends to one aggregate until the caller's transaction ends, on every node: the next writer
     * loads the aggregate only after this one committed, instead of failing on the store's unique sequence.
     */
    public void lockForAppend(String aggregateIdentifier) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:id, 0))").param("id", aggregateIdentifier)
                .query((rs, n) -> 1).list();
    }

    /**
     * The key space of the bulk appends' lock (a transaction-level advisory lock on two keys, this and 0), apart from
     * the appends' locks on an aggregate id alone.
     */
    public static final int BULK_APPENDS = 0x494D_5054;

    /**
     * Serialises bulk appends (an import batch, thousands of events) from storing their events until the caller's
     * transaction ends, on every node. A batch's events hold positions in the store's order that stay empty to the
     * projections until it commits; Axon stops waiting for such a gap once a number of later events are stored (its
     * maxGapOffset, set from the largest batch in AxonConfiguration), so batches committing around a batch still
     * linking its chains could leave its events out of every projection for good. One batch at a time keeps the events
     * in flight to one batch's, which that offset allows for twice over.
     */
    public void lockForBulkAppend() {
        jdbc.sql("SELECT pg_advisory_xact_lock(:space, 0)").param("space", BULK_APPENDS).query((rs, n) -> 1).list();
    }

    /**
     * The head of an aggregate's stream in the event store and the head of its chain, in one statement; read under
     * the aggregate's append lock, they are what the append builds on. Every append links its own events, so the two
     * differ only when events were stored outside the service: the append is then refused, since linking on from the
     * chain's head would take those events into the chain and make them pass for recorded ones.
     *
     * @throws UnchainedEvents when the stream and the chain end at different events
     */
    public Heads heads(String aggregateIdentifier) {
        Heads heads = jdbc.sql("""
                        SELECT (SELECT max(sequenceNumber) FROM domainevententry WHERE aggregateIdentifier = :id),
                               chain.sequenceNumber, chain.link
                        FROM (SELECT 1) AS one LEFT JOIN LATERAL (
                            SELECT sequenceNumber, link FROM event_chain WHERE aggregateIdentifier = :id
                            ORDER BY sequenceNumber DESC LIMIT 1) AS chain ON true""")
                .param("id", aggregateIdentifier)
                .query((rs, n) -> new Heads(rs.getObject(1, Long.class), rs.getObject(2, Long.class), rs.getString(3)))
                .single();
        if (!Objects.equals(heads.stream(), heads.chainSequence())) {
            throw new UnchainedEvents(aggregateIdentifier, heads);
        }
        return heads;
    }

    /** An aggregate's stream head and chain head; each null before its first event or link. */
    public record Heads(Long stream, Long chainSequence, String chainLink) {
    }

    /**
     * An aggregate's stream and its chain end at different events: events were stored, or removed, outside the service
     * (or predate the chain, migration V3, which no store in use does).
     */
    public static final class UnchainedEvents extends RuntimeException {
        UnchainedEvents(String aggregateIdentifier, Heads heads) {
            super("the stored history of " + aggregateIdentifier + " ends at sequence " + heads.stream()
                    + " but its hash chain at " + heads.chainSequence());
        }
    }

    /**
     * Links the events this transaction appended to {@code aggregateIdentifier}: those after the heads read earlier in
     * it under the aggregate's append lock (no one else can have appended or linked since, and {@link #heads} found
     * every earlier event linked); answers the chain's new head sequence.
     */
    public Long link(String aggregateIdentifier, Heads heads) {
        return link(aggregateIdentifier, heads.chainSequence() == null ? null : Map.entry(heads.chainSequence(), heads.chainLink()));
    }

    private Long link(String aggregateIdentifier, Map.Entry<Long, String> head) {
        long fromSequence = head == null ? 0L : head.getKey() + 1;
        String previous = head == null ? ChainLink.GENESIS : head.getValue();
        Long headSequence = head == null ? null : head.getKey();
        List<ChainLink> events = jdbc.sql("SELECT " + ChainLink.COLUMNS + " FROM domainevententry"
                        + " WHERE aggregateIdentifier = :id AND sequenceNumber >= :from ORDER BY sequenceNumber")
                .param("id", aggregateIdentifier).param("from", fromSequence)
                .query((rs, n) -> ChainLink.read(rs)).list();
        List<MapSqlParameterSource> links = new ArrayList<>();
        for (ChainLink event : events) {
            String link = event.linkAfter(previous);
            links.add(new MapSqlParameterSource("id", aggregateIdentifier).addValue("seq", event.sequenceNumber())
                    .addValue("event", event.eventIdentifier()).addValue("previous", previous).addValue("link", link));
            previous = link;
            headSequence = event.sequenceNumber();
        }
        if (!links.isEmpty()) {
            rows.batchUpdate("""
                    INSERT INTO event_chain (aggregateIdentifier, sequenceNumber, eventIdentifier, previous_link, link)
                    VALUES (:id, :seq, :event, :previous, :link)""", links.toArray(MapSqlParameterSource[]::new));
        }
        return headSequence;
    }

    /** The link of an aggregate's event at {@code sequence}, "sequence:link", or null when it has none. */
    public String linkAt(String aggregateIdentifier, long sequence) {
        return jdbc.sql("SELECT link FROM event_chain WHERE aggregateIdentifier = :id AND sequenceNumber = :seq")
                .param("id", aggregateIdentifier).param("seq", sequence).query(String.class).optional()
                .map(link -> sequence + ":" + link).orElse(null);
    }
}
