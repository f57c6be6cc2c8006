package org.casetimeline.core.event;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.shared.FacilityId;

/**
 * The facilities a fact names, by field, in the order of its fields: what the write checks (a facility must be
 * registered, and at most as confidential as the fact) and the timeline's reading of facilities both go by.
 */
public final class NamedFacilities {

    private static final ClassValue<List<RecordComponent>> FACILITY_FIELDS = new ClassValue<>() {
        @Override
        protected List<RecordComponent> computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            return components == null ? List.of()
                    : Arrays.stream(components).filter(component -> component.getType() == FacilityId.class).toList();
        }
    };

    private NamedFacilities() {
    }

    public static Map<String, FacilityId> in(RecordedFact fact) {
        Map<String, FacilityId> named = new LinkedHashMap<>();
        for (RecordComponent component : FACILITY_FIELDS.get(fact.getClass())) {
            if (read(component, fact) instanceof FacilityId id) {
                named.put(component.getName(), id);
            }
        }
        return named;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
