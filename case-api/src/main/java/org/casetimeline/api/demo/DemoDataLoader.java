package org.casetimeline.api.demo;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.cases.RegistrationRequest;
import org.casetimeline.api.facilities.FacilityRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.projections.casefile.CaseHistory;
import org.casetimeline.projections.casefile.FacilityDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo cases built from the seed documents (Atabek, Bokaev, Ayan) on first start, through the same
 * translator and recorder the REST API uses, so demo facts pass every check a monitor's facts pass.
 * Anything already stored is skipped, so a restart never records a fact twice.
 */
@Component
public class DemoDataLoader {

    static final String RESOURCE = "demo/seed-cases.json";
    /** The loader writes the public documents' facts at every level they were given, so it sees every fact. */
    private static final Reader LOADER = new Reader("demo-loader", Confidentiality.CONFIDENTIAL);
    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final CaseRecorder recorder;
    private final FactTranslator translator;
    private final FacilityDirectory facilities;
    private final CaseHistory cases;
    private final JsonMapper json;
    private final boolean enabled;

    /** {@code case-timeline.demo-data} unset: load on the embedded default only, never into a real database. */
    public DemoDataLoader(CaseRecorder recorder, FactTranslator translator, FacilityDirectory facilities,
                          CaseHistory cases, JsonMapper json, @Value("${case-timeline.demo-data:#{null}}") Boolean demoData,
                          ObjectProvider<EmbeddedPostgres> embeddedDatabase) {
        this.enabled = demoData != null ? demoData : embeddedDatabase.getIfAvailable() != null;
        this.recorder = recorder;
        this.translator = translator;
        this.facilities = facilities;
        this.cases = cases;
        this.json = json;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void load() throws IOException {
        if (!enabled) {
            return;
        }
        JsonNode demo;
        try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
            demo = json.readTree(in);
        }
        int stored = 0;
        for (JsonNode node : demo.path("facilities")) {
            FacilityRequest facility = json.treeToValue(node, FacilityRequest.class);
            FacilityId id = new FacilityId(facility.facilityId());
            if (!facilities.exists(id)) {
                recorder.send(LOADER, id.toString(), facility.toCommand(id, LOADER));
                stored++;
            }
        }
        for (JsonNode node : demo.path("cases")) {
            CaseId caseId = CaseId.of(node.path("caseId").asString());
            if (cases.of(caseId).isPresent()) {
                continue;
            }
            RegistrationRequest person = json.treeToValue(node.path("registration"), RegistrationRequest.class);
            recorder.send(LOADER, caseId.toString(), translator.registration(person, caseId,
                    new FactId(UUID.nameUUIDFromBytes(("registration:" + caseId).getBytes()))));
            stored++;
            for (JsonNode fact : node.path("facts")) {
                FactRequest request = json.treeToValue(fact, FactRequest.class);
                recorder.send(LOADER, caseId.toString(), translator.toCommand(LOADER, caseId, null, request));
                stored++;
            }
        }
        if (stored > 0) {
            log.info("Loaded {} demo events from {}", stored, RESOURCE);
        }
    }
}
