package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

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
 * Rules 13, 14, 15, 21, 42 and 43(1)(c): natural light, no dark or constantly lit cell, decent heat, a toilet and
 * bedding, even under sanction; each finding cites the rules of its own point. Each failing point is flagged from its first report until a report says it was put right,
 * the person leaves that place, or custody ends. A light switched on for a moment is not a breach.
 */
public final class Mr14CellConditions extends RuleBase {

    private static final FactKinds READS = ConditionRun.READS;

    public Mr14CellConditions() {
        super("MR14-CELL-CONDITIONS", Severity.SERIOUS, READS, "13", "14", "15", "21", "42", "43(1)(c)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        double floor = thresholds.cellTemperatureFloorCelsius();
        List<Finding> findings = new ArrayList<>();
        // rule 42 keeps every point for people under sanction; 43(1)(c) bans the dark and the constantly lit cell
        check(facts, findings, "No natural light in the cell", "none", c -> c.naturalLight(), "14(a)", "42", "43(1)(c)");
        check(facts, findings, "Lights kept on around the clock", "none", c -> not(c.lightsOnAroundTheClock()), "42", "43(1)(c)");
        check(facts, findings, "Cell below " + Wording.celsius(floor), Wording.celsius(floor),
                c -> c.cellTemperatureCelsius() == null ? null : c.cellTemperatureCelsius() >= floor, "13", "42");
        check(facts, findings, "No toilet in the cell", "none", c -> c.toilet(), "15", "42");
        check(facts, findings, "No bedding", "none", c -> c.bedding(), "21", "42");
        return findings;
    }

    private void check(CaseFacts facts, List<Finding> findings, String what, String threshold,
            Function<ConditionsReported, Boolean> fine, String... ruleNumbers) {
        for (ConditionRun run : ConditionRun.reported(facts, fine)) {
            findings.add(FindingDraft.of(this).citing(ruleNumbers).over(run.span()).threshold(threshold).evidence(run.evidence())
                    .says(what + Wording.at(facts, run.first()) + ", reported from " + run.span().start().text()
                            + (run.open() ? "" : " until " + run.span().end().text())
                            + "; the Rules require natural light, decent heat and sanitation, even under sanction"));
        }
    }

    private static Boolean not(Boolean value) {
        return value == null ? null : !value;
    }
}
