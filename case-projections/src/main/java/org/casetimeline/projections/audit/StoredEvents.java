package org.casetimeline.projections.audit;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.casetimeline.projections.sql.LongReads;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Every stored event in store order with its chain link, as raw as the store holds it, for an auditor's replay. */
@Repository
public class StoredEvents {

    private final JdbcClient jdbc;

    public StoredEvents(DataSource dataSource) {
        // rows are fetched a thousand at a time within the transaction: the driver would otherwise hold the whole
        // store in memory before the first line is written
        JdbcTemplate streaming = new JdbcTemplate(dataSource);
        streaming.setFetchSize(1000);
        this.jdbc = JdbcClient.create(streaming);
    }

    /** A stored row with every column its link hashes ({@link ChainLink}), {@code type} the aggregate's. */
    public record StoredEvent(long globalIndex, String aggregateIdentifier, String type, long sequenceNumber,
                              String eventIdentifier, String payloadType, String payloadRevision, String timeStamp, String payload,
                              String metaData, String previousLink, String link) {
    }

    @Transactional(readOnly = true)
    public void forEach(Consumer<StoredEvent> consumer) {
        LongReads.TRANSACTION_TIMEOUT.forEach(statement -> jdbc.sql(statement).update());
        jdbc.sql("""
                        SELECT e.globalIndex, e.aggregateIdentifier, e.sequenceNumber, e.eventIdentifier, e.payloadType,
                               e.payloadRevision, e.timeStamp, e.payload, e.metaData, c.previous_link, c.link, e.type
                        FROM domainevententry e LEFT JOIN event_chain c
                          ON c.aggregateIdentifier = e.aggregateIdentifier AND c.sequenceNumber = e.sequenceNumber
                        ORDER BY e.globalIndex""")
                .query(rs -> {
                    byte[] metadata = rs.getBytes(9);
                    consumer.accept(new StoredEvent(rs.getLong(1), rs.getString(2), rs.getString(12), rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7),
                            new String(rs.getBytes(8), StandardCharsets.UTF_8),
                            metadata == null ? null : new String(metadata, StandardCharsets.UTF_8),
                            rs.getString(10), rs.getString(11)));
                });
    }
}
