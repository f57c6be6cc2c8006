package org.casetimeline.api.cases;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.AccessPolicy;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.timeline.CustodyState;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusQueries.CaseFilter;
import org.casetimeline.projections.status.CaseStatusQueries.CaseOrder;
import org.casetimeline.projections.status.CaseStatusQueries.CasePage;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What dashboards and case workers read: status, timeline, findings and data gaps, live or as of any date. */
@RestController
@RequestMapping("/api/v1/cases")
public class CaseStatusController {

    private final CaseStatusQueries queries;
    private final CaseReading reading;
    private final ReadingInstants instants;

    public CaseStatusController(CaseStatusQueries queries, CaseReading reading, ReadingInstants instants) {
        this.queries = queries;
        this.reading = reading;
        this.instants = instants;
    }

    @GetMapping
    public CasePage cases(@RequestParam(required = false) String custodyState,
                          @RequestParam(required = false) UUID facility,
                          @RequestParam(required = false) String country,
                          @RequestParam(required = false) String q,
                          @RequestParam(required = false) String rule,
                          @RequestParam(defaultValue = "name") String sort,
                          @RequestParam(defaultValue = "0") int page,
                          @RequestParam(defaultValue = "50") int size,
                          Authentication authentication) {
        if (custodyState != null && java.util.Arrays.stream(CustodyState.values())
                .noneMatch(state -> state.name().equalsIgnoreCase(custodyState))) {
            throw InvalidRequest.malformed("custodyState", "one of " + List.of(CustodyState.values()));
        }
        if (page < 0 || size < 1 || size > 500) {
            throw InvalidRequest.malformed(page < 0 ? "page" : "size", "page from 0, size from 1 to 500");
        }
        CaseOrder order = java.util.Arrays.stream(CaseOrder.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(sort.replace('-', '_'))).findFirst()
                .orElseThrow(() -> InvalidRequest.malformed("sort", "one of name, days_in_custody, distance, critical_flags"));
        return queries.cases(new CaseFilter(custodyState, facility, country, q, rule), order,
                Reader.of(authentication).clearance(), page, size);
    }

    @GetMapping("/{caseId}")
    public Object status(@PathVariable UUID caseId, @RequestParam(required = false) String asOf,
                         @RequestParam(required = false) String knownAt, Authentication authentication) {
        Reader reader = Reader.of(authentication);
        Instant at = instants.asOf(asOf, "asOf");
        Instant known = instants.knownAt(knownAt, "knownAt");
        if (at == null && known == null) {
            var stored = queries.status(caseId, reader.clearance());
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        return reading.evaluate(caseId, reader, at, known).status();
    }

    @GetMapping("/{caseId}/timeline")
    public List<TimelineEntryView> timeline(@PathVariable UUID caseId, @RequestParam(required = false) String asOf,
                                            @RequestParam(required = false) String knownAt,
                                            Authentication authentication) {
        Reader reader = Reader.of(authentication);
        return reading.entries(reading.timeline(caseId, reader, instants.knownAt(knownAt, "knownAt")),
                instants.asOf(asOf, "asOf"), AccessPolicy.seesWhoRecorded(authentication));
    }

    @GetMapping("/{caseId}/flags")
    public Map<String, Object> flags(@PathVariable UUID caseId, @RequestParam(required = false) String asOf,
                                     @RequestParam(required = false) String knownAt, Authentication authentication) {
        return findings(caseId, asOf, knownAt, authentication, false);
    }

    @GetMapping("/{caseId}/gaps")
    public Map<String, Object> gaps(@PathVariable UUID caseId, @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String knownAt, Authentication authentication) {
        return findings(caseId, asOf, knownAt, authentication, true);
    }

    /** Like the status: from the projection unless read as of a past instant or knowledge, then evaluated. */
    private Map<String, Object> findings(UUID caseId, String asOf, String knownAt, Authentication authentication,
                                         boolean gaps) {
        Reader reader = Reader.of(authentication);
        Instant at = instants.asOf(asOf, "asOf");
        Instant known = instants.knownAt(knownAt, "knownAt");
        if (at == null && known == null) {
            var stored = queries.findings(caseId, reader.clearance(), gaps);
            if (stored.isPresent()) {
                return findings(caseId, stored.get().asOf(), stored.get().findings(), gaps);
            }
        }
        var evaluation = reading.evaluate(caseId, reader, at, known);
        return findings(caseId, evaluation.status().asOf(), evaluation.findings().stream()
                .filter(finding -> (finding.kind() == FindingKind.UNKNOWN) == gaps).toList(), gaps);
    }

    private static Map<String, Object> findings(UUID caseId, Instant asOf, List<?> findings, boolean gaps) {
        return Map.of("caseId", caseId.toString(), "asOf", asOf.toString(), gaps ? "gaps" : "findings", findings);
    }
}
