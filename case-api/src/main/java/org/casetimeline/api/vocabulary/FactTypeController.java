package org.casetimeline.api.vocabulary;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.ParameterizedType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.casetimeline.core.event.FactTypes;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The recordable vocabulary: every fact type with the fields of its {@code data}, for forms and clients. */
@RestController
public class FactTypeController {

    private static final Set<String> ENVELOPE = Set.of("caseId", "factId", "occurred", "provenance");

    public record FieldView(String name, String type, List<String> values) {
    }

    @GetMapping("/api/v1/fact-types")
    public Map<String, List<FieldView>> factTypes() {
        Map<String, List<FieldView>> types = new LinkedHashMap<>();
        FactTypes.all().forEach((name, type) -> types.put(name, Arrays.stream(type.getRecordComponents())
                .filter(component -> !ENVELOPE.contains(component.getName()))
                .map(FactTypeController::field)
                .toList()));
        return types;
    }

    private static FieldView field(RecordComponent component) {
        Class<?> type = component.getType();
        List<String> values = type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : List.of();
        String name = type.getSimpleName();
        if (component.getGenericType() instanceof ParameterizedType generic) {
            name = name + "<" + ((Class<?>) generic.getActualTypeArguments()[0]).getSimpleName() + ">";
        }
        return new FieldView(component.getName(), name, values);
    }
}
