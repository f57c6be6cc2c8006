package org.casetimeline.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PartialDateTest {

    /** The rules search for facts that may reach another from LONGEST before it; a longer date would be missed. */
    @Test
    void givenTheLongestDateOfEachPrecision_whenParsed_thenNoneSpansMoreThanLongest() {
        Map<DatePrecision, String> longest = Map.of(DatePrecision.YEAR, "2012", DatePrecision.MONTH, "2013-01",
                DatePrecision.DAY, "2013-10-05", DatePrecision.INSTANT, "2013-10-05T14:30:00Z");
        assertThat(longest.keySet()).containsExactlyInAnyOrder(DatePrecision.values());
        longest.forEach((precision, text) -> {
            PartialDate date = PartialDate.parse(text);
            assertThat(date.precision()).isEqualTo(precision);
            assertThat(Duration.between(date.earliest(), date.latest())).isLessThanOrEqualTo(PartialDate.LONGEST);
        });
        assertThat(Duration.between(PartialDate.parse("2012").earliest(), PartialDate.parse("2012").latest()))
                .isEqualTo(PartialDate.LONGEST);
    }

    @Test
    void givenAYear_whenParsed_thenItSpansTheWholeYear() {
        PartialDate year = PartialDate.parse("2013");
        assertThat(year.precision()).isEqualTo(DatePrecision.YEAR);
        assertThat(year.earliest()).isEqualTo(Instant.parse("2013-01-01T00:00:00Z"));
        assertThat(year.latest()).isEqualTo(Instant.parse("2014-01-01T00:00:00Z"));
    }

    @Test
    void givenAMonth_whenParsed_thenItSpansTheMonth() {
        PartialDate month = PartialDate.parse("2012-12");
        assertThat(month.precision()).isEqualTo(DatePrecision.MONTH);
        assertThat(month.earliest()).isEqualTo(Instant.parse("2012-12-01T00:00:00Z"));
        assertThat(month.latestInstant()).isEqualTo(Instant.parse("2012-12-31T23:59:59.999999999Z"));
    }

    @Test
    void givenADay_whenParsed_thenItIsOneDayLong() {
        PartialDate day = PartialDate.parse("2013-10-05");
        assertThat(day.precision()).isEqualTo(DatePrecision.DAY);
        assertThat(day.latest()).isEqualTo(Instant.parse("2013-10-06T00:00:00Z"));
    }

    @Test
    void givenAnInstantWithOffset_whenParsed_thenItIsExact() {
        PartialDate instant = PartialDate.parse("2013-10-05T14:30:00+06:00");
        assertThat(instant.precision()).isEqualTo(DatePrecision.INSTANT);
        assertThat(instant.earliest()).isEqualTo(Instant.parse("2013-10-05T08:30:00Z")).isEqualTo(instant.latest());
    }

    @Test
    void givenNonsense_whenParsed_thenRefusedWithTheAcceptedForms() {
        assertThatThrownBy(() -> PartialDate.parse("5 Oct 2013")).hasMessageContaining("2013-10-05");
        assertThatThrownBy(() -> PartialDate.parse("2013-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PartialDate.parse("2013-02-30")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenAPeriodEndingBeforeItStarts_whenBuilt_thenRefused() {
        assertThatThrownBy(() -> new Occurrence("2013-10-05", "2013-09")).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Occurrence("2012-12", "2013-10-05").approximate()).isTrue();
        assertThat(Occurrence.at("2013-10-05").approximate()).isFalse();
    }

    @Test
    void givenTwoCities_whenDistanceMeasured_thenGreatCircleKilometres() {
        Coordinates almaty = new Coordinates(43.2389, 76.8897);
        Coordinates pavlodar = new Coordinates(52.2873, 76.9674);
        assertThat(almaty.kilometresTo(pavlodar)).isBetween(1000.0, 1010.0);
    }
}
