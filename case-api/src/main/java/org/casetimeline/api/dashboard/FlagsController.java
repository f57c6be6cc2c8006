package org.casetimeline.api.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.api.dashboard.StatusRows.FlagRow;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.compliance.ComplianceRule;
import org.casetimeline.core.compliance.ComplianceRules;
import org.casetimeline.core.compliance.RuleTexts;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.projections.status.CaseStatusQueries;
import org.casetimeline.projections.status.CaseStatusQueries.FindingFilter;
import org.casetimeline.projections.status.CaseStatusQueries.FindingPage;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every open flag across all cases, grouped by rule in the order the checks run, filtered by rule and severity, a page
 * of 100 at a time; each rule's heading counts all its open flags.
 */
@Controller
class FlagsController {

    static final int PAGE_SIZE = 100;

    private final CaseStatusQueries queries;
    private final StatusRows rows;

    FlagsController(CaseStatusQueries queries, StatusRows rows) {
        this.queries = queries;
        this.rows = rows;
    }

    @GetMapping("/flags")
    String flags(@RequestParam(required = false) String rule, @RequestParam(required = false) String severity,
                 @RequestParam(defaultValue = "0") int page, Authentication authentication, Model model) {
        Confidentiality clearance = Reader.of(authentication).clearance();
        String ruleId = ComplianceRules.all().stream().map(ComplianceRule::id).filter(id -> id.equals(rule))
                .findFirst().orElse(null);
        String gravity = java.util.Arrays.stream(Severity.values()).map(Severity::name)
                .filter(name -> name.equalsIgnoreCase(severity == null ? "" : severity)).findFirst().orElse(null);
        FindingFilter filter = new FindingFilter(ruleId, null, gravity, "OPEN", null, null, true);
        FindingPage found = page(queries, filter, clearance, page);
        List<FlagRow> open = found.findings().stream().map(rows::flag).toList();
        Map<String, List<FlagRow>> byRule = new LinkedHashMap<>();
        for (ComplianceRule check : ComplianceRules.all()) {
            List<FlagRow> raised = open.stream().filter(row -> row.finding().ruleId().equals(check.id())).toList();
            if (!raised.isEmpty()) {
                byRule.put(check.id(), raised);
            }
        }
        model.addAttribute("byRule", byRule);
        Map<String, String> texts = new LinkedHashMap<>();
        byRule.keySet().forEach(id -> texts.put(id, RuleTexts.asks(id)));
        model.addAttribute("texts", texts);
        model.addAttribute("count", found.total());
        model.addAttribute("perRule", found.perRule());
        model.addAttribute("page", found.page());
        model.addAttribute("lastPage", lastPage(found.total()));
        model.addAttribute("names", rows.names(open, clearance));
        model.addAttribute("rules", ComplianceRules.all().stream().map(ComplianceRule::id).toList());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("rule", ruleId);
        model.addAttribute("severity", gravity);
        return "flags";
    }

    /** A page of the findings; past the last page (an old link, a hand-edited address), the last page. */
    static FindingPage page(CaseStatusQueries queries, FindingFilter filter, Confidentiality clearance, int page) {
        FindingPage found = queries.findings(filter, clearance, Math.max(page, 0), PAGE_SIZE);
        return found.findings().isEmpty() && found.total() > 0
                ? queries.findings(filter, clearance, lastPage(found.total()), PAGE_SIZE) : found;
    }

    static int lastPage(long total) {
        return (int) Math.max(0, (total - 1) / PAGE_SIZE);
    }
}
