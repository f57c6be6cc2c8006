package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.PersonDied;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.PersonToldOfRelativeNews;
import org.casetimeline.core.event.RelativeSeriouslyIllOrDied;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 70: a person in custody is told at once of a close relative's serious illness or death. Being told later
 * than the threshold is a concern. No event records that the person was not told, so when no telling is recorded
 * the finding is a data gap (UNKNOWN); a family contact, release or death ends the wait.
 */
public final class Mr70RelativeNews extends RuleBase {

    private static final FactKinds READS = FactKinds.of(FamilyContactOccurred.class, PersonToldOfRelativeNews.class,
            RelativeSeriouslyIllOrDied.class).and(CaseFacts.CUSTODY);

    public Mr70RelativeNews() {
        super("MR70-RELATIVE-NEWS", Severity.CONCERN, READS, "70");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact news : facts.of(RelativeSeriouslyIllOrDied.class)) {
            if (!facts.heldAt(news)) {
                continue;
            }
            RelativeSeriouslyIllOrDied relative = news.as(RelativeSeriouslyIllOrDied.class);
            NoticeCheck check = new NoticeCheck(this, thresholds.relativeNews(),
                    fact -> fact.fact() instanceof PersonToldOfRelativeNews told
                            && (told.newsFactId() == null || news.isNamedBy(told.newsFactId())),
                    fact -> false,
                    fact -> fact.is(FamilyContactOccurred.class) || fact.is(PersonReleased.class) || fact.is(PersonDied.class),
                    NoticeCheck.Told.person("told"));
            String who = relative.relationship() == null ? "A close relative" : "The person's " + relative.relationship();
            check.check(facts, news, false, who + (relative.relative() == null ? "" : ", " + relative.relative() + ",")
                    + (relative.died() ? " died " : " fell seriously ill ") + Moment.startOf(news).on()).ifPresent(findings::add);
        }
        return findings;
    }
}
