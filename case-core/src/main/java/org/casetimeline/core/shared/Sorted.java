package org.casetimeline.core.shared;

import java.util.List;
import java.util.function.Predicate;

/** Searches in lists kept in order, as a case's facts and stays are: the rules ask them once per fact of a long case. */
public final class Sorted {

    private Sorted() {
    }

    /**
     * The length of the prefix of {@code sorted} whose elements all satisfy {@code inPrefix}, found by binary search:
     * the list must be ordered so that the predicate holds for a prefix and for nothing after it.
     */
    public static <T> int prefixLength(List<T> sorted, Predicate<? super T> inPrefix) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (inPrefix.test(sorted.get(middle))) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
