package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.RestraintApplied;
import org.casetimeline.core.shared.RestraintKind;
import org.casetimeline.core.shared.RestraintOccasion;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 43(2), 47 and 48: no chains or irons ever; restraints only when necessary, never as a punishment. Flags
 * chains or irons, restraint as a sanction, hooding, and a restraint during exercise or in the cell; a restraint whose
 * free-text context names the cell or exercise but whose occasion is not recorded is a data gap (UNKNOWN).
 */
public final class Mr47Restraints extends RuleBase {

    private static final FactKinds READS = FactKinds.of(RestraintApplied.class).and(CaseFacts.CUSTODY);

    public Mr47Restraints() {
        super("MR47-RESTRAINTS", Severity.SERIOUS, READS, "43(2)", "47", "48");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact fact : facts.of(RestraintApplied.class)) {
            RestraintApplied restraint = fact.as(RestraintApplied.class);
            List<String> faults = new ArrayList<>();
            if (restraint.kind() == RestraintKind.CHAINS || restraint.kind() == RestraintKind.IRONS) {
                faults.add("instruments the Rules ban outright");
            }
            if (restraint.kind() == RestraintKind.HOOD) {
                faults.add("hooding");
            }
            if (Boolean.TRUE.equals(restraint.asSanction())) {
                faults.add("as a punishment");
            }
            if (restraint.during() == RestraintOccasion.EXERCISE) {
                faults.add("during exercise");
            } else if (restraint.during() == RestraintOccasion.IN_CELL) {
                faults.add("in the cell");
            }
            String restrained = "Restrained with " + restraint.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + Wording.at(facts, fact) + " " + Moment.startOf(fact).on();
            if (!faults.isEmpty()) {
                findings.add(FindingDraft.of(this).between(fact.earliest(), fact.earliest()).threshold("none").evidence(fact)
                        .says(restrained + ", " + String.join(", ", faults)
                                + "; the Rules allow restraints only when strictly necessary and never as a punishment"));
            } else if (restraint.during() == null && mayBeInCellOrExercise(restraint.context())) {
                // the free text says "cell" or "exercise", but "escort from the cell to court" is no breach: the
                // occasion settles it, and a record without one (all of revision 1) is a gap to fill, not a finding
                findings.add(FindingDraft.of(this).kind(FindingKind.UNKNOWN).between(fact.earliest(), fact.earliest())
                        .threshold("none").evidence(fact)
                        .says(restrained + " (\"" + restraint.context() + "\"); no record says whether it was during exercise"
                                + " or in the cell, where the Rules forbid restraints"));
            }
        }
        return findings;
    }

    /** Whole words only: "cancelled" or "excellent" name neither. */
    private static final Pattern CELL_OR_EXERCISE = Pattern.compile("(?i)\\b(cells?|exercis(e|es|ed|ing))\\b");

    private static boolean mayBeInCellOrExercise(String context) {
        return context != null && CELL_OR_EXERCISE.matcher(context).find();
    }
}
