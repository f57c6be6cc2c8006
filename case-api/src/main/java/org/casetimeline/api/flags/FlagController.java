package org.casetimeline.api.flags;

import java.util.UUID;

import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusQueries.FindingFilter;
import org.casetimeline.projections.status.CaseStatusQueries.FindingPage;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Findings across all cases, filtered, with counts per rule and per facility for dashboards. */
@RestController
public class FlagController {

    private final CaseStatusQueries queries;

    public FlagController(CaseStatusQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/flags")
    public FindingPage flags(@RequestParam(required = false) String rule, @RequestParam(required = false) String kind,
                             @RequestParam(required = false) String severity, @RequestParam(required = false) String state,
                             @RequestParam(required = false) UUID facility, @RequestParam(required = false) String country,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size,
                             Authentication authentication) {
        // across every case the findings run to tens of thousands: a page at a time, with the counts of all of them
        if (page < 0 || size < 1 || size > 1000) {
            throw InvalidRequest.malformed(page < 0 ? "page" : "size", "page from 0, size from 1 to 1000");
        }
        return queries.findings(new FindingFilter(rule, kind, severity, state, facility, country),
                Reader.of(authentication).clearance(), page, size);
    }
}
