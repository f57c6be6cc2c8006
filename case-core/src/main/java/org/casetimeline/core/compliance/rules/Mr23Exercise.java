package org.casetimeline.core.compliance.rules;

import java.time.Duration;
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
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;

/**
 * Rule 23: at least an hour a day of exercise in the open air. Outdoor exercise denied, shorter than the threshold,
 * or indoors only is a concern from the first report until a report says it was put right, the person leaves that
 * place, or custody ends.
 */
public final class Mr23Exercise extends RuleBase {

    private static final FactKinds READS = ConditionRun.READS;

    public Mr23Exercise() {
        super("MR23-EXERCISE", Severity.CONCERN, READS, "23");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        Duration minimum = thresholds.outdoorExerciseMinimum();
        return ConditionRun.reported(facts, report -> enough(report, minimum)).stream().map(run -> FindingDraft.of(this)
                .over(run.span()).threshold(Wording.duration(minimum)).evidence(run.evidence())
                .says(describe(run.first().as(ConditionsReported.class)) + Wording.at(facts, run.first()) + ", reported "
                        + run.span().start().on() + (run.open() ? "" : ", until " + run.span().end().text())
                        + "; the Rules require at least " + Wording.duration(minimum) + " a day in the open air")).toList();
    }

    private static Boolean enough(ConditionsReported report, Duration minimum) {
        if (Boolean.TRUE.equals(report.exerciseIndoorsOnly())) {
            return false;
        }
        Integer minutes = report.outdoorExerciseMinutesPerDay();
        return minutes == null ? null : minutes >= minimum.toMinutes();
    }

    private static String describe(ConditionsReported report) {
        Integer minutes = report.outdoorExerciseMinutesPerDay();
        if (Boolean.TRUE.equals(report.exerciseIndoorsOnly()) || minutes == null) {
            return "Exercise allowed only indoors";
        }
        return minutes == 0 ? "No outdoor exercise" : "Only " + Wording.plural(minutes, "minute") + " of outdoor exercise a day";
    }
}
