package org.casetimeline.projections.status;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.compliance.Finding;

/**
 * The key a stored finding row goes by: {@code rule@start#ordinal}, the start in whole microseconds since the epoch
 * (PostgreSQL keeps no finer) and the ordinal counting the case's earlier findings of that rule and start. A finding
 * keeps its key when other findings come or go, so a fact that lands late rewrites only the rows it changes. Migration
 * V107 writes the same text for rows stored before it.
 */
public final class FindingKeys {

    private FindingKeys() {
    }

    /** One key per finding, in the order given (a case's findings as the rules list them). */
    public static List<String> of(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            String ruleAndStart = identity(finding);
            int ordinal = seen.merge(ruleAndStart, 1, Integer::sum) - 1;
            keys.add(ruleAndStart + "#" + ordinal);
        }
        return keys;
    }

    /** What makes a finding the same finding from one evaluation to the next: its rule and start, the key less its ordinal. */
    public static String identity(Finding finding) {
        return finding.ruleId() + "@" + micros(finding.start());
    }

    /** The identity within a key. */
    public static String identity(String key) {
        return key.substring(0, key.lastIndexOf('#'));
    }

    /** Whole microseconds since the epoch, rounded down, as {@code extract(epoch FROM start_at) * 1000000} gives them. */
    static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }
}
