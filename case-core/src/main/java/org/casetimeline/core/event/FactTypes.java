package org.casetimeline.core.event;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The vocabulary by name: every fact type a monitor may record, read off the sealed {@link RecordedFact}
 * itself, so adding a record to its permits list is all it takes to make a new type recordable.
 */
public final class FactTypes {

    private static final Map<String, Class<? extends RecordedFact>> BY_NAME = index();

    private FactTypes() {
    }

    public static Optional<Class<? extends RecordedFact>> byName(String name) {
        return Optional.ofNullable(name == null ? null : BY_NAME.get(name));
    }

    /** Every recordable fact type, by name, in alphabetical order. */
    public static Map<String, Class<? extends RecordedFact>> all() {
        return BY_NAME;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends RecordedFact>> index() {
        Map<String, Class<? extends RecordedFact>> byName = new TreeMap<>();
        for (Class<?> type : RecordedFact.class.getPermittedSubclasses()) {
            byName.put(type.getSimpleName(), (Class<? extends RecordedFact>) type);
        }
        return java.util.Collections.unmodifiableMap(byName);
    }
}
