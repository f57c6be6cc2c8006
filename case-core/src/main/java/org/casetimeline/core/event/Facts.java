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

    static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }
}
