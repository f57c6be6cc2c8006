package org.casetimeline.core.shared;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Remembers the results of a pure function of a few recurring values (dates, their wording): the rules ask for the
 * same ones again and again while they fold a timeline. Bounded: emptied when full, since a long-running service
 * meets ever new values and a recomputation costs little.
 */
public final class PureMemo<K, V> {

    private final int limit;
    private final Function<K, V> function;
    private final Map<K, V> results = new ConcurrentHashMap<>();

    public PureMemo(int limit, Function<K, V> function) {
        this.limit = limit;
        this.function = function;
    }

    public V apply(K key) {
        V result = results.get(key);
        if (result == null) {
            result = function.apply(key);
            if (results.size() >= limit) {
                results.clear();
            }
            results.put(key, result);
        }
        return result;
    }
}
