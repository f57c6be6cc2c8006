package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.SolitarySpell;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.MedicalConditionReported;
import org.casetimeline.core.event.PrisonerDetailsAmended;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 45(2): no solitary confinement where it would worsen a disability or illness. A spell overlapping a
 * disability or a serious condition on record (at registration, by a details amendment or a report dated before the
 * spell ended) is flagged.
 */
public final class Mr45SolitaryDisability extends RuleBase {

    private static final FactKinds READS = FactKinds.of(MedicalConditionReported.class,
            PrisonerDetailsAmended.class).and(SolitarySpell.READS);

    public Mr45SolitaryDisability() {
        super("MR45-SOLITARY-DISABILITY", Severity.SERIOUS, READS, "45(2)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<TimelineFact> reported = facts.of(MedicalConditionReported.class, c -> Boolean.TRUE.equals(c.disability())
                || c.severity() == ConditionSeverity.SERIOUS || c.severity() == ConditionSeverity.LIFE_THREATENING);
        List<Finding> findings = new ArrayList<>();
        for (SolitarySpell spell : SolitarySpell.of(facts, thresholds.solitaryJoinGap())) {
            List<TimelineFact> during = reported.stream().filter(condition -> spell.open()
                    || !condition.earliest().isAfter(spell.span().end().latest())).toList();
            // the conditions on record while the spell ran: a details amendment dated after it had not yet listed them
            Instant by = spell.open() || spell.span().end().latest().isAfter(asOf) ? asOf : spell.span().end().latest();
            List<TimelineFact> amended = timeline.amendedBy(by, PrisonerDetailsAmended::knownConditions).stream().toList();
            List<String> conditions = new ArrayList<>(timeline.knownConditions(by));
            during.forEach(condition -> conditions.add(condition.as(MedicalConditionReported.class).condition()));
            if (conditions.isEmpty()) {
                continue;
            }
            findings.add(FindingDraft.of(this).over(spell.span()).threshold("none").evidence(spell.evidence())
                    .evidence(amended).evidence(during)
                    .says("Held in solitary confinement" + Wording.at(facts, spell.impositions().get(0)) + " from "
                            + spell.span().start().text() + (spell.open() ? "" : " to " + spell.span().end().text())
                            + " despite " + String.join(", ", conditions.stream().distinct().toList())
                            + " on record; the Rules forbid solitary confinement that would worsen a disability or illness"));
        }
        return findings;
    }
}
