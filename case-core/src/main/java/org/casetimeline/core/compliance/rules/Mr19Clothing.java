package org.casetimeline.core.compliance.rules;

import java.time.Instant;
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
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.TransferStarted;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 19: clothing suited to the climate. Moved or held without adequate clothing is a concern from the first
 * report until a report says it was put right, the person is moved again, or custody ends.
 */
public final class Mr19Clothing extends RuleBase {

    private static final FactKinds READS = ConditionRun.READS;

    public Mr19Clothing() {
        super("MR19-CLOTHING", Severity.CONCERN, READS, "19");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        return ConditionRun.of(facts, Mr19Clothing::clothingAdequate).stream().map(run -> FindingDraft.of(this)
                .over(run.span()).threshold("none").evidence(run.evidence())
                .says(describe(facts, run.first()) + " without clothing adequate for the climate " + run.span().start().on()
                        + (run.open() ? "" : ", until " + run.span().end().text())
                        + "; the Rules require clothing suited to the climate")).toList();
    }

    private static String describe(CaseFacts facts, TimelineFact first) {
        if (first.fact() instanceof PersonTransferred moved) {
            return "Moved to " + Wording.facility(facts.timeline(), moved.toFacilityId());
        }
        if (first.fact() instanceof TransferStarted started && started.fromFacilityId() != null) {
            return "Moved out of " + Wording.facility(facts.timeline(), started.fromFacilityId());
        }
        return "Held" + Wording.at(facts, first);
    }

    private static Boolean clothingAdequate(TimelineFact fact) {
        if (fact.fact() instanceof ConditionsReported report) {
            return report.clothingAdequate();
        }
        if (fact.fact() instanceof PersonTransferred moved) {
            return moved.clothingAdequate();
        }
        return fact.fact() instanceof TransferStarted started ? started.clothingAdequate() : null;
    }
}
