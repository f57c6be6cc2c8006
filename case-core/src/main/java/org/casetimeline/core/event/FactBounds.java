package org.casetimeline.core.event;

import java.time.Year;
import java.util.List;
import java.util.function.Function;

import org.casetimeline.core.shared.InvalidFact;

/**
 * The ranges a recorded number may take. A value outside them is a slip of the keyboard or a hostile request, and some
 * would break what is computed from the fact: a ban of minus three million days ends before the first date the read
 * models can hold, and its finding could never be stored. Checked when a fact is recorded, never when a stored event is
 * read back (an event is what was recorded, and must load as it was); what computes dates from a number stored before
 * these checks reads one outside its range as not given ({@link #DAYS}, {@link #TERM_MONTHS}).
 */
public final class FactBounds {

    /** A number's least and greatest value, both allowed. */
    public record Range(long least, long greatest, String unit) {
        public boolean holds(Integer value) {
            return value != null && value >= least && value <= greatest;
        }
    }

    /** A ban or a planned spell, in days: up to a hundred years. */
    public static final Range DAYS = new Range(0, 36_500, "days");
    /** A term of imprisonment, in months: consecutive terms run far past a life, so beyond the longest on record (141,078 years). */
    public static final Range TERM_MONTHS = new Range(0, 2_000_000, "months");
    /** A journey, in kilometres: no longer than the way round the Earth. */
    public static final Range TRAVEL_KM = new Range(0, 40_075, "km");
    /** Time outdoors in a day, in minutes. */
    public static final Range MINUTES_A_DAY = new Range(0, 1_440, "minutes");
    /** A cell's temperature, in degrees Celsius: beyond the coldest and hottest ever measured outdoors. */
    public static final Range CELSIUS = new Range(-90, 90, "degrees Celsius");
    /** The earliest year of birth: no record of this service reaches back before 1800. */
    public static final int EARLIEST_BIRTH_YEAR = 1800;

    private FactBounds() {
    }

    /** A whole number a fact of one type carries, its range and its field. */
    private record Bounded<T extends RecordedFact>(Class<T> type, Function<T, Integer> value, Range range,
                                                   String field) {
        void check(RecordedFact fact) {
            if (type.isInstance(fact)) {
                Integer number = value.apply(type.cast(fact));
                if (number != null && !range.holds(number)) {
                    throw outside(field, range);
                }
            }
        }
    }

    private static final List<Bounded<?>> BOUNDED = List.of(
            new Bounded<>(FamilyContactDenied.class, FamilyContactDenied::banDays, DAYS, "banDays"),
            new Bounded<>(SolitaryConfinementImposed.class, SolitaryConfinementImposed::plannedDays, DAYS, "plannedDays"),
            new Bounded<>(SentenceImposed.class, SentenceImposed::termMonths, TERM_MONTHS, "termMonths"),
            new Bounded<>(AppealDecided.class, AppealDecided::newTermMonths, TERM_MONTHS, "newTermMonths"),
            new Bounded<>(SentenceCommuted.class, SentenceCommuted::newTermMonths, TERM_MONTHS, "newTermMonths"),
            new Bounded<>(PersonTransferred.class, PersonTransferred::reportedTravelKm, TRAVEL_KM, "reportedTravelKm"),
            new Bounded<>(ConditionsReported.class, ConditionsReported::outdoorExerciseMinutesPerDay, MINUTES_A_DAY,
                    "outdoorExerciseMinutesPerDay"));

    /** Refuses a fact holding a number outside its range, naming the field; {@code thisYear} bounds years of birth. */
    public static void check(RecordedFact fact, Year thisYear) {
        BOUNDED.forEach(bounded -> bounded.check(fact));
        if (fact instanceof ConditionsReported conditions) {
            Double celsius = conditions.cellTemperatureCelsius();
            // NaN and the infinities fall outside too
            if (celsius != null && !(celsius >= CELSIUS.least() && celsius <= CELSIUS.greatest())) {
                throw outside("cellTemperatureCelsius", CELSIUS);
            }
        } else if (fact instanceof PrisonerDetailsAmended amended) {
            birthYear(amended.birthYear(), thisYear);
        }
    }

    /** Refuses a year of birth before 1800 or after this year. */
    public static void birthYear(Integer year, Year thisYear) {
        if (year != null && (year < EARLIEST_BIRTH_YEAR || year > thisYear.getValue())) {
            throw new InvalidFact("birthYear", "a year of birth from " + EARLIEST_BIRTH_YEAR + " to " + thisYear);
        }
    }

    private static InvalidFact outside(String field, Range range) {
        return new InvalidFact(field, "from " + range.least() + " to " + range.greatest() + " " + range.unit());
    }
}
