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

    /** FLAG when even the longest reading is within {@code threshold}, POSSIBLE when only the shortest is. */
    public Optional<FindingKind> within(Duration threshold, Instant asOf) {
        if (longest(asOf).compareTo(threshold) <= 0) {
            return Optional.of(FindingKind.FLAG);
        }
        return shortest(asOf).compareTo(threshold) <= 0 ? Optional.of(FindingKind.POSSIBLE) : Optional.empty();
    }

    /** For a span found {@link #within}: "54 days", "at most 60 days" for a FLAG, "between 80 and 110 days" for a POSSIBLE. */
    public String lengthWithin(FindingKind kind, Instant asOf) {
        String least = Wording.duration(shortest(asOf));
        String most = Wording.duration(longest(asOf));
        return least.equals(most) ? least : kind == FindingKind.FLAG ? "at most " + most : "between " + least + " and " + most;
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
