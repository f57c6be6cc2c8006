package org.casetimeline.api.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

/**
 * Writes rows as CSV (RFC 4180) or NDJSON. CSV cells that a spreadsheet would run as a formula (starting with
 * =, +, - or @, or a tab or carriage return before one, as OWASP lists them) get a leading apostrophe: exports travel
 * to campaigners' spreadsheets.
 */
final class Tabular {

    private Tabular() {
    }

    static String csv(List<String> columns, List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (Map<String, Object> row : rows) {
            out.append(columns.stream().map(column -> cell(row.get(column))).collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }

    static String ndjson(JsonMapper json, List<?> rows) {
        StringBuilder out = new StringBuilder();
        rows.forEach(row -> out.append(json.writeValueAsString(row)).append('\n'));
        return out.toString();
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof List<?> list
                ? list.stream().map(String::valueOf).collect(Collectors.joining("; ")) : String.valueOf(value);
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
