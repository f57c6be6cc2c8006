package org.casetimeline.api.exports;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.cases.CaseReading;
import org.casetimeline.api.cases.EventView;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusQueries.FindingFilter;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CSV and NDJSON exports of statuses, findings and a case's events, each at the reader's clearance. */
@RestController
@RequestMapping("/api/v1/exports")
public class ExportController {

    private final CaseStatusQueries queries;
    private final CaseReading reading;
    private final JsonMapper json;

    public ExportController(CaseStatusQueries queries, CaseReading reading, JsonMapper json) {
        this.queries = queries;
        this.reading = reading;
        this.json = json;
    }

    @GetMapping("/statuses")
    public ResponseEntity<String> statuses(@RequestParam(defaultValue = "csv") String format, Authentication authentication) {
        var clearance = Reader.of(authentication).clearance();
        List<JsonNode> statuses = queries.everyCase(clearance);
        List<Map<String, Object>> rows = statuses.stream().map(status -> Tabular.row(
                "caseId", text(status, "caseId"), "names", String.join(" / ", status.get("names").valueStream()
                        .map(JsonNode::asString).toList()),
                "custodyState", text(status, "custodyState"),
                "facility", status.path("facility").path("name").asString(null),
                "since", status.path("facility").path("since").path("date").asString(null),
                "country", status.path("facility").path("country").asString(null),
                "distanceFromHomeKm", text(status, "distanceFromHomeKm"),
                "daysInCustody", text(status, "daysInCustody"),
                "openCritical", status.path("openFlags").path("CRITICAL").asInt(),
                "openSerious", status.path("openFlags").path("SERIOUS").asInt(),
                "openConcern", status.path("openFlags").path("CONCERN").asInt())).toList();
        return answer(format, rows, statuses, List.of("caseId", "names", "custodyState", "facility", "since", "country",
                "distanceFromHomeKm", "daysInCustody", "openCritical", "openSerious", "openConcern"));
    }

    @GetMapping("/flags")
    public ResponseEntity<String> flags(@RequestParam(defaultValue = "csv") String format,
                                        @RequestParam(required = false) String state, Authentication authentication) {
        var findings = queries.findings(new FindingFilter(null, null, null, state, null, null),
                Reader.of(authentication).clearance()).findings();
        List<Map<String, Object>> rows = findings.stream().map(finding -> Tabular.row(
                "caseId", text(finding, "caseId"), "ruleId", text(finding, "ruleId"),
                "ruleNumbers", finding.get("ruleNumbers").valueStream().map(JsonNode::asString).toList(),
                "kind", text(finding, "kind"), "severity", text(finding, "severity"), "state", text(finding, "state"),
                "start", text(finding, "start"), "end", text(finding, "end"), "threshold", text(finding, "threshold"),
                "evidence", finding.get("evidence").valueStream().map(JsonNode::asString).toList(),
                "approximate", text(finding, "approximate"), "disputed", text(finding, "disputed"),
                "facilityId", text(finding, "facilityId"), "explanation", text(finding, "explanation"))).toList();
        return answer(format, rows, findings, List.of("caseId", "ruleId", "ruleNumbers", "kind", "severity", "state",
                "start", "end", "threshold", "evidence", "approximate", "disputed", "facilityId", "explanation"));
    }

    @GetMapping("/events")
    public ResponseEntity<String> events(@RequestParam UUID caseId, @RequestParam(defaultValue = "csv") String format,
                                         Authentication authentication) {
        var timeline = reading.timeline(caseId, Reader.of(authentication), null);
        List<EventView> events = reading.events(timeline);
        List<Map<String, Object>> rows = events.stream().map(event -> Tabular.row(
                "eventId", event.eventId(), "sequence", event.sequence(), "type", event.type(),
                "occurredAt", event.occurredAt(), "occurredUntil", event.occurredUntil(), "precision", event.precision(),
                "recordedAt", event.recordedAt(), "recordedBy", event.recordedBy(), "claim", event.claim(),
                "confidentiality", event.confidentiality(),
                "sources", event.sources().stream().map(s -> s.kind() + ": " + s.citation() + " (" + s.reliability() + ")").toList(),
                "data", json.writeValueAsString(event.data()))).toList();
        return answer(format, rows, events, List.of("eventId", "sequence", "type", "occurredAt", "occurredUntil",
                "precision", "recordedAt", "recordedBy", "claim", "confidentiality", "sources", "data"));
    }

    private ResponseEntity<String> answer(String format, List<Map<String, Object>> rows, List<?> documents,
                                          List<String> columns) {
        return switch (format) {
            case "csv" -> ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                    .body(Tabular.csv(columns, rows));
            case "ndjson" -> ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson"))
                    .body(Tabular.ndjson(json, documents));
            default -> throw InvalidRequest.malformed("format", "csv or ndjson");
        };
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
