package org.casetimeline.api.cases;

import java.time.Instant;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.core.shared.PartialDate;

/**
 * Reads {@code asOf} and {@code knownAt}, for the API and the dashboard's date control alike: a date means the end of that
 * day (or month, or year); an instant is exact.
 */
public final class ReadingInstants {

    private ReadingInstants() {
    }

    public static Instant parse(String value, String parameter) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return PartialDate.parse(value).latestInstant();
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed(parameter, e.getMessage());
        }
    }
}
