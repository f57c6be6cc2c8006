package org.casetimeline.core.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An interval between two moments; with no end it stays open and ages up to the as-of instant. Its length is
 * read on both bounds: at least end's earliest minus start's latest, at most end's latest minus start's earliest.
 */
public record Span(Moment start, Moment end) {

    public static Span open(Moment start) {
        return new Span(start, null);
    }

    public Duration shortest(Instant asOf) {
        Instant until = end == null ? asOf : min(end.earliest(), asOf);
        return positive(Duration.between(start.latest(), until));
    }

    public Duration longest(Instant asOf) {
        Instant until = end == null ? asOf : min(end.latest(), asOf);
        return positive(Duration.between(start.earliest(), until));
    }

    /** FLAG when even the shortest reading exceeds {@code threshold}, POSSIBLE when only the longest does. */
    public Optional<FindingKind> exceeds(Duration threshold, Instant asOf) {
        if (shortest(asOf).compareTo(threshold) > 0) {
            return Optional.of(FindingKind.FLAG);
        }
        return longest(asOf).compareTo(threshold) > 0 ? Optional.of(FindingKind.POSSIBLE) : Optional.empty();
    }

    public boolean approximate() {
        return start.approximate() || (end != null && end.approximate());
    }

    /** "278 days", "at least 278 days" when the bounds differ, "between 9 and 20 days" for a POSSIBLE. */
    public String length(FindingKind kind, Instant asOf) {
        return Wording.amount(kind, shortest(asOf), longest(asOf));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Duration positive(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
