package org.casetimeline.projections.status;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.casetimeline.core.compliance.Finding;

/**
 * The key a stored finding row goes by: {@code rule@start#ordinal}, the start in microseconds since the epoch as
 * PostgreSQL keeps it (no finer) and the ordinal counting the case's earlier findings of that rule and start. A finding
 * keeps its key when other findings come or go, so a fact that lands late rewrites only the rows it changes. Migration
 * V107 writes the same text for rows stored before it.
 */
public final class FindingKeys {

    private FindingKeys() {
    }

    /** One key per finding, in the order given (a case's findings as the rules list them). */
    public static List<String> of(List<Finding> findings) {
        return RowKeys.of(findings, FindingKeys::identity);
    }

    /** What makes a finding the same finding from one evaluation to the next: its rule and start, the key less its ordinal. */
    public static String identity(Finding finding) {
        return finding.ruleId() + "@" + micros(finding.start());
    }

    /** The identity within a key. */
    public static String identity(String key) {
        return key.substring(0, key.lastIndexOf('#'));
    }

    /** The ordinal within a key: how many of the case's findings of that identity the rules listed before it. */
    public static int ordinal(String key) {
        return Integer.parseInt(key.substring(key.lastIndexOf('#') + 1));
    }

    /**
     * Microseconds since the epoch as PostgreSQL stores the instant and {@code extract(epoch FROM start_at) * 1000000}
     * gives them back: it reads the nine fractional digits written ({@code TextColumns}) as a double and rounds that to
     * the microsecond, half to even (its {@code ParseFractionalSecond}). Rounding down instead would give a start below
     * the microsecond another key than migration V107 gave its row, and its alert would be raised again.
     */
    static long micros(Instant instant) {
        long fraction = instant.getNano() % 1_000 == 0 ? instant.getNano() / 1_000
                : (long) Math.rint(Double.parseDouble("0." + String.format(Locale.ROOT, "%09d", instant.getNano())) * 1e6);
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), fraction);
    }
}
