package org.casetimeline.projections.audit;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A checkpoint's heads as stored: {"aggregate": "sequence:link", ...}. */
final class CheckpointHeads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CheckpointHeads() {
    }

    static Map<String, String> parse(String json) {
        Map<String, String> heads = new TreeMap<>();
        JsonNode node = JSON.readTree(json);
        // a head rewritten into another shape (an object, an array) is kept as its JSON text, which matches no link:
        // asString would throw on it and end the verification
        node.properties().forEach(entry -> heads.put(entry.getKey(),
                entry.getValue().isString() ? entry.getValue().asString() : entry.getValue().toString()));
        return heads;
    }

    static String write(Map<String, String> heads) {
        return JSON.writeValueAsString(new TreeMap<>(heads));
    }
}
