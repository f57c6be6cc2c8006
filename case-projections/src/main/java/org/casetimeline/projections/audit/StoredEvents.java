package org.casetimeline.projections.audit;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every stored event in store order with its chain link, as raw as the store holds it, for an auditor's replay. */
@Repository
public class StoredEvents {

    private final JdbcClient jdbc;

    public StoredEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredEvent(long globalIndex, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                              String payloadType, String payloadRevision, String timeStamp, String payload,
                              String metaData, String previousLink, String link) {
    }

    public void forEach(Consumer<StoredEvent> consumer) {
        jdbc.sql("""
                        SELECT e.globalIndex, e.aggregateIdentifier, e.sequenceNumber, e.eventIdentifier, e.payloadType,
                               e.payloadRevision, e.timeStamp, e.payload, e.metaData, c.previous_link, c.link
                        FROM domainevententry e LEFT JOIN event_chain c
                          ON c.aggregateIdentifier = e.aggregateIdentifier AND c.sequenceNumber = e.sequenceNumber
                        ORDER BY e.globalIndex""")
                .query(rs -> {
                    byte[] metadata = rs.getBytes(9);
                    consumer.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            new String(rs.getBytes(8), StandardCharsets.UTF_8),
                            metadata == null ? null : new String(metadata, StandardCharsets.UTF_8),
                            rs.getString(10), rs.getString(11)));
                });
    }
}
