package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.DisciplinarySanctionImposed;
import org.casetimeline.core.event.SolitaryConfinementImposed;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/** Rules 39 and 41: a sanction only after the person is told of the charge and heard; one imposed otherwise is a concern. */
public final class Mr41DisciplineProcess extends RuleBase {

    private static final FactKinds READS = FactKinds.of(DisciplinarySanctionImposed.class,
            SolitaryConfinementImposed.class).and(CaseFacts.CUSTODY);

    public Mr41DisciplineProcess() {
        super("MR41-DISCIPLINE-PROCESS", Severity.CONCERN, READS, "39", "41");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact fact : facts.all()) {
            String sanction;
            List<String> faults = new ArrayList<>();
            if (fact.fact() instanceof DisciplinarySanctionImposed imposed) {
                sanction = imposed.sanction();
                if (Boolean.FALSE.equals(imposed.personInformed())) {
                    faults.add("the person was never told of it");
                }
                if (Boolean.FALSE.equals(imposed.hearingHeld())) {
                    faults.add("no hearing was held");
                }
            } else if (fact.fact() instanceof SolitaryConfinementImposed solitary && Boolean.FALSE.equals(solitary.personToldAndHeard())) {
                sanction = "solitary confinement";
                faults.add("the person was not told and heard");
            } else {
                continue;
            }
            if (faults.isEmpty()) {
                continue;
            }
            findings.add(FindingDraft.of(this).between(fact.earliest(), fact.earliest()).threshold("none").evidence(fact)
                    .says("A sanction (" + sanction + ") was imposed" + Wording.at(facts, fact) + " "
                            + Moment.startOf(fact).on() + ", but " + String.join(" and ", faults)
                            + "; the Rules require the person to be told of the charge and heard first"));
        }
        return findings;
    }
}
