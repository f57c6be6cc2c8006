package org.casetimeline.core.compliance.rules;

import java.time.Instant;
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
import org.casetimeline.core.event.ClinicalRecommendationOverruled;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/** Rule 27(2): only health professionals take clinical decisions; an overruled recommendation stands until custody ends. */
public final class Mr27ClinicalOverruled extends RuleBase {

    private static final FactKinds READS = FactKinds.of(ClinicalRecommendationOverruled.class).and(CaseFacts.CUSTODY);

    public Mr27ClinicalOverruled() {
        super("MR27-CLINICAL-OVERRULED", Severity.SERIOUS, READS, "27(2)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        return facts.of(ClinicalRecommendationOverruled.class).stream().map(fact -> {
            ClinicalRecommendationOverruled overruled = fact.as(ClinicalRecommendationOverruled.class);
            Optional<TimelineFact> freed = facts.custodyEndAfter(fact);
            Span span = new Span(Moment.startOf(fact), freed.map(Moment::startOf).orElse(null));
            return FindingDraft.of(this).over(span).threshold("none").evidence(fact).evidence(freed.stream().toList())
                    .says("A clinical recommendation (" + overruled.recommendation() + ") was overruled"
                            + (overruled.overruledBy() == null ? "" : " by " + overruled.overruledBy())
                            + Wording.at(facts, fact) + " " + span.start().on()
                            + "; the Rules leave clinical decisions to health professionals alone");
        }).toList();
    }
}
