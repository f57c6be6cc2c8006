package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.casetimeline.core.shared.FactId;

/**
 * What a check found in one case: which rule, how firmly, how grave, whether it still holds, over which
 * interval ({@code end} null while open), the threshold used, the facts that prove it, and one plain sentence
 * a campaigner can paste into a letter.
 */
public record Finding(
        String ruleId,
        List<String> ruleNumbers,
        FindingKind kind,
        Severity severity,
        FindingState state,
        Instant start,
        Instant end,
        String threshold,
        List<FactId> evidence,
        boolean approximate,
        boolean disputed,
        String explanation) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(explanation, "explanation");
        ruleNumbers = List.copyOf(ruleNumbers);
        evidence = List.copyOf(evidence);
        if ((state == FindingState.OPEN) != (end == null)) {
            throw new IllegalArgumentException("an open finding has no end, a closed one has");
        }
    }

    public boolean open() {
        return state == FindingState.OPEN;
    }
}
