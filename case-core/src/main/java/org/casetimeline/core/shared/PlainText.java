package org.casetimeline.core.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * Recorded text is plain text: no NUL or other control character (tab and line breaks excepted) and no
 * unpaired surrogate. Such text cannot be stored or shown faithfully (PostgreSQL refuses NUL in text), and one
 * fact that reaches the event store but not a read model would stall every projection after it.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why {@code text} is not plain text, or {@code null} when it is. */
    public static String problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f) {
                return "contains a control character (U+" + String.format("%04X", (int) c) + ")";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate";
            }
        }
        return null;
    }

    /** Refuses the first text anywhere in a command (records, lists and maps within) that is not plain. */
    public static void require(Object command) {
        check(command, "");
    }

    private static void check(Object value, String path) {
        if (value instanceof String text) {
            String problem = problem(text);
            if (problem != null) {
                throw new InvalidFact(path, problem);
            }
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                check(read(component, record), path.isEmpty() ? component.getName() : path + "." + component.getName());
            }
        } else if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                check(item, path + "[" + index++ + "]");
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> {
                check(key, path);
                check(item, path + "." + key);
            });
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }
}
