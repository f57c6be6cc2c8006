package org.casetimeline.api.config;

import java.util.UUID;
import java.util.function.Function;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Writes and reads the domain's identifiers as bare UUID strings, both in the API and in the stored events,
 * so a stored payload reads {@code "toFacilityId": "…"} exactly as a monitor sent it.
 */
public final class IdentifierModule extends SimpleModule {

    public IdentifierModule() {
        super("case-timeline-identifiers");
        register(CaseId.class, CaseId::new, CaseId::value);
        register(FactId.class, FactId::new, FactId::value);
        register(FacilityId.class, FacilityId::new, FacilityId::value);
    }

    private <T> void register(Class<T> type, Function<UUID, T> create, Function<T, UUID> value) {
        addSerializer(type, new ValueSerializer<T>() {
            @Override
            public void serialize(T id, JsonGenerator generator, SerializationContext context) {
                generator.writeString(value.apply(id).toString());
            }
        });
        addDeserializer(type, new ValueDeserializer<T>() {
            @Override
            public T deserialize(JsonParser parser, DeserializationContext context) {
                String text = parser.getValueAsString();
                try {
                    return create.apply(UUID.fromString(text));
                } catch (IllegalArgumentException | NullPointerException e) {
                    return (T) context.handleWeirdStringValue(type, text, "not a UUID");
                }
            }
        });
    }
}
