package org.casetimeline.projections.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.axonframework.common.DateTimeUtils;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.jackson3.Jackson3Serializer;
import org.junit.jupiter.api.Test;

/** The stored timestamp's parser reads what Axon's does, for every text Axon writes and for others through Axon's. */
class CaseEventStorageEngineTest {

    private static final Jackson3Serializer JSON = Jackson3Serializer.builder().build();

    /** Axon's own engine, its tracked-event read opened to the test. */
    private static final class AxonsEngine extends JdbcEventStorageEngine {
        AxonsEngine(Builder builder) {
            super(builder);
        }

        TrackedEventData<?> read(ResultSet row, GapAwareTrackingToken previous) throws SQLException {
            return getTrackedEventData(row, previous);
        }
    }

    private static JdbcEventStorageEngine.Builder builder() {
        return JdbcEventStorageEngine.builder().connectionProvider(() -> null).transactionManager(NoTransactionManager.INSTANCE)
                .eventSerializer(JSON).snapshotSerializer(JSON);
    }

    /** One stored event row, as the driver hands it over. */
    private static ResultSet row(long globalIndex, String aggregateIdentifier, String eventIdentifier, String timestamp) {
        Map<String, Object> columns = Map.of("globalIndex", globalIndex, "aggregateIdentifier", aggregateIdentifier,
                "eventIdentifier", eventIdentifier, "type", "PrisonerCase", "sequenceNumber", 3L, "timeStamp", timestamp,
                "payloadType", "org.casetimeline.core.event.PersonDetained", "payloadRevision", "2",
                "payload", "{}".getBytes(StandardCharsets.UTF_8), "metaData", "{}".getBytes(StandardCharsets.UTF_8));
        return (ResultSet) Proxy.newProxyInstance(ResultSet.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, arguments) -> {
                    Object value = columns.get((String) arguments[0]);
                    return method.getName().equals("getLong") ? ((Number) value).longValue() : value;
                });
    }

    /** The read is Axon's: the same tokens and gaps, the same event, no aggregate for an event stored as its own. */
    @Test
    void givenStoredRows_whenReadForAProcessor_thenTheSameTrackedEventsAsAxonsEngineReads() throws SQLException {
        AxonsEngine axons = new AxonsEngine(builder().maxGapOffset(20_000));
        CaseEventStorageEngine ours = new CaseEventStorageEngine(builder(), 20_000);
        String now = DateTimeUtils.formatInstant(Instant.now());
        String hourAgo = DateTimeUtils.formatInstant(Instant.now().minusSeconds(3_600));
        GapAwareTrackingToken withGaps = GapAwareTrackingToken.newInstance(10, new TreeSet<>(List.of(4L, 7L)));
        List<Object[]> reads = List.of(
                new Object[] {row(5, "case-1", "event-5", now), null},
                new Object[] {row(5, "case-1", "event-5", hourAgo), null},
                new Object[] {row(30_000, "case-1", "event-6", now), withGaps},
                new Object[] {row(12, "case-1", "event-7", hourAgo), withGaps},
                new Object[] {row(13, "event-8", "event-8", now), withGaps});

        for (Object[] read : reads) {
            TrackedEventData<?> expected = axons.read((ResultSet) read[0], (GapAwareTrackingToken) read[1]);
            TrackedEventData<?> actual = ours.getTrackedEventData((ResultSet) read[0], (GapAwareTrackingToken) read[1]);
            DomainEventData<?> expectedEvent = (DomainEventData<?>) expected;
            DomainEventData<?> actualEvent = (DomainEventData<?>) actual;

            // a token's equals leaves its gaps out
            GapAwareTrackingToken expectedToken = (GapAwareTrackingToken) expected.trackingToken();
            GapAwareTrackingToken actualToken = (GapAwareTrackingToken) actual.trackingToken();
            assertThat(actualToken.getIndex()).isEqualTo(expectedToken.getIndex());
            assertThat(actualToken.getGaps()).isEqualTo(expectedToken.getGaps());
            assertThat(actualEvent.getAggregateIdentifier()).isEqualTo(expectedEvent.getAggregateIdentifier());
            assertThat(actualEvent.getEventIdentifier()).isEqualTo(expectedEvent.getEventIdentifier());
            assertThat(actualEvent.getSequenceNumber()).isEqualTo(expectedEvent.getSequenceNumber());
            assertThat(actualEvent.getType()).isEqualTo(expectedEvent.getType());
            assertThat(actualEvent.getTimestamp()).isEqualTo(expectedEvent.getTimestamp());
            assertThat(actualEvent.getPayload().getType()).isEqualTo(expectedEvent.getPayload().getType());
            assertThat((byte[]) actualEvent.getPayload().getData()).isEqualTo((byte[]) expectedEvent.getPayload().getData());
        }
        assertThat(((DomainEventData<?>) ours.getTrackedEventData(row(13, "event-8", "event-8", now), withGaps))
                .getAggregateIdentifier()).as("an event stored as its own aggregate").isNull();
    }

    @Test
    void givenTimestampsAsAxonWritesThem_whenParsed_thenTheSameInstantsAsAxonsParserReads() {
        Random random = new Random(20261125);
        for (int i = 0; i < 100_000; i++) {
            // from 1800 to 2200, to the nanosecond, millisecond or second: Axon writes them to the millisecond
            long second = -5_364_662_400L + (long) (random.nextDouble() * 12_622_780_800L);
            int nanos = switch (i % 3) {
                case 0 -> random.nextInt(1_000_000_000);
                case 1 -> random.nextInt(1_000) * 1_000_000;
                default -> 0;
            };
            String stored = DateTimeUtils.formatInstant(Instant.ofEpochSecond(second, nanos));

            assertThat(CaseEventStorageEngine.parseStoredTimestamp(stored)).as(stored)
                    .isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void givenFourToNineDigitsOfASecond_whenParsed_thenEachDigitCounts() {
        for (String fraction : new String[] {"1234", "12345", "123456", "1234567", "12345678", "123456789"}) {
            String stored = "2013-10-05T10:00:00." + fraction + "Z";
            assertThat(CaseEventStorageEngine.parseStoredTimestamp(stored)).as(stored).isEqualTo(Instant.parse(stored))
                    .isEqualTo(DateTimeUtils.parseInstant(stored));
        }
    }

    @Test
    void givenTextInAnotherForm_whenParsed_thenAxonsParserReadsIt() {
        assertThat(CaseEventStorageEngine.parseStoredTimestamp("2013-10-05T10:00:00.123+02:00"))
                .isEqualTo(Instant.parse("2013-10-05T08:00:00.123Z"));
        assertThat(CaseEventStorageEngine.parseStoredTimestamp("2013-10-05T10:00:00Z"))
                .isEqualTo(Instant.parse("2013-10-05T10:00:00Z"));
        assertThat(CaseEventStorageEngine.parseStoredTimestamp("2013-10-05t10:00:00.123z")).as("either case, as Axon's")
                .isEqualTo(Instant.parse("2013-10-05T10:00:00.123Z"));
        assertThatThrownBy(() -> CaseEventStorageEngine.parseStoredTimestamp("2013-02-30T10:00:00.123Z"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> CaseEventStorageEngine.parseStoredTimestamp("2013-10-05T24:00:00.123Z"))
                .isInstanceOf(DateTimeParseException.class);
    }
}
