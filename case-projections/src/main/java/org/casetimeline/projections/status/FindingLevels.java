package org.casetimeline.projections.status;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import org.casetimeline.core.shared.Confidentiality;

/**
 * Which clearance levels a stored finding row serves: those from its {@code clearance} through its
 * {@code clearance_through} (V115). Neighbouring levels of a case that see a finding alike share one row, so that a
 * case whose levels differ by a secret fact or two stores most of its findings once, not three times; a reader at a
 * level reads the rows whose range holds it.
 */
final class FindingLevels {

    /** The levels in order, lowest first, as a SQL {@code text[]} literal. */
    static final String ORDER = Arrays.stream(Confidentiality.values()).map(Enum::name)
            .collect(Collectors.joining(",", "{", "}"));

    private FindingLevels() {
    }

    /**
     * The condition that a row of {@code case_finding} (under the alias given, with its dot; or none) serves a reader at
     * this level, whose {@link #reader parameters} are bound: two lists of names rather than an order computed per row,
     * so that the table's indexes on {@code clearance} and {@code clearance_through} serve it. A list that names every
     * level is left out (the lowest level's readers need not ask how high a row goes, nor the highest's how low).
     */
    static String servesReader(String alias, Confidentiality level) {
        List<String> conditions = new ArrayList<>();
        if (level.ordinal() < Confidentiality.values().length - 1) {
            conditions.add(alias + "clearance IN (:levels_from)");
        }
        if (level.ordinal() > 0) {
            conditions.add(alias + "clearance_through IN (:levels_through)");
        }
        return String.join(" AND ", conditions);
    }

    /** The parameters of {@link #servesReader} for a reader at this level. */
    static Map<String, Object> reader(Confidentiality level) {
        return Map.of(
                "levels_from", Arrays.stream(Confidentiality.values()).filter(from -> from.compareTo(level) <= 0).map(Enum::name).toList(),
                "levels_through", Arrays.stream(Confidentiality.values()).filter(to -> to.compareTo(level) >= 0).map(Enum::name).toList());
    }

    /**
     * The rows of the levels given (each level's rows by key), a row shared by a run of neighbouring levels whose rows
     * under that key are the {@code same}; by their lowest level and key ({@code LEVEL/key}), in the order of that level
     * and then of its rows.
     */
    static <T> Map<String, Shared<T>> shared(Map<Confidentiality, Map<String, T>> byLevel, BiPredicate<T, T> same) {
        List<Confidentiality> levels = byLevel.keySet().stream().sorted().toList();
        Map<String, Shared<T>> shared = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            Confidentiality level = levels.get(i);
            int at = i;
            byLevel.get(level).forEach((key, row) -> {
                if (at > 0 && sameBelow(byLevel, levels, at, key, same)) {
                    return; // the run began at a lower level
                }
                int highest = at;
                while (highest + 1 < levels.size() && sameBelow(byLevel, levels, highest + 1, key, same)) {
                    highest++;
                }
                shared.put(level.name() + "/" + key, new Shared<>(new Range(level, levels.get(highest)), key, row));
            });
        }
        return shared;
    }

    /** Whether the level at {@code at} follows the one before it directly and has, under the key, the same row. */
    private static <T> boolean sameBelow(Map<Confidentiality, Map<String, T>> byLevel, List<Confidentiality> levels, int at,
                                         String key, BiPredicate<T, T> same) {
        if (levels.get(at).ordinal() != levels.get(at - 1).ordinal() + 1) {
            return false;
        }
        T above = byLevel.get(levels.get(at)).get(key);
        T below = byLevel.get(levels.get(at - 1)).get(key);
        return above != null && below != null && same.test(below, above);
    }

    /** The levels one row serves, from the lowest through the highest. */
    record Range(Confidentiality lowest, Confidentiality highest) {

        static Range of(String lowest, String highest) {
            return new Range(Confidentiality.valueOf(lowest), Confidentiality.valueOf(highest));
        }

        boolean holds(Confidentiality level) {
            return lowest.compareTo(level) <= 0 && level.compareTo(highest) <= 0;
        }

        /** Whether every level of the range is one of these. */
        boolean within(Set<Confidentiality> levels) {
            return levels.containsAll(EnumSet.range(lowest, highest));
        }
    }

    /** One row and the levels it serves. */
    record Shared<T>(Range levels, String key, T row) {
    }
}
