package org.casetimeline.projections.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;

/**
 * Axon's JDBC event storage, reading each stored event's timestamp once and with a parser for the one format Axon
 * writes it in. Axon's entry parses its text with {@code DateTimeFormatter.ISO_OFFSET_DATE_TIME} every time it is
 * asked, and a processor's read asks twice an event (for the token's gaps and for the message): in a profile of a
 * rebuild, with three streams reading every event, that was a tenth of the service's samples (docs/scaling.md). The
 * tracking token is built as Axon 4.13 builds it; any other text falls back to Axon's parser.
 */
public final class CaseEventStorageEngine extends JdbcEventStorageEngine {

    /** Axon's defaults, which the builder keeps to itself; the engine is built with them. */
    static final long LOWEST_GLOBAL_SEQUENCE = 1;
    static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final int maxGapOffset;

    public CaseEventStorageEngine(Builder builder, int maxGapOffset) {
        super(builder.maxGapOffset(maxGapOffset).lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .gapTimeout(GAP_TIMEOUT_MILLIS));
        this.maxGapOffset = maxGapOffset;
    }

    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        // as Axon 4.13 reads it: an event stored with its own id as the aggregate's belongs to no aggregate
        DomainEventData<?> event = entry(resultSet,
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier, eventIdentifier);
        boolean allowGaps = event.getTimestamp()
                .isAfter(GenericEventMessage.clock.instant().minusMillis(GAP_TIMEOUT_MILLIS));
        GapAwareTrackingToken token = previousToken == null
                ? GapAwareTrackingToken.newInstance(globalSequence, allowGaps
                        ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence).boxed()
                                .collect(Collectors.toCollection(TreeSet::new))
                        : Collections.emptySortedSet())
                : previousToken.advanceTo(globalSequence, allowGaps ? maxGapOffset : 0);
        return new TrackedDomainEventData<>(token, event);
    }

    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return entry(resultSet, resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getString(schema.eventIdentifierColumn()));
    }

    private DomainEventData<?> entry(ResultSet resultSet, String aggregateIdentifier, String eventIdentifier)
            throws SQLException {
        EventSchema schema = schema();
        return new StoredEvent<>(resultSet.getString(schema.typeColumn()), aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()), eventIdentifier,
                resultSet.getString(schema.timestampColumn()), resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()), readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /** A stored event whose timestamp is parsed once, when first asked. */
    private static final class StoredEvent<T> extends GenericDomainEventEntry<T> {

        private final String storedTimestamp;
        private Instant timestamp;

        StoredEvent(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                    String timestamp, String payloadType, String payloadRevision, T payload, T metaData) {
            super(type, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp, payloadType, payloadRevision,
                    payload, metaData);
            this.storedTimestamp = timestamp;
        }

        @Override
        public Instant getTimestamp() {
            Instant parsed = timestamp;
            if (parsed == null) {
                parsed = parseStoredTimestamp(storedTimestamp);
                timestamp = parsed;
            }
            return parsed;
        }
    }

    /**
     * A timestamp as Axon stores it ({@code DateTimeUtils.formatInstant}: {@code 2013-10-05T10:00:00.123Z}, in UTC, to
     * the millisecond; up to nine digits of a second are read alike); any other text as Axon's own parser reads it.
     */
    public static Instant parseStoredTimestamp(String text) {
        int length = text.length();
        if (length >= 24 && length <= 30 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == '.'
                && text.charAt(length - 1) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 7);
            int day = digits(text, 8, 10);
            int hour = digits(text, 11, 13);
            int minute = digits(text, 14, 16);
            int second = digits(text, 17, 19);
            int fraction = digits(text, 20, length - 1);
            boolean allDigits = year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0
                    && fraction >= 0;
            if (allDigits && hour < 24 && minute < 60 && second < 60) {
                try {
                    long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600L + minute * 60L
                            + second;
                    return Instant.ofEpochSecond(seconds, fraction * POWERS_OF_TEN[9 - (length - 21)]);
                } catch (DateTimeException notADate) {
                    // 30 February and the like: Axon's parser gives the answer, or the error
                }
            }
        }
        return DateTimeUtils.parseInstant(text);
    }

    private static final long[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /** The decimal number in {@code text} from {@code from} to {@code to}, or -1 if any of it is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
