package org.casetimeline.api.dashboard;

import java.util.List;
import java.util.UUID;

import org.casetimeline.api.security.Reader;
import org.casetimeline.core.compliance.ComplianceRule;
import org.casetimeline.core.compliance.ComplianceRules;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.timeline.CustodyState;
import org.casetimeline.projections.facility.FacilityProjection;
import org.casetimeline.projections.facility.FacilityView;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusQueries.CaseFilter;
import org.casetimeline.projections.status.CaseStatusQueries.CasePage;
import org.casetimeline.projections.status.CaseStatusQueries.CaseOrder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Every case on one page, a page of 50 at a time: custody, place, distance, time held, open flags. */
@Controller
class OverviewController {

    static final int PAGE_SIZE = 50;
    private static final String WHEREABOUTS = "MR68-WHEREABOUTS";

    private final CaseStatusQueries queries;
    private final FacilityProjection facilities;
    private final StatusRows rows;

    OverviewController(CaseStatusQueries queries, FacilityProjection facilities, StatusRows rows) {
        this.queries = queries;
        this.facilities = facilities;
        this.rows = rows;
    }

    /** The three numbers a campaigner quotes first. */
    record Headline(long peopleHeld, long openCriticalFlags, long whereaboutsUnknown) {
    }

    @GetMapping("/")
    String overview(@RequestParam(required = false) String state, @RequestParam(required = false) String country,
                    @RequestParam(required = false) UUID facility, @RequestParam(required = false) String q,
                    @RequestParam(required = false) String rule, @RequestParam(required = false) String sort,
                    @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        Confidentiality clearance = Reader.of(authentication).clearance();
        String custodyState = known(state);
        String ruleId = ComplianceRules.all().stream().map(ComplianceRule::id).filter(id -> id.equals(rule))
                .findFirst().orElse(null);
        CaseOrder order = java.util.Arrays.stream(CaseOrder.values())
                .filter(candidate -> candidate.name().equalsIgnoreCase(sort == null ? "" : sort)).findFirst()
                .orElse(CaseOrder.NAME);
        CasePage cases = queries.cases(new CaseFilter(custodyState, facility, blank(country), blank(q), ruleId), order,
                clearance, Math.max(page, 0), PAGE_SIZE);
        List<FacilityView> places = facilities.list(clearance);
        model.addAttribute("headline", headline(clearance));
        model.addAttribute("cases", rows.statuses(cases.cases()));
        model.addAttribute("total", cases.total());
        model.addAttribute("page", cases.page());
        model.addAttribute("lastPage", Math.max(0, (cases.total() - 1) / PAGE_SIZE));
        model.addAttribute("states", CustodyState.values());
        model.addAttribute("facilities", places);
        model.addAttribute("countries", places.stream().map(FacilityView::country).distinct().sorted().toList());
        model.addAttribute("state", custodyState);
        model.addAttribute("country", blank(country));
        model.addAttribute("facility", facility);
        model.addAttribute("q", blank(q));
        model.addAttribute("rules", ComplianceRules.all().stream().map(ComplianceRule::id).toList());
        model.addAttribute("rule", ruleId);
        model.addAttribute("orders", CaseOrder.values());
        model.addAttribute("sort", order.name());
        return "overview";
    }

    private Headline headline(Confidentiality clearance) {
        long held = queries.cases(new CaseFilter(CustodyState.DETAINED_PRE_TRIAL.name(), null, null, null, null), clearance, 0, 1)
                .total() + queries.cases(new CaseFilter(CustodyState.SERVING_SENTENCE.name(), null, null, null, null),
                clearance, 0, 1).total();
        long critical = queries.openFlags("CRITICAL", clearance);
        long unknown = queries.casesFlagged(WHEREABOUTS, clearance);
        return new Headline(held, critical, unknown);
    }

    /** An unknown state from a hand-edited address shows every case rather than an error page. */
    private static String known(String state) {
        for (CustodyState candidate : CustodyState.values()) {
            if (candidate.name().equalsIgnoreCase(blank(state) == null ? "" : state.strip())) {
                return candidate.name();
            }
        }
        return null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
