package org.casetimeline.api.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.casetimeline.api.security.Reader;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.timeline.HeldLevels;
import org.casetimeline.projections.audit.StoredEvents;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every stored event in store order as NDJSON, one line each with its payload and metadata as stored and its
 * chain link (AUDITOR): enough to recompute every link and replay the history elsewhere. Events above the
 * reader's clearance appear as their envelope and link only, so the chain can still be checked. The last line,
 * {@code {"end": {...}}}, counts the lines before it: a stream cut short (a dropped connection, a failed read after
 * the answer began) lacks it, where a file of whole lines would otherwise pass for the whole store.
 */
@RestController
public class AuditEventsController {

    private final StoredEvents events;
    private final JsonMapper json;

    public AuditEventsController(StoredEvents events, JsonMapper json) {
        this.events = events;
        this.json = json;
    }

    @GetMapping(path = "/api/v1/audit/events", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> events(Authentication authentication) {
        Confidentiality clearance = Reader.of(authentication).clearance();
        StreamingResponseBody body = (OutputStream out) -> {
            HeldLevels held = new HeldLevels();
            long[] counted = new long[3]; // events, of them redacted, the last global index
            counted[2] = -1;
            events.forEach(event -> {
                ObjectNode line = json.valueToTree(event);
                JsonNode payload = json.readTree(event.payload());
                Confidentiality level = held.of(event.aggregateIdentifier(),
                        event.payloadType().equals(PrisonerRegistered.class.getName()), factId(payload, "factId"),
                        storedLevel(payload), amended(payload), factId(payload, "replacementFactId"));
                if (!level.visibleTo(clearance)) {
                    // the type says what a hidden fact is (an allegation, a denial); the chain needs none of it
                    line.remove("payload");
                    line.remove("payloadType");
                    line.remove("payloadRevision");
                    line.remove("metaData");
                    line.remove("type"); // a facility's or a case's: not what the chain needs of a hidden event
                    line.put("redacted", level.name());
                    counted[1]++;
                }
                counted[0]++;
                counted[2] = event.globalIndex();
                write(out, line);
            });
            write(out, json.createObjectNode().set("end", json.valueToTree(
                    new StreamEnd(counted[0], counted[1], counted[2] < 0 ? null : counted[2]))));
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    /** The stream's last line: how many event lines came before it, how many of them redacted, and the last one's index. */
    record StreamEnd(long events, long redacted, Long lastGlobalIndex) {
    }

    private void write(OutputStream out, JsonNode line) {
        try {
            out.write((json.writeValueAsString(line) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Who may see a stored event as it was stored: a fact's level is in its provenance, a facility registration
     * (revision 2) carries its own; a registration of revision 1 was listed to everyone, and stays public.
     */
    private static Confidentiality storedLevel(JsonNode payload) {
        JsonNode level = payload.has("provenance") ? payload.path("provenance").path("confidentiality")
                : payload.path("confidentiality");
        return Confidentiality.valueOf(level.asString("PUBLIC"));
    }

    /** The fact a stored retraction, correction or dispute amends, by the field each names it in; null for others. */
    private static FactId amended(JsonNode payload) {
        for (String field : new String[] {"retractedFactId", "correctedFactId", "disputedFactId"}) {
            FactId id = factId(payload, field);
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private static FactId factId(JsonNode payload, String field) {
        String id = payload.path(field).asString(null);
        return id == null ? null : new FactId(UUID.fromString(id));
    }
}
