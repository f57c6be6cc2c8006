package org.casetimeline.projections.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Random;

import org.axonframework.common.DateTimeUtils;
import org.junit.jupiter.api.Test;

/** The stored timestamp's parser reads what Axon's does, for every text Axon writes and for others through Axon's. */
class CaseEventStorageEngineTest {

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
