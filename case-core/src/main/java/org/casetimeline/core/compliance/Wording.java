package org.casetimeline.core.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.PartialDate;
import org.casetimeline.core.shared.PureMemo;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/** How findings name dates, durations, distances and places in plain English. */
public final class Wording {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    /** Formatting is a good part of a rule's cost, and the thresholds worded are few. */
    private static final PureMemo<Double, String> CELSIUS = new PureMemo<>(1_000,
            degrees -> String.format(Locale.UK, "%.0f °C", degrees));

    private Wording() {
    }

    public static String date(PartialDate date) {
        return switch (date.precision()) {
            case INSTANT -> INSTANT.format(date.earliest());
            case DAY -> DAY.format(date.earliest());
            case MONTH -> MONTH.format(date.earliest());
            case YEAR -> date.iso();
        };
    }

    /** An instant as a day ("5 October 2013"), as findings name the as-of instant. */
    public static String instant(Instant instant) {
        return DAY.format(instant);
    }

    /** " at Arkalyk prison (UK 161/12)" where the person was held when {@code fact} happened, or "" if unknown. */
    public static String at(CaseFacts facts, TimelineFact fact) {
        return facts.placementOf(fact).filter(placement -> !placement.inTransit())
                .map(placement -> " at " + facility(facts.timeline(), placement.facilityId())).orElse("");
    }

    /** "Moved from X to Y" for a transfer, "Moved out of X" for a departure to an unknown place, else null. */
    public static String move(Timeline timeline, TimelineFact fact) {
        if (fact.fact() instanceof PersonTransferred moved) {
            return (moved.fromFacilityId() == null ? "Moved" : "Moved from " + facility(timeline, moved.fromFacilityId()))
                    + " to " + facility(timeline, moved.toFacilityId());
        }
        return fact.fact() instanceof TransferStarted started
                ? "Moved out of " + facility(timeline, started.fromFacilityId()) : null;
    }

    /** "Admitted to Pavlodar prison" for a fact that puts the person in a place of detention, else null. */
    public static String admission(Timeline timeline, TimelineFact fact) {
        if (fact.fact() instanceof PersonDetained detained) {
            return detained.facilityId() == null ? "Detained by " + detained.authority()
                    : "Admitted to " + facility(timeline, detained.facilityId());
        }
        if (fact.fact() instanceof PersonTransferred moved) {
            return "Admitted to " + facility(timeline, moved.toFacilityId());
        }
        return fact.fact() instanceof AdmittedToFacility admitted ? "Admitted to " + facility(timeline, admitted.facilityId()) : null;
    }

    /** Hours below three days ("36 hours"), whole days from then on ("278 days"). */
    public static String duration(Duration duration) {
        if (duration.toHours() >= 72) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toHours() >= 1) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toMinutes(), "minute");
    }

    public static String amount(FindingKind kind, Duration shortest, Duration longest) {
        String least = duration(shortest);
        String most = duration(longest);
        if (kind == FindingKind.POSSIBLE && !least.equals(most)) {
            return shortest.isZero() ? "up to " + most : "between " + least + " and " + most;
        }
        return least.equals(most) ? least : "at least " + least;
    }

    public static String celsius(double degrees) {
        return CELSIUS.apply(degrees);
    }

    public static String kilometres(double km) {
        // as String.format(Locale.UK, "%,d km", ...) writes it; the rules word a distance for every placement, and
        // parsing the format each time was a tenth of their cost
        long rounded = Math.round(km);
        String signed = Long.toString(rounded);
        String digits = rounded < 0 ? signed.substring(1) : signed;
        StringBuilder grouped = new StringBuilder(signed.length() + 8);
        if (rounded < 0) {
            grouped.append('-');
        }
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append(',');
            }
            grouped.append(digits.charAt(i));
        }
        return grouped.append(" km").toString();
    }

    /** A facility's name and official code as registered, or a plain phrase when it is not registered. */
    public static String facility(Timeline timeline, FacilityId id) {
        return timeline.facility(id).map(Wording::facility).orElse(id == null ? "an unknown place" : "an unregistered facility");
    }

    private static String facility(FacilityRegistered facility) {
        String code = facility.officialCode();
        return code == null || code.isBlank() || facility.name().contains(code)
                ? facility.name() : facility.name() + " (" + code + ")";
    }

    public static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
