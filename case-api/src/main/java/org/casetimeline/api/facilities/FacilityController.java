package org.casetimeline.api.facilities;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.cases.Acknowledgement;
import org.casetimeline.api.cases.CaseController;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.problem.JsonBodies;
import org.casetimeline.api.problem.NotFound;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.projections.facility.FacilityProjection;
import org.casetimeline.projections.facility.FacilityView;
import org.casetimeline.projections.recording.StoredResponse;
import org.casetimeline.projections.status.CaseStatusQueries;
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
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/** The registry of places of detention. */
@RestController
@RequestMapping("/api/v1/facilities")
public class FacilityController {

    private final CaseRecorder recorder;
    private final FacilityProjection facilities;
    private final CaseStatusQueries cases;
    private final JsonMapper json;

    public FacilityController(CaseRecorder recorder, FacilityProjection facilities, CaseStatusQueries cases,
                              JsonMapper json) {
        this.recorder = recorder;
        this.facilities = facilities;
        this.cases = cases;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<String> register(@RequestBody String body,
                                           @RequestHeader(value = "Idempotency-Key", required = false) String key,
                                           Authentication authentication) {
        Reader who = Reader.of(authentication);
        StoredResponse response = recorder.once(who.name(), key, "POST /facilities\n" + body, () -> {
            FacilityRequest request = JsonBodies.object(json, body, FacilityRequest.class);
            require(request.name(), "name");
            require(request.country(), "country");
            if (request.kind() == null) {
                throw InvalidRequest.malformed("kind", "kind is required");
            }
            FacilityId id = new FacilityId(request.facilityId() == null ? UUID.randomUUID() : request.facilityId());
            Acknowledgement ack = recorder.send(who, id.toString(), request.toCommand(id, who));
            return new StoredResponse(HttpStatus.CREATED.value(), recorder.toJson(ack), null,
                    "/api/v1/facilities/" + id);
        });
        return CaseController.answer(response);
    }

    @GetMapping
    public List<FacilityView> list(Authentication authentication) {
        return facilities.list(Reader.of(authentication).clearance());
    }

    @GetMapping("/{facilityId}")
    public Map<String, Object> facility(@PathVariable UUID facilityId, Authentication authentication) {
        var clearance = Reader.of(authentication).clearance();
        FacilityView facility = facilities.find(facilityId, clearance)
                .orElseThrow(() -> new NotFound("No facility " + facilityId + "."));
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("facility", facility);
        view.put("heldNow", cases.heldIn(facilityId, clearance));
        view.put("heldOverTime", cases.everHeldIn(facilityId, clearance));
        return view;
    }

    private static void require(String value, String field) {
        if (value == null || value.isBlank()) {
            throw InvalidRequest.malformed(field, field + " is required");
        }
    }
}
