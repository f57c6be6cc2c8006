package org.casetimeline.api.cases;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.core.shared.PartialDate;
import org.springframework.stereotype.Component;

/**
 * Reads {@code asOf} and {@code knownAt}, for the API and the dashboard's date control alike: a date means the end of that
 * day (or month, or year); an instant is exact. The record is read as it stood, so {@code asOf} may not lie in the
 * future (a status "as of 2099" counted days in custody no one has served, and a year past the calendar's arithmetic
 * gave a 500) nor before 1800, where no fact may lie; today's date, or an instant a clock ahead of ours names (by at
 * most 14 hours), is read as now. {@code knownAt} compares with when facts were recorded (on the store's clock, which a
 * service clock fixed for a training copy does not stop): a later one knows all there is, and the case is then read as
 * of now.
 */
@Component
public class ReadingInstants {

    private final Clock clock;

    public ReadingInstants(Clock clock) {
        this.clock = clock;
    }

    public Instant asOf(String value, String parameter) {
        PartialDate date = date(value, parameter);
        if (date == null) {
            return null;
        }
        Instant now = clock.instant();
        // the day that has begun east of Greenwich counts as today, as for a fact; an instant a clock ahead of ours
        // names is read as now
        if (date.earliest().isAfter(now.plus(FactTranslator.AHEAD_OF_UTC))) {
            throw InvalidRequest.unprocessable(parameter, "lies in the future; the record is read as it stood up to now");
        }
        if (date.earliest().isBefore(FactTranslator.EARLIEST)) {
            throw InvalidRequest.unprocessable(parameter, "lies before 1800; no fact of this service reaches back that far");
        }
        // a date that has not ended reads as now (not as absent: with a knownAt, an absent asOf reads as of that)
        Instant latest = date.latestInstant();
        return latest.isBefore(now) ? latest : now;
    }

    public Instant knownAt(String value, String parameter) {
        PartialDate date = date(value, parameter);
        return date == null ? null : date.latestInstant();
    }

    /** The last calendar date {@link #asOf} takes: today, somewhere on earth. */
    public LocalDate lastDate() {
        return LocalDate.ofInstant(clock.instant().plus(FactTranslator.AHEAD_OF_UTC), ZoneOffset.UTC);
    }

    private static PartialDate date(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed(parameter, e.getMessage());
        }
    }
}
