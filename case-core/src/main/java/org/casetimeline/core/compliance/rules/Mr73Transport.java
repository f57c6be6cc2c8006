package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.timeline.Placement;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 73 and 19: transport without needless hardship or exposure. A transfer with reported hardship is a concern,
 * as is transit longer than the threshold between confirmed locations: from a departure to the next admission or
 * confirmed place (open while none has come), or a transfer dated as a period. Only a completed transfer carries a
 * hardship flag; a departure's transport conditions are free text and are not read.
 */
public final class Mr73Transport extends RuleBase {

    private static final FactKinds READS = CaseFacts.CUSTODY;

    private static final String DUTY = "; the Rules forbid transport that causes needless hardship or exposure";

    public Mr73Transport() {
        super("MR73-TRANSPORT", Severity.CONCERN, READS, "73", "19");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        Duration limit = thresholds.transit();
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact moved : facts.of(PersonTransferred.class)) {
            PersonTransferred transfer = moved.as(PersonTransferred.class);
            Span period = new Span(Moment.startOf(moved), Moment.endOf(moved));
            if (Boolean.TRUE.equals(transfer.hardshipReported())) {
                String conditions = transfer.transportConditions();
                findings.add(FindingDraft.of(this).between(moved.earliest(), moved.earliest()).threshold("none").evidence(moved)
                        .says(Wording.move(timeline, moved) + " " + period.start().on() + " under reported hardship"
                                + (conditions == null || conditions.isBlank() ? "" : " (" + conditions + ")") + DUTY));
            }
            if (period.end() != null) {
                transit(facts, period, limit, List.of(moved), Wording.move(timeline, moved), findings);
            }
        }
        for (Placement placement : facts.custody().placements()) {
            if (placement.inTransit() && !placement.start().earliest().isAfter(asOf)) {
                Optional<TimelineFact> end = facts.endOf(placement);
                List<TimelineFact> evidence = new ArrayList<>(List.of(placement.start()));
                end.ifPresent(evidence::add);
                transit(facts, new Span(Moment.startOf(placement.start()), end.map(Moment::startOf).orElse(null)), limit,
                        evidence, Wording.move(timeline, placement.start()), findings);
            }
        }
        return findings;
    }

    private void transit(CaseFacts facts, Span span, Duration limit, List<TimelineFact> evidence, String what, List<Finding> findings) {
        span.exceeds(limit, facts.asOf()).ifPresent(kind -> findings.add(FindingDraft.of(this).kind(kind).over(span)
                .threshold(Wording.duration(limit)).evidence(evidence)
                .says(what + " and in transit from " + span.start().text() + (span.end() == null
                        ? ", still with no confirmed place on " + Wording.instant(facts.asOf()) : " to " + span.end().text())
                        + ", " + span.length(kind, facts.asOf()) + DUTY)));
    }
}
