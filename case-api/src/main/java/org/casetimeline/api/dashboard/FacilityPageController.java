package org.casetimeline.api.dashboard;

import java.util.List;
import java.util.UUID;

import org.casetimeline.api.dashboard.StatusRows.FlagRow;
import org.casetimeline.api.problem.NotFound;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.facility.FacilityProjection;
import org.casetimeline.projections.facility.FacilityView;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusQueries.FindingFilter;
import org.casetimeline.projections.status.CaseStatusQueries.FindingPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** One place of detention: who is held there now, how far from home, and the flags raised while people were there. */
@Controller
class FacilityPageController {

    private final FacilityProjection facilities;
    private final CaseStatusQueries queries;
    private final StatusRows rows;

    FacilityPageController(FacilityProjection facilities, CaseStatusQueries queries, StatusRows rows) {
        this.facilities = facilities;
        this.queries = queries;
        this.rows = rows;
    }

    @GetMapping("/facilities/{facilityId}")
    String facility(@PathVariable UUID facilityId, @RequestParam(defaultValue = "0") int page, Authentication authentication,
                    Model model) {
        Confidentiality clearance = Reader.of(authentication).clearance();
        FacilityView facility = facilities.find(facilityId, clearance)
                .orElseThrow(() -> new NotFound("No facility " + facilityId + "."));
        FindingFilter filter = new FindingFilter(null, null, null, null, facilityId, null, true);
        FindingPage raised = FlagsController.page(queries, filter, clearance, page);
        List<FlagRow> flags = raised.findings().stream().map(rows::flag).toList();
        model.addAttribute("facility", facility);
        model.addAttribute("heldNow", rows.statuses(queries.heldIn(facilityId, clearance)));
        model.addAttribute("everHeld", queries.everHeldIn(facilityId, clearance));
        model.addAttribute("flags", flags);
        model.addAttribute("flagCount", raised.total());
        model.addAttribute("page", raised.page());
        model.addAttribute("lastPage", FlagsController.lastPage(raised.total()));
        model.addAttribute("names", rows.names(flags, clearance));
        return "facility";
    }
}
