package org.casetimeline.core.shared;

/**
 * When a fact happened, as the source dates it: a start ("2013-10-05", "2012-12") and, for a period
 * known as a range, an optional end. Stored as the ISO text the monitor gave, so precision is never lost.
 */
public record Occurrence(String at, String until) {

    public Occurrence {
        at = PartialDate.parse(at).iso();
        if (until != null && !until.isBlank()) {
            PartialDate end = PartialDate.parse(until);
            if (end.latest().isBefore(PartialDate.parse(at).earliest())) {
                throw new IllegalArgumentException("the end of a period cannot precede its start");
            }
            until = end.iso();
        } else {
            until = null;
        }
    }

    public static Occurrence at(String iso) {
        return new Occurrence(iso, null);
    }

    public PartialDate start() {
        return PartialDate.parse(at);
    }

    public PartialDate end() {
        return until == null ? null : PartialDate.parse(until);
    }

    public DatePrecision precision() {
        return start().precision();
    }

    /** Not a bean-style getter on purpose: the stored JSON holds only {@code at} and {@code until}. */
    public boolean approximate() {
        return start().precision().isApproximate() || (until != null && end().precision().isApproximate());
    }
}
