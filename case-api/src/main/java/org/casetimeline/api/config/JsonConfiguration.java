package org.casetimeline.api.config;

import org.axonframework.serialization.jackson3.Jackson3SerializerCustomizer;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.type.LogicalType;

/**
 * One JSON shape for the API and for the stored events. The API is strict (an unknown or misspelt field is
 * refused, never ignored; a value of the wrong type is refused, never converted; text is plain text) and reads
 * enum names in any case ("public", "PUBLIC").
 */
@Configuration(proxyBeanMethods = false)
public class JsonConfiguration {

    @Bean
    JsonMapperBuilderCustomizer strictApiJson() {
        return builder -> configure(builder)
                .addModule(new PlainTextModule())
                // "12" is not a number and 12 is not a text: a wrong type is refused, not converted
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .withCoercionConfigDefaults(config -> config.setAcceptBlankAsEmpty(false)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, JsonConfiguration::refuseText)
                .withCoercionConfig(LogicalType.Float, JsonConfiguration::refuseText)
                .withCoercionConfig(LogicalType.Boolean, JsonConfiguration::refuseText)
                // 1953.9 is not a year and 2 is not a level; a key given twice is refused, not the last one taken
                // (a confidentiality given as "confidential", then "public", was stored as public)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS);
    }

    /**
     * Axon builds its own mapper for events and tracking tokens; it gets the same identifier form and stays
     * lenient on read. A replay token declares its reset context as {@code Object}, which Jackson 3 refuses to
     * resolve by default; only Axon's own types may stand there.
     */
    @Bean
    Jackson3SerializerCustomizer eventJson() {
        return builder -> configure(builder)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .polymorphicTypeValidator(BasicPolymorphicTypeValidator.builder()
                        .allowIfSubType("org.axonframework.")
                        .build());
    }

    private static void refuseText(MutableCoercionConfig config) {
        config.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    private static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder.addModule(new IdentifierModule());
    }
}
