package org.casetimeline.core.event;

import java.util.List;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** The checks every event's constructor shares, so a malformed fact can never be built, stored or replayed. */
final class Facts {

    private Facts() {
    }

    static void requireEnvelope(CaseId caseId, FactId factId, Occurrence occurred, Provenance provenance) {
        require(caseId, "caseId");
        require(factId, "factId");
        require(occurred, "occurredAt");
        require(provenance, "provenance");
    }

    static void require(Object value, String field) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            throw new InvalidFact(field, field + " is required");
        }
    }

    /** A list given, as an immutable copy; none is an empty list, and a missing element is refused by its place. */
    static <T> List<T> listOf(List<T> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new InvalidFact(field + "[" + i + "]", field + " holds a null at " + i + "; leave it out");
            }
        }
        return List.copyOf(values);
    }
}
