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
        node.properties().forEach(entry -> heads.put(entry.getKey(), entry.getValue().asString()));
        return heads;
    }

    static String write(Map<String, String> heads) {
        return JSON.writeValueAsString(new TreeMap<>(heads));
    }
}
