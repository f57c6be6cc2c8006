package org.casetimeline.api.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.casetimeline.core.shared.PartialDate;
import org.junit.jupiter.api.Test;

/** "In the future" as a monitor anywhere means it: the calendar day already begun east of UTC is today. */
class FutureDatesTest {

    /** 02:00 on 25 November in Almaty (UTC+5), still the 24th in UTC. */
    private static final Instant ALMATY_2AM = Instant.parse("2026-11-24T21:00:00Z");

    @Test
    void givenTheDayBegunInAlmaty_whenItIsStillYesterdayInUtc_thenItIsNotTheFuture() {
        assertThat(FactTranslator.inTheFuture(PartialDate.parse("2026-11-25"), ALMATY_2AM)).isFalse();
        assertThat(FactTranslator.inTheFuture(PartialDate.parse("2026-12"), ALMATY_2AM)).isTrue();
        assertThat(FactTranslator.inTheFuture(PartialDate.parse("2026-11-26"), ALMATY_2AM)).isTrue();
    }

    @Test
    void givenAnInstant_whenLaterThanNow_thenItIsTheFutureWhateverItsZone() {
        assertThat(FactTranslator.inTheFuture(PartialDate.parse("2026-11-25T01:59:00+05:00"), ALMATY_2AM)).isFalse();
        assertThat(FactTranslator.inTheFuture(PartialDate.parse("2026-11-25T02:01:00+05:00"), ALMATY_2AM)).isTrue();
    }
}
