package org.casetimeline.api.storage;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.Occurrence;

/**
 * One instance of every stored event type with every field filled, the same on every run: the values follow from
 * the type and the field's name alone (a text field holds its own name, an id is derived from the field's path, an
 * enum takes its last constant, so that no field shows a default), so a renamed, retyped or added field changes the
 * event's stored form, and {@link StoredEventFormIT} sees it.
 */
final class EventSamples {

    private EventSamples() {
    }

    /** Every event type the store holds: the case streams' sealed vocabulary, and the facility registry's. */
    static List<Class<?>> storedTypes() {
        List<Class<?>> types = new ArrayList<>();
        collect(CaseEvent.class, types);
        types.add(FacilityRegistered.class);
        return types;
    }

    private static void collect(Class<?> type, List<Class<?>> into) {
        if (type.isSealed()) {
            for (Class<?> permitted : type.getPermittedSubclasses()) {
                collect(permitted, into);
            }
        } else {
            into.add(type);
        }
    }

    static Object of(Class<?> type) {
        return value(type, type, type.getSimpleName());
    }

    /**
     * The same event with every field its record lets be absent left null (nested values filled): pinned too, so that a
     * field made required, or turned from {@code Boolean} into {@code boolean} (a stored null would read as false),
     * changes a stored form.
     */
    static Object minimal(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            values[i] = value(components[i].getType(), components[i].getGenericType(), type.getSimpleName() + "." + components[i].getName());
        }
        for (int i = 0; i < components.length; i++) {
            if (components[i].getType().isPrimitive()) {
                continue;
            }
            Object kept = values[i];
            values[i] = null;
            try {
                construct(type, values);
            } catch (IllegalStateException required) {
                values[i] = kept;
            }
        }
        return construct(type, values);
    }

    /** Every enum type a stored event can hold, at any depth. */
    static Set<Class<?>> storedEnums() {
        Set<Class<?>> enums = new TreeSet<>(Comparator.comparing(Class::getName));
        storedTypes().forEach(type -> collectEnums(type, type, enums, new HashSet<>()));
        return enums;
    }

    private static void collectEnums(Class<?> type, Type generic, Set<Class<?>> into, Set<Class<?>> seen) {
        if (type.isEnum()) {
            into.add(type);
        } else if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            collectEnums((Class<?>) element, element, into, seen);
        } else if (type.isRecord() && seen.add(type)) {
            for (RecordComponent component : type.getRecordComponents()) {
                collectEnums(component.getType(), component.getGenericType(), into, seen);
            }
        }
    }

    private static Object value(Class<?> type, Type generic, String path) {
        String name = path.substring(path.lastIndexOf('.') + 1);
        if (type == String.class) {
            return name.equals("country") ? "KZ" : name;
        }
        if (type == Boolean.class || type == boolean.class) {
            return Boolean.TRUE;
        }
        if (type == Integer.class || type == int.class) {
            return 7;
        }
        if (type == Double.class || type == double.class) {
            return 7.5;
        }
        if (type == UUID.class) {
            return UUID.nameUUIDFromBytes(path.getBytes(StandardCharsets.UTF_8));
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            return List.of(value((Class<?>) element, element, path + "[0]"));
        }
        if (type == Occurrence.class) {
            return new Occurrence("2013-10-05", "2013-11");
        }
        if (type == Coordinates.class) {
            return new Coordinates(50.2833, 66.9667);
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getType(), components[i].getGenericType(), path + "." + components[i].getName());
            }
            return construct(type, values);
        }
        throw new IllegalStateException("no sample value for " + path + " of type " + type.getName()
                + ": teach EventSamples the new type");
    }

    /** Builds a record by its canonical constructor; an IllegalStateException when the record refuses the values. */
    private static Object construct(Class<?> type, Object[] values) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException refused) {
            throw new IllegalStateException(type.getSimpleName() + " refuses these values", refused.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getName(), e);
        }
    }
}
