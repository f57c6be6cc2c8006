package org.casetimeline.core.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one case; its text form is the bare UUID, which is also how Axon and URLs name it. */
public record CaseId(UUID value) {

    public CaseId {
        Objects.requireNonNull(value, "caseId");
    }

    public static CaseId of(String text) {
        return new CaseId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
