package org.casetimeline.projections.status;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The keys of a case's rows of one kind: each row's identity, then {@code #} and its ordinal among the earlier rows of
 * the same identity. A row keeps its key when rows of other identities come or go, so a fact that lands late rewrites
 * only the rows it changes. Findings ({@link FindingKeys}) and stays ({@link StayKeys}) are keyed so.
 */
final class RowKeys {

    private RowKeys() {
    }

    /** One key per row, in the order given. */
    static <T> List<String> of(List<T> rows, Function<T, String> identity) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>(rows.size());
        for (T row : rows) {
            String id = identity.apply(row);
            keys.add(id + "#" + (seen.merge(id, 1, Integer::sum) - 1));
        }
        return keys;
    }

    /** The rows under their keys (one each, in the same order), in that order. */
    static <T> Map<String, T> byKey(List<String> keys, List<T> rows) {
        Map<String, T> keyed = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            keyed.put(keys.get(i), rows.get(i));
        }
        return keyed;
    }
}
