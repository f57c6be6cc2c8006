package org.casetimeline.api.flags;

import java.util.UUID;

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
                             Authentication authentication) {
        return queries.findings(new FindingFilter(rule, kind, severity, state, facility, country),
                Reader.of(authentication).clearance());
    }
}
