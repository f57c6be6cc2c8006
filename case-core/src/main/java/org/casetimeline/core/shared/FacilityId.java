package org.casetimeline.core.shared;

import java.util.Objects;
import java.util.UUID;

/** Identifies one facility; its text form is the bare UUID, which is also how Axon and URLs name it. */
public record FacilityId(UUID value) {

    public FacilityId {
        Objects.requireNonNull(value, "facilityId");
    }

    public static FacilityId of(String text) {
        return new FacilityId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
