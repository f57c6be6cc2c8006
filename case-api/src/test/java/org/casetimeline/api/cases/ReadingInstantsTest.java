package org.casetimeline.api.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.casetimeline.api.problem.InvalidRequest;
import org.junit.jupiter.api.Test;

/** A case is read as it stood: never ahead of the clock, and a date not yet over reads as now. */
class ReadingInstantsTest {

    /** 02:00 on 25 November in Almaty (UTC+5), still the 24th in UTC. */
    private static final Instant NOW = Instant.parse("2026-11-24T21:00:00Z");
    private final ReadingInstants instants = new ReadingInstants(Clock.fixed(NOW, ZoneOffset.UTC));

    /** Now, not absent: with a knownAt, an absent asOf reads the case as of that knownAt. */
    @Test
    void givenADateNotYetOver_whenReadAsOf_thenItIsNowNotAbsent() {
        assertThat(instants.asOf("2026-11-24", "asOf")).isEqualTo(NOW);
        assertThat(instants.asOf("2026-11", "asOf")).isEqualTo(NOW);
        assertThat(instants.asOf("2026-11-25", "asOf")).as("today in Almaty").isEqualTo(NOW);
        assertThat(instants.asOf("2026-11-23", "asOf")).isEqualTo(Instant.parse("2026-11-23T23:59:59.999999999Z"));
        assertThat(instants.asOf(null, "asOf")).isNull();
    }

    @Test
    void givenADateAheadOfEveryTimeZoneOrBefore1800_whenReadAsOf_thenRefusedNamingTheParameter() {
        for (String date : new String[] {"2026-11-26", "2027", "+999999999-12-31T00:00:00Z", "1799-12-31", "0000"}) {
            assertThatThrownBy(() -> instants.asOf(date, "asOf")).as(date).isInstanceOf(InvalidRequest.class)
                    .extracting(e -> ((InvalidRequest) e).field()).isEqualTo("asOf");
        }
    }

    @Test
    void givenAKnownAtAfterNow_whenRead_thenItIsTakenAsGiven() {
        assertThat(instants.knownAt("2099", "knownAt")).isEqualTo(Instant.parse("2099-12-31T23:59:59.999999999Z"));
    }
}
