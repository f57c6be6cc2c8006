package org.casetimeline.api.cases;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.problem.JsonBodies;
import org.casetimeline.api.problem.NotFound;
import org.casetimeline.api.security.Reader;
import org.casetimeline.projections.casefile.CaseHistory;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.PartialDate;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.HeldLevels;
import org.casetimeline.projections.recording.StoredResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** Opening cases, appending facts, and reading a case's raw history. */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseController {

    private final CaseRecorder recorder;
    private final FactTranslator translator;
    private final CaseHistory history;
    private final EventViews views;
    private final JsonMapper json;

    public CaseController(CaseRecorder recorder, FactTranslator translator, CaseHistory history, EventViews views,
                          JsonMapper json) {
        this.recorder = recorder;
        this.translator = translator;
        this.history = history;
        this.views = views;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> register(@RequestBody String body,
                                           @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                           Authentication authentication) {
        Reader who = Reader.of(authentication);
        return answer(recorder.once(who.name(), key, "POST /cases\n" + body, () -> {
            RegistrationRequest request = JsonBodies.object(json, body, RegistrationRequest.class);
            CaseId caseId = new CaseId(request.caseId() == null ? UUID.randomUUID() : request.caseId());
            Acknowledgement ack = recorder.send(who, caseId.toString(),
                    translator.registration(request, caseId, new FactId(UUID.randomUUID())));
            return new StoredResponse(HttpStatus.CREATED.value(), recorder.toJson(ack), etag(ack.sequence()),
                    "/api/v1/cases/" + caseId);
        }));
    }

    @PostMapping(path = "/{caseId}/events", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> append(@PathVariable UUID caseId, @RequestBody String body,
                                         @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         Authentication authentication) {
        Reader who = Reader.of(authentication);
        Long expectedVersion = version(ifMatch);
        String fingerprint = "POST /cases/" + caseId + "/events\nIf-Match: " + ifMatch + "\n" + body;
        return answer(recorder.once(who.name(), key, fingerprint, () -> {
            FactRequest request = JsonBodies.object(json, body, FactRequest.class);
            Object command = translator.toCommand(who, new CaseId(caseId), expectedVersion, request);
            Acknowledgement ack = recorder.send(who, caseId.toString(), command);
            return new StoredResponse(HttpStatus.CREATED.value(), recorder.toJson(ack), etag(ack.sequence()),
                    "/api/v1/cases/" + caseId + "/events/" + ack.eventId());
        }));
    }

    /** The raw history, filtered by when and by whom it was recorded and by type (AUDITOR). */
    @GetMapping("/{caseId}/events")
    public ResponseEntity<List<EventView>> events(@PathVariable UUID caseId,
                                                  @RequestParam(required = false) String recordedFrom,
                                                  @RequestParam(required = false) String recordedTo,
                                                  @RequestParam(required = false) String recordedBy,
                                                  @RequestParam(required = false) String type,
                                                  Authentication authentication) {
        Reader who = Reader.of(authentication);
        Instant from = recordedFrom == null ? null : parseInstant(recordedFrom, "recordedFrom", false);
        Instant to = recordedTo == null ? null : parseInstant(recordedTo, "recordedTo", true);
        List<Recording> recordings = history.of(new CaseId(caseId))
                .orElseThrow(() -> new NotFound("No case " + caseId + "."));
        Map<FactId, Confidentiality> held = HeldLevels.byFact(recordings);
        if (!held.get(recordings.get(0).event().factId()).visibleTo(who.clearance())) {
            // a case above the reader's clearance is no case to them, as its timeline and status are not
            throw new NotFound("No case " + caseId + ".");
        }
        List<EventView> visible = recordings.stream()
                .filter(recording -> held.get(recording.event().factId()).visibleTo(who.clearance()))
                .filter(recording -> from == null || !recording.recordedAt().isBefore(from))
                .filter(recording -> to == null || !recording.recordedAt().isAfter(to))
                .filter(recording -> recordedBy == null || recordedBy.equals(recording.recordedBy()))
                .filter(recording -> type == null || type.equals(recording.event().getClass().getSimpleName()))
                .map(recording -> views.of(recording, held.get(recording.event().factId())))
                .toList();
        long version = recordings.get(recordings.size() - 1).sequence();
        return ResponseEntity.ok().eTag(etag(version)).body(visible);
    }

    /** A date reads as its first instant for a lower bound and its last for an upper bound. */
    private static Instant parseInstant(String value, String parameter, boolean upper) {
        try {
            PartialDate date = PartialDate.parse(value);
            return upper ? date.latestInstant() : date.earliest();
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed(parameter, e.getMessage());
        }
    }

    /** The HTTP form of a stored answer, the same the first time and on every idempotent retry. */
    public static ResponseEntity<String> answer(StoredResponse response) {
        var builder = ResponseEntity.status(response.status()).contentType(MediaType.APPLICATION_JSON);
        if (response.etag() != null) {
            builder.eTag(response.etag());
        }
        if (response.location() != null) {
            builder.location(URI.create(response.location()));
        }
        return builder.body(response.body());
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** Reads If-Match: a version as given in an ETag ("3", W/"3" or 3). */
    static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String text = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            long version = Long.parseLong(text);
            if (version < 0) {
                throw new NumberFormatException();
            }
            return version;
        } catch (NumberFormatException e) {
            throw InvalidRequest.malformed("If-Match", "must be a case version as returned in an ETag, such as \"3\"");
        }
    }
}
