package org.casetimeline.projections.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TextColumnsTest {

    /** PostgreSQL refuses Instant.toString() for year 0 ("0000-...") and past 9999 ("+10000-..."); these it reads. */
    @Test
    void givenInstantsOfAnyYearAFactMayName_whenWritten_thenAsPostgresReadsATimestamp() {
        assertThat(TextColumns.timestamp(Instant.parse("2013-10-05T00:00:00.123456Z")))
                .isEqualTo("2013-10-05 00:00:00.123456000+00");
        assertThat(TextColumns.timestamp(Instant.parse("0000-01-01T00:00:00Z")))
                .isEqualTo("0001-01-01 00:00:00.000000000+00 BC");
        assertThat(TextColumns.timestamp(Instant.parse("+10000-01-01T00:00:00Z")))
                .isEqualTo("10000-01-01 00:00:00.000000000+00");
        assertThat(TextColumns.timestamp(Instant.parse("9999-12-31T23:59:59.999999999Z")))
                .isEqualTo("9999-12-31 23:59:59.999999999+00");
    }

    @Test
    void givenARowOfTheWrongWidth_whenAdded_thenRefused() {
        TextColumns columns = new TextColumns("a", "b");
        columns.add("x", null);
        assertThat(columns.size()).isEqualTo(1);
        assertThatThrownBy(() -> columns.add("only one")).isInstanceOf(IllegalArgumentException.class);
    }
}
