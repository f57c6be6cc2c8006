package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.ConditionRun;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.ConditionsReported;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 58, 63 and 64: books, news and the means to write. Each denied for longer than the threshold is a concern;
 * a confiscation of the person's writings is flagged at once.
 */
public final class Mr64ReadingWriting extends RuleBase {

    private static final FactKinds READS = ConditionRun.READS;

    public Mr64ReadingWriting() {
        super("MR64-READING-WRITING", Severity.CONCERN, READS, "58", "63", "64");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        check(facts, thresholds, findings, "Books", ConditionsReported::booksAllowed);
        check(facts, thresholds, findings, "News", ConditionsReported::newsAllowed);
        check(facts, thresholds, findings, "Writing materials", ConditionsReported::writingMaterialsAllowed);
        for (TimelineFact fact : facts.of(ConditionsReported.class, c -> Boolean.TRUE.equals(c.writingsConfiscated()))) {
            findings.add(FindingDraft.of(this).between(fact.earliest(), fact.earliest()).threshold("none").evidence(fact)
                    .says("Personal writings confiscated" + Wording.at(facts, fact) + " " + Moment.startOf(fact).on()
                            + "; the Rules protect the means to read and write"));
        }
        return findings;
    }

    private void check(CaseFacts facts, Thresholds thresholds, List<Finding> findings, String what,
            Function<ConditionsReported, Boolean> allowed) {
        for (ConditionRun run : ConditionRun.reported(facts, allowed)) {
            run.span().exceeds(thresholds.readingWriting(), facts.asOf()).ifPresent(kind -> findings.add(
                    FindingDraft.of(this).kind(kind).over(run.span()).threshold(Wording.duration(thresholds.readingWriting()))
                            .evidence(run.evidence())
                            .says(what + " denied" + Wording.at(facts, run.first()) + " from " + run.span().start().text()
                                    + (run.open() ? " to " + Wording.instant(facts.asOf()) : " to " + run.span().end().text())
                                    + ", " + run.span().length(kind, facts.asOf())
                                    + "; the Rules require books, news and the means to write")));
        }
    }
}
