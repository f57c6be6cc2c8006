package org.casetimeline.api.dashboard;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.api.cases.CaseReading;
import org.casetimeline.api.cases.ReadingInstants;
import org.casetimeline.api.security.AccessPolicy;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.projections.status.CaseEvaluation;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One person's case as the reader may see it, now or as of a past date: the status card, the timeline drawn
 * on a time axis, the chronology with sources, the flags with their evidence and the questions still open.
 */
@Controller
class CasePageController {

    private final CaseReading reading;
    private final TimelineChart chart;
    private final Words words;
    private final ReadingInstants instants;

    CasePageController(CaseReading reading, TimelineChart chart, Words words, ReadingInstants instants) {
        this.reading = reading;
        this.instants = instants;
        this.chart = chart;
        this.words = words;
    }

    /** A finding as listed: its anchor on the page and the facts it rests on, named. */
    record FlagItem(String anchor, Finding finding, List<Evidence> evidence) {
    }

    record Evidence(String factId, String type) {
    }

    @GetMapping("/cases/{caseId}")
    String casePage(@PathVariable UUID caseId, @RequestParam(required = false) String asOf,
                    Authentication authentication, Model model, HttpServletResponse response) {
        Reader reader = Reader.of(authentication);
        Instant at;
        try {
            at = instants.asOf(asOf, "asOf");
        } catch (InvalidRequest e) {
            // the reader stays on the case, read as it stands now, with the reason beside the date they chose
            at = null;
            String why = e.status() == HttpStatus.BAD_REQUEST ? "The date asked for cannot be read: " + e.getMessage()
                    : "The date " + asOf + " " + e.getMessage();
            model.addAttribute("dateProblem", why + ". The case is shown as it stands now.");
            response.setStatus(e.status().value());
        }
        Timeline timeline = reading.timeline(caseId, reader, null);
        CaseEvaluation evaluation = reading.evaluate(caseId, reader, at, null);
        Instant readAt = evaluation.status().asOf();
        Map<String, String> places = new LinkedHashMap<>();
        timeline.facilities().forEach((id, facility) -> places.put(id.toString(), facility.name()));
        List<FactRow> facts = new FactRows(places, words).of(reading.entries(timeline, at,
                AccessPolicy.seesWhoRecorded(authentication)));
        Map<String, String> types = new LinkedHashMap<>();
        facts.forEach(fact -> types.put(fact.id(), fact.type()));

        List<Finding> findings = evaluation.findings();
        List<FlagItem> flags = new java.util.ArrayList<>();
        List<FlagItem> gaps = new java.util.ArrayList<>();
        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            FlagItem item = new FlagItem("flag-" + i, finding, finding.evidence().stream()
                    .map(id -> new Evidence(id.toString(), types.getOrDefault(id.toString(), "a fact"))).toList());
            (finding.kind() == FindingKind.UNKNOWN ? gaps : flags).add(item);
        }
        model.addAttribute("status", evaluation.status());
        model.addAttribute("caseId", caseId);
        model.addAttribute("asOf", at == null ? null : readAt.atZone(ZoneOffset.UTC).toLocalDate().toString());
        model.addAttribute("readAt", readAt);
        model.addAttribute("lastDate", instants.lastDate().toString());
        model.addAttribute("chart", chart.draw(timeline, evaluation, readAt, at != null, places));
        model.addAttribute("facts", facts);
        model.addAttribute("flags", flags);
        model.addAttribute("gaps", gaps);
        model.addAttribute("openFlags", flags.stream().filter(item -> item.finding().open()).count());
        return "case";
    }
}
