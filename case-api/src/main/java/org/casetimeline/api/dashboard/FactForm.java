package org.casetimeline.api.dashboard;

import java.util.List;
import java.util.Map;

import org.casetimeline.api.vocabulary.FactTypeController.FieldView;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The type-specific part of the record form: which input each field of the vocabulary gets, and how the posted
 * text becomes the {@code data} object the API takes. Values that do not parse go through as text, so the
 * translator refuses them with the same field and reason a client of the API would get.
 */
final class FactForm {

    /** One input of the form; {@code kind} picks the template's control. */
    record Input(String name, String label, String kind, List<String> values) {
    }

    private FactForm() {
    }

    static List<Input> inputs(List<FieldView> fields, Words words) {
        return fields.stream().map(field -> new Input(field.name(), words.field(field.name()), kind(field),
                field.values())).toList();
    }

    private static String kind(FieldView field) {
        if (!field.values().isEmpty()) {
            return "choice";
        }
        return switch (field.type()) {
            case "FacilityId" -> "facility";
            case "Boolean", "boolean" -> "yesno";
            case "Integer", "int", "Long", "long", "Double", "double" -> "number";
            case "List<String>" -> "lines";
            case "String", "FactId" -> "text";
            default -> "json";
        };
    }

    static ObjectNode data(List<FieldView> fields, Map<String, String> posted, JsonMapper json) {
        ObjectNode data = json.createObjectNode();
        for (FieldView field : fields) {
            String raw = posted.get("data." + field.name());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            String value = raw.strip();
            switch (kind(field)) {
                // anything but the form's two answers (a tampered form) goes through as text, for the translator to refuse
                case "yesno" -> {
                    if (value.equals("yes") || value.equals("no")) {
                        data.put(field.name(), value.equals("yes"));
                    } else {
                        data.put(field.name(), value);
                    }
                }
                case "number" -> putNumber(data, field.name(), value);
                case "lines" -> value.lines().map(String::strip).filter(line -> !line.isEmpty())
                        .forEach(data.putArray(field.name())::add);
                case "json" -> {
                    try {
                        data.set(field.name(), json.readTree(value));
                    } catch (JacksonException e) {
                        data.put(field.name(), value);
                    }
                }
                default -> data.put(field.name(), value);
            }
        }
        return data;
    }

    private static void putNumber(ObjectNode data, String name, String value) {
        try {
            if (value.contains(".")) {
                data.put(name, Double.parseDouble(value));
            } else {
                data.put(name, Long.parseLong(value));
            }
        } catch (NumberFormatException e) {
            data.put(name, value);
        }
    }
}
