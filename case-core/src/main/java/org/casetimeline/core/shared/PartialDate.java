package org.casetimeline.core.shared;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A date as precise as its source: the period [earliest, latest) that the text allows.
 * Calendar dates are read in UTC so that every reader gets the same bounds.
 */
public record PartialDate(String iso, DatePrecision precision, Instant earliest, Instant latest) {

    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final PureMemo<String, PartialDate> PARSED = new PureMemo<>(10_000, PartialDate::read);
    /** The longest period one date can name: a year given alone, in a leap year ({@code PartialDateTest} holds it). */
    public static final Duration LONGEST = Duration.ofDays(366);

    public static PartialDate parse(String iso) {
        if (iso == null || iso.isBlank()) {
            throw new IllegalArgumentException("a date is required");
        }
        return PARSED.apply(iso);
    }

    private static PartialDate read(String iso) {
        String text = iso.strip();
        try {
            if (YEAR.matcher(text).matches()) {
                Year year = Year.parse(text);
                return new PartialDate(text, DatePrecision.YEAR, start(year.atDay(1)), start(year.plusYears(1).atDay(1)));
            }
            if (MONTH.matcher(text).matches()) {
                YearMonth month = YearMonth.parse(text);
                return new PartialDate(text, DatePrecision.MONTH, start(month.atDay(1)), start(month.plusMonths(1).atDay(1)));
            }
            if (DAY.matcher(text).matches()) {
                LocalDate day = LocalDate.parse(text);
                return new PartialDate(text, DatePrecision.DAY, start(day), start(day.plusDays(1)));
            }
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return new PartialDate(text, DatePrecision.INSTANT, instant, instant);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not an ISO 8601 date: use 2013, 2013-10, 2013-10-05 or 2013-10-05T14:30:00Z");
        }
    }

    /** Whether this period may reach {@code instant}: its latest moment is not before it (and nothing is allocated). */
    public boolean reaches(Instant instant) {
        return precision == DatePrecision.INSTANT ? !latest.isBefore(instant) : latest.isAfter(instant);
    }

    /** The last instant the text allows (for an instant, the instant itself). */
    public Instant latestInstant() {
        return precision == DatePrecision.INSTANT ? latest : latest.minusNanos(1);
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public String toString() {
        return iso;
    }
}
