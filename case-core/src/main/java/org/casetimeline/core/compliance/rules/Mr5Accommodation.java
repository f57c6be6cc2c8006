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
import org.casetimeline.core.event.AssistiveDeviceDenied;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;
import org.casetimeline.core.compliance.Wording;

/** Rule 5(2): reasonable accommodation for disability; a denied assistive device is flagged until custody ends. */
public final class Mr5Accommodation extends RuleBase {

    private static final FactKinds READS = FactKinds.of(AssistiveDeviceDenied.class).and(CaseFacts.CUSTODY);

    public Mr5Accommodation() {
        super("MR5-ACCOMMODATION", Severity.SERIOUS, READS, "5(2)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        return facts.of(AssistiveDeviceDenied.class).stream().map(denial -> {
            AssistiveDeviceDenied denied = denial.as(AssistiveDeviceDenied.class);
            Optional<TimelineFact> freed = facts.custodyEndAfter(denial);
            Span span = new Span(Moment.startOf(denial), freed.map(Moment::startOf).orElse(null));
            return FindingDraft.of(this).over(span).threshold("none").evidence(denial).evidence(freed.stream().toList())
                    .says("Denied " + denied.device() + Wording.at(facts, denial) + " " + span.start().on()
                            + (denied.deniedBy() == null ? "" : " by " + denied.deniedBy())
                            + "; the Rules require reasonable accommodation for a disability");
        }).toList();
    }
}
