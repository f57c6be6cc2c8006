package org.casetimeline.api.problem;

import tools.jackson.databind.json.JsonMapper;

/** A request body read as one JSON object: the literal {@code null} is refused by name, not left to fail later. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static <T> T object(JsonMapper json, String body, Class<T> type) {
        T value = json.readValue(body, type);
        if (value == null) {
            throw InvalidRequest.malformed("body", "a JSON object is required, not null");
        }
        return value;
    }
}
