package org.casetimeline.api.dashboard;

import java.time.Instant;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.core.shared.PartialDate;

/** The date control: "2013-10-20" reads the case as at the end of that day, as the API's {@code asOf} does. */
final class AsOfDate {

    private AsOfDate() {
    }

    static Instant parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(value).latestInstant();
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed("asOf", e.getMessage());
        }
    }
}
