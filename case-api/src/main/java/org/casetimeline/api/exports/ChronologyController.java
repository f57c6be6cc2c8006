package org.casetimeline.api.exports;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.casetimeline.api.cases.CaseReading;
import org.casetimeline.api.cases.TimelineEntryView;
import org.casetimeline.api.problem.InvalidRequest;
import org.casetimeline.api.security.AccessPolicy;
import org.casetimeline.api.security.Reader;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.timeline.FactStatus;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.projections.audit.EventChain;
import org.casetimeline.projections.status.CaseEvaluation;
import org.casetimeline.projections.status.CaseStatusView;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case as a campaigner quotes it in a letter or a UN submission: the person, the current status, a dated
 * chronology with sources, the open and closed findings with their rule numbers, and the chain head the
 * document was built from, so anyone can check it against the record. Markdown or HTML, at the reader's clearance.
 */
@RestController
public class ChronologyController {

    private final CaseReading reading;
    private final EventChain chain;
    private final Clock clock;

    public ChronologyController(CaseReading reading, EventChain chain, Clock clock) {
        this.reading = reading;
        this.chain = chain;
        this.clock = clock;
    }

    @GetMapping("/api/v1/cases/{caseId}/chronology")
    public ResponseEntity<String> chronology(@PathVariable UUID caseId, @RequestParam(defaultValue = "md") String format,
                                             Authentication authentication) {
        Reader reader = Reader.of(authentication);
        // status, entries and the chain link cited all come from one read of the case, so the document is what that
        // link covers even when a fact is appended meanwhile
        Timeline visible = reading.timeline(caseId, reader, null);
        List<Recording> read = visible.recordings();
        String link = chain.linkAt(caseId.toString(), read.get(read.size() - 1).sequence());
        Document document = document(caseId, reading.evaluate(caseId, visible), reading.entries(visible, null, AccessPolicy.seesWhoRecorded(authentication)),
                reader, link);
        return switch (format) {
            case "md" -> ResponseEntity.ok().contentType(new MediaType("text", "markdown", java.nio.charset.StandardCharsets.UTF_8))
                    .body(document.markdown());
            case "html" -> ResponseEntity.ok().contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                    .body(document.html());
            default -> throw InvalidRequest.malformed("format", "md or html");
        };
    }

    private Document document(UUID caseId, CaseEvaluation evaluation, List<TimelineEntryView> entries, Reader reader,
                              String link) {
        CaseStatusView status = evaluation.status();
        Document document = new Document(String.join(" / ", status.names()));
        document.paragraph("Case " + caseId + ". Built " + clock.instant() + " for " + reader.name() + " from the facts"
                + " visible at clearance " + reader.clearance().name().toLowerCase() + ", up to chain link " + link + ".");
        document.heading("Status");
        List<String> lines = new ArrayList<>();
        lines.add("Custody: " + status.custodyState().name().toLowerCase().replace('_', ' '));
        if (status.facility() != null && status.facility().name() != null) {
            lines.add("Held in: " + status.facility().name() + (status.facility().officialCode() == null ? ""
                    : " (" + status.facility().officialCode() + ")") + " since " + status.facility().since().date()
                    + (status.distanceFromHomeKm() == null ? "" : ", " + Math.round(status.distanceFromHomeKm()) + " km from home"));
        }
        if (status.daysInCustody() != null) {
            lines.add("Days in custody: " + (status.daysInCustodyApproximate() ? "about " : "") + status.daysInCustody());
        }
        lines.add("Open findings: " + status.openFlags());
        document.bullets(lines);
        document.heading("Chronology");
        document.bullets(entries.stream().map(ChronologyController::line).toList());
        List<Finding> findings = evaluation.findings().stream().filter(f -> f.kind() != FindingKind.UNKNOWN).toList();
        document.heading("Findings against the Nelson Mandela Rules");
        document.bullets(findings.stream().filter(Finding::open).map(ChronologyController::finding).toList());
        List<String> closed = findings.stream().filter(f -> !f.open()).map(ChronologyController::finding).toList();
        if (!closed.isEmpty()) {
            document.heading("Closed findings");
            document.bullets(closed);
        }
        document.paragraph("Rule wording here is paraphrased; quote UN General Assembly resolution A/RES/70/175.");
        return document;
    }

    private static String line(TimelineEntryView entry) {
        var fact = entry.fact();
        String when = fact.occurredAt() + (fact.occurredUntil() == null ? "" : " to " + fact.occurredUntil());
        String sources = fact.sources().stream().map(s -> s.citation() + " [" + s.kind() + ", " + s.reliability() + "]")
                .reduce((a, b) -> a + "; " + b).orElse("no source given");
        String state = entry.status() == FactStatus.RETRACTED ? " (RETRACTED)"
                : entry.status() == FactStatus.SUPERSEDED ? " (CORRECTED: see " + entry.correctedBy() + ")" : "";
        String disputed = !entry.disputes().isEmpty() ? " (DISPUTED)"
                : !entry.withdrawnDisputes().isEmpty() ? " (disputed, the dispute since withdrawn)" : "";
        return when + ": " + fact.type() + state + disputed + ", " + fact.claim().name().toLowerCase() + ". " + fact.data()
                + ". Sources: " + sources + ". Fact " + fact.eventId() + ".";
    }

    private static String finding(Finding finding) {
        return finding.ruleId() + " (rules " + String.join(", ", finding.ruleNumbers()) + ", " + finding.severity().name()
                .toLowerCase() + (finding.kind() == FindingKind.POSSIBLE ? ", possible" : "") + "): "
                + finding.explanation() + ". Evidence: " + finding.evidence() + ".";
    }
}
