package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.HealthDeteriorationObserved;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 33: the doctor reports when detention harms health. A serious or life-threatening deterioration in custody
 * that health staff neither reported nor acted on is flagged once the threshold passes without a later record of a
 * report or action, release or death; where the record is silent on either, it is a data gap (UNKNOWN).
 */
public final class Mr33HealthDeterioration extends RuleBase {

    private static final FactKinds READS = FactKinds.of(HealthDeteriorationObserved.class).and(CaseFacts.CUSTODY);

    public Mr33HealthDeterioration() {
        super("MR33-HEALTH-DETERIORATION", Severity.SERIOUS, READS, "33");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact observed : facts.of(HealthDeteriorationObserved.class, h -> Mr69DeathNotice.serious(h.severity())
                && !answered(h))) {
            if (!facts.heldAt(observed)) {
                continue;
            }
            HealthDeteriorationObserved deterioration = observed.as(HealthDeteriorationObserved.class);
            boolean neither = Boolean.FALSE.equals(deterioration.reportedByHealthStaff())
                    && Boolean.FALSE.equals(deterioration.actionTaken());
            TimelineFact answer = facts.firstFrom(observed, HealthDeteriorationObserved.class, Mr33HealthDeterioration::answered)
                    .orElse(null);
            TimelineFact end = CaseFacts.earlier(answer, facts.custodyEndAfter(observed).orElse(null));
            Span span = new Span(Moment.startOf(observed), end == null ? null : Moment.startOf(end));
            span.exceeds(thresholds.healthDeteriorationResponse(), asOf).ifPresent(kind -> findings.add(FindingDraft.of(this)
                    .kind(neither ? kind : FindingKind.UNKNOWN).over(span)
                    .threshold(Wording.duration(thresholds.healthDeteriorationResponse()))
                    .evidence(observed).evidence(end == null ? List.of() : List.of(end))
                    .says((deterioration.severity() == ConditionSeverity.LIFE_THREATENING
                            ? "Health deteriorated to a life-threatening state" : "Health deteriorated seriously")
                            + (deterioration.observedBy() == null ? "" : " (seen by " + deterioration.observedBy() + ")")
                            + Wording.at(facts, observed) + " " + span.start().on() + "; "
                            + (!neither ? "no record shows health staff reported or acted on it within "
                                    + Wording.duration(thresholds.healthDeteriorationResponse())
                                    : end != null && end == answer ? "reported or acted on only " + span.end().on() + ", "
                                            + span.length(kind, asOf) + " later"
                                    : "neither reported nor acted on for " + span.length(kind, asOf))
                            + "; the Rules require the doctor to report when detention harms a person's health")));
        }
        return findings;
    }

    private static boolean answered(HealthDeteriorationObserved observed) {
        return Boolean.TRUE.equals(observed.reportedByHealthStaff()) || Boolean.TRUE.equals(observed.actionTaken());
    }
}
