package org.casetimeline.core.compliance;

import java.time.Duration;
import java.time.Instant;

import org.casetimeline.core.shared.DatePrecision;
import org.casetimeline.core.shared.PartialDate;
import org.casetimeline.core.shared.PureMemo;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * A moment read on its bounds: a date given to the day is that day, a month or a year any of its days
 * ({@code earliest} its first day, {@code latest} its last), an instant itself. {@code text} names it as the
 * source did ("December 2012", "5 October 2013").
 */
public record Moment(Instant earliest, Instant latest, boolean approximate, String text) {

    /** Every rule reads the start of the facts it checks, and naming the date is most of the cost. */
    private static final PureMemo<PartialDate, Moment> OF = new PureMemo<>(10_000, Moment::read);

    public static Moment of(PartialDate date) {
        return OF.apply(date);
    }

    private static Moment read(PartialDate date) {
        Instant latest = switch (date.precision()) {
            case INSTANT, DAY -> date.earliest();
            case MONTH, YEAR -> date.latest().minus(Duration.ofDays(1));
        };
        return new Moment(date.earliest(), latest, date.precision().isApproximate(), Wording.date(date));
    }

    public static Moment exactly(Instant instant) {
        return of(new PartialDate(instant.toString(), DatePrecision.INSTANT, instant, instant));
    }

    /** When a fact began. */
    public static Moment startOf(TimelineFact fact) {
        return of(fact.start());
    }

    /** When a fact given as a period ended, or null when the source gives no end. */
    public static Moment endOf(TimelineFact fact) {
        PartialDate until = fact.until();
        return until == null ? null : of(until);
    }

    /** "on 5 October 2013", or "in December 2012" for a month or year. */
    public String on() {
        return (approximate ? "in " : "on ") + text;
    }

    /** This moment plus a duration, on both bounds. */
    public Moment plus(Duration duration) {
        return new Moment(earliest.plus(duration), latest.plus(duration), approximate, text);
    }
}
