package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.SolitarySpell;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;

/** Rules 43(1)(b) and 44: solitary confinement for more than 15 consecutive days is prolonged, and banned. */
public final class Mr44ProlongedSolitary extends RuleBase {

    private static final FactKinds READS = SolitarySpell.READS;

    public Mr44ProlongedSolitary() {
        super("MR44-PROLONGED-SOLITARY", Severity.CRITICAL, READS, "43(1)(b)", "44");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (SolitarySpell spell : SolitarySpell.of(facts, thresholds.solitaryJoinGap())) {
            spell.span().exceeds(thresholds.solitaryMaximum(), asOf).ifPresent(kind -> findings.add(
                    FindingDraft.of(this).kind(kind).over(spell.span())
                            .threshold(Wording.duration(thresholds.solitaryMaximum()))
                            .evidence(spell.evidence())
                            .says("Held in solitary confinement" + Wording.at(facts, spell.impositions().get(0))
                                    + " from " + spell.span().start().text()
                                    + (spell.open() ? " and still held on " + Wording.instant(asOf)
                                            : " to " + spell.span().end().text())
                                    + ", " + spell.span().length(kind, asOf) + "; the Rules forbid more than "
                                    + thresholds.solitaryMaximum().toDays() + " consecutive days")));
        }
        return findings;
    }
}
