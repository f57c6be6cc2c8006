package org.casetimeline.api.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Source;
import org.casetimeline.api.cases.RegistrationRequest;
import org.casetimeline.api.facilities.FacilityRequest;
import org.casetimeline.core.event.FactTypes;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Describes the {@code data} of every recordable fact type in the OpenAPI document, one schema per type named
 * {@code <Type>Data}, read off the event records themselves so the document cannot drift from the vocabulary.
 */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    private static final Set<String> ENVELOPE = Set.of("caseId", "factId", "occurred", "provenance");

    /** {@link FactRequest} as documented: its {@code data} is a JSON object whose shape is given per type. */
    record FactRequestBody(String type, UUID factId, String occurredAt, String occurredUntil, List<Source> sources,
                           ClaimStatus claim, Confidentiality confidentiality, Map<String, Object> data) {
    }

    /**
     * The write endpoints read their body as text (to fingerprint it for Idempotency-Key), so the document is told
     * what that text must be.
     */
    @Bean
    OpenApiCustomizer requestBodies() {
        return openApi -> {
            body(openApi, "/api/v1/cases/{caseId}/events", FactRequestBody.class, "FactRequest");
            body(openApi, "/api/v1/cases", RegistrationRequest.class, "RegistrationRequest");
            body(openApi, "/api/v1/facilities", FacilityRequest.class, "FacilityRequest");
        };
    }

    private static void body(OpenAPI openApi, String path, Class<?> type, String name) {
        PathItem item = openApi.getPaths() == null ? null : openApi.getPaths().get(path);
        if (item == null || item.getPost() == null) {
            return;
        }
        var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
        openApi.getComponents().addSchemas(name, resolved.schema);
        resolved.referencedSchemas.forEach(openApi.getComponents()::addSchemas);
        item.getPost().setRequestBody(new RequestBody().required(true).content(new Content().addMediaType(
                "application/json", new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + name)))));
    }

    @Bean
    OpenApiCustomizer factTypeSchemas() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            FactTypes.all().forEach((name, type) -> {
                var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
                if (resolved == null || resolved.schema == null) {
                    return;
                }
                Schema<?> data = resolved.schema;
                if (data.getProperties() != null) {
                    ENVELOPE.forEach(data.getProperties()::remove);
                }
                data.setName(name + "Data");
                data.setDescription("The data of a " + name + " fact: POST /api/v1/cases/{caseId}/events with"
                        + " {\"type\": \"" + name + "\", \"occurredAt\": ..., \"sources\": [...], \"data\": {...}}");
                openApi.getComponents().addSchemas(name + "Data", data);
                resolved.referencedSchemas.forEach((referenced, schema) -> {
                    if (!openApi.getComponents().getSchemas().containsKey(referenced)) {
                        openApi.getComponents().addSchemas(referenced, schema);
                    }
                });
            });
        };
    }
}
