package org.casetimeline.api.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.commandhandling.CommandExecutionException;
import org.casetimeline.api.cases.CaseReading;
import org.casetimeline.api.cases.CaseRecorder;
import org.casetimeline.api.cases.FactRequest;
import org.casetimeline.api.cases.FactTranslator;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.api.vocabulary.FactTypeController;
import org.casetimeline.api.vocabulary.FactTypeController.FieldView;
import org.casetimeline.core.prisonercase.RecordingRefused;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.core.shared.Reliability;
import org.casetimeline.core.shared.Source;
import org.casetimeline.core.shared.SourceKind;
import org.casetimeline.projections.facility.FacilityProjection;
import org.casetimeline.projections.recording.StoredResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import tools.jackson.databind.json.JsonMapper;

/**
 * Recording a fact from a form (MONITOR): builds the same {@link FactRequest} a client posts to
 * {@code /api/v1/cases/{id}/events} and sends it through the same translator and recorder, so the form can
 * store nothing the API would refuse. The refusal's field comes back next to its input. A key minted with the
 * form makes a double submit store the fact once.
 */
@Controller
class RecordFactController {

    /** Rows for sources beyond the first; the API takes any number, the form offers what a fact usually has. */
    static final int FURTHER_SOURCES = 2;

    private final FactTranslator translator;
    private final CaseRecorder recorder;
    private final CaseReading reading;
    private final FactTypeController vocabulary;
    private final FacilityProjection facilities;
    private final JsonMapper json;
    private final Words words;

    RecordFactController(FactTranslator translator, CaseRecorder recorder, CaseReading reading,
                         FactTypeController vocabulary, FacilityProjection facilities, JsonMapper json, Words words) {
        this.translator = translator;
        this.recorder = recorder;
        this.reading = reading;
        this.vocabulary = vocabulary;
        this.facilities = facilities;
        this.json = json;
        this.words = words;
    }

    @GetMapping("/cases/{caseId}/record")
    String form(@PathVariable UUID caseId, @RequestParam(required = false) String type, Authentication authentication,
                Model model) {
        return show(caseId, Map.of("type", type == null ? "" : type), Map.of(), authentication, model);
    }

    @PostMapping("/cases/{caseId}/record")
    String record(@PathVariable UUID caseId, @RequestParam Map<String, String> posted, Authentication authentication,
                  Model model) {
        Reader who = Reader.of(authentication);
        List<FieldView> fields = vocabulary.factTypes().getOrDefault(posted.get("type"), List.of());
        try {
            FactRequest request = new FactRequest(posted.get("type"), null, blank(posted.get("occurredAt")),
                    blank(posted.get("occurredUntil")), sources(posted), choice(ClaimStatus.class, posted.get("claim"), "claim"),
                    choice(Confidentiality.class, posted.get("confidentiality"), "confidentiality"), FactForm.data(fields, posted, json));
            StoredResponse stored = recorder.once(who.name(), blank(posted.get("key")),
                    "dashboard " + caseId + "\n" + json.writeValueAsString(request), () -> {
                        var ack = recorder.send(who, caseId.toString(),
                                translator.toCommand(who, new CaseId(caseId), null, request));
                        return new StoredResponse(HttpStatus.CREATED.value(), recorder.toJson(ack), null,
                                "/api/v1/cases/" + caseId + "/events/" + ack.eventId());
                    });
            String eventId = stored.location().substring(stored.location().lastIndexOf('/') + 1);
            return "redirect:/cases/" + caseId + "#fact-" + eventId;
        } catch (InvalidRequest e) {
            return show(caseId, posted, Map.of(e.field(), e.getMessage()), authentication, model);
        } catch (InvalidFact e) {
            return show(caseId, posted, Map.of("data." + e.field(), e.getMessage()), authentication, model);
        } catch (RecordingRefused e) {
            return show(caseId, posted, Map.of(field(e.field()), e.getMessage()), authentication, model);
        } catch (CommandExecutionException e) {
            if (e.getCause() instanceof RecordingRefused refused) {
                return show(caseId, posted, Map.of(field(refused.field()), refused.getMessage()), authentication, model);
            }
            throw e;
        }
    }

    private String show(UUID caseId, Map<String, String> posted, Map<String, String> errors,
                        Authentication authentication, Model model) {
        var timeline = reading.timeline(caseId, Reader.of(authentication), null);
        Map<String, List<FieldView>> types = vocabulary.factTypes();
        String type = types.containsKey(posted.get("type")) ? posted.get("type") : null;
        model.addAttribute("caseId", caseId);
        model.addAttribute("name", timeline.names().isEmpty() ? "unnamed" : timeline.names().get(0));
        model.addAttribute("types", types.keySet());
        model.addAttribute("type", type);
        model.addAttribute("inputs", type == null ? List.of() : FactForm.inputs(types.get(type), words));
        model.addAttribute("facilities", facilities.list(Reader.of(authentication).clearance()));
        model.addAttribute("posted", new LinkedHashMap<>(posted));
        model.addAttribute("errors", errors);
        model.addAttribute("key", posted.getOrDefault("key", UUID.randomUUID().toString()));
        model.addAttribute("sourceKinds", SourceKind.values());
        model.addAttribute("furtherSources", FURTHER_SOURCES);
        model.addAttribute("reliabilities", Reliability.values());
        model.addAttribute("claims", ClaimStatus.values());
        model.addAttribute("levels", Confidentiality.values());
        if (!errors.isEmpty()) {
            model.addAttribute("problem", errors.values().iterator().next());
        }
        return "record";
    }

    /**
     * The first source, required, and each further one whose citation is filled in: a fact is often corroborated by
     * more than one (a relative's account and a lawyer's), and each is cited in the record. A row's refusal names it.
     */
    private static List<Source> sources(Map<String, String> posted) {
        List<Source> sources = new ArrayList<>();
        for (int row = 0; row <= FURTHER_SOURCES; row++) {
            String suffix = row == 0 ? "" : String.valueOf(row);
            String citation = blank(posted.get("citation" + suffix));
            if (row > 0 && citation == null) {
                continue;
            }
            String field = "sources[" + row + "]";
            try {
                sources.add(new Source(choice(SourceKind.class, posted.get("sourceKind" + suffix), field), citation,
                        choice(Reliability.class, posted.get("reliability" + suffix), field)));
            } catch (IllegalArgumentException e) {
                throw InvalidRequest.malformed(field, e.getMessage());
            }
        }
        return sources;
    }

    /** A choice of the form's lists; a value none of them offers (a tampered form) is refused as the field's. */
    private static <E extends Enum<E>> E choice(Class<E> type, String value, String field) {
        try {
            return value == null || value.isBlank() ? null : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequest.malformed(field, "not one of the choices offered");
        }
    }

    private static String field(String field) {
        return field == null ? "form" : field;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
