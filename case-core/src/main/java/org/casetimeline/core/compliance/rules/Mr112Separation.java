package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.ConditionRun;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.timeline.CustodyState;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;

/**
 * Rules 11(b) and 112: untried and convicted people are held apart. Held among people of the other legal status
 * for longer than the threshold, in a facility rather than in transit, is a concern until a report says otherwise,
 * the person leaves that place, or custody ends.
 */
public final class Mr112Separation extends RuleBase {

    private static final FactKinds READS = ConditionRun.READS;

    public Mr112Separation() {
        super("MR112-SEPARATION", Severity.CONCERN, READS, "11(b)", "112");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (ConditionRun run : ConditionRun.reported(facts, report -> not(report.heldWithOtherLegalStatus()))) {
            if (facts.placementOf(run.first()).map(placement -> placement.inTransit()).orElse(false)) {
                continue;
            }
            CustodyState state = facts.custody().stateAt(run.first().latest());
            String who = state == CustodyState.DETAINED_PRE_TRIAL ? "An untried person held with convicted prisoners"
                    : state == CustodyState.SERVING_SENTENCE ? "A convicted person held with untried ones"
                    : "Held with prisoners of another legal status";
            run.span().exceeds(thresholds.separation(), asOf).ifPresent(kind -> findings.add(FindingDraft.of(this).kind(kind)
                    .over(run.span()).threshold(Wording.duration(thresholds.separation())).evidence(run.evidence())
                    .says(who + Wording.at(facts, run.first()) + " from " + run.span().start().text()
                            + (run.open() ? " to " + Wording.instant(asOf) : " to " + run.span().end().text()) + ", "
                            + run.span().length(kind, asOf) + "; the Rules require untried and convicted people to be held apart")));
        }
        return findings;
    }

    private static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }
}
