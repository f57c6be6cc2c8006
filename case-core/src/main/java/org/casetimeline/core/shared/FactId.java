package org.casetimeline.core.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one fact; its text form is the bare UUID, which is also how Axon and URLs name it. */
public record FactId(UUID value) {

    public FactId {
        Objects.requireNonNull(value, "factId");
    }

    public static FactId of(String text) {
        return new FactId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
