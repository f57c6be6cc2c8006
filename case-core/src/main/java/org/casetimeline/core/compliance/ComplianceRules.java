package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.casetimeline.core.compliance.rules.Mr14CellConditions;
import org.casetimeline.core.compliance.rules.Mr19Clothing;
import org.casetimeline.core.compliance.rules.Mr27ClinicalOverruled;
import org.casetimeline.core.compliance.rules.Mr27MedicalDenied;
import org.casetimeline.core.compliance.rules.Mr41DisciplineProcess;
import org.casetimeline.core.compliance.rules.Mr45SolitaryDisability;
import org.casetimeline.core.compliance.rules.Mr47Restraints;
import org.casetimeline.core.compliance.rules.Mr43FamilyContactSanction;
import org.casetimeline.core.compliance.rules.Mr43IndefiniteSolitary;
import org.casetimeline.core.compliance.rules.Mr44ProlongedSolitary;
import org.casetimeline.core.compliance.rules.Mr52IntrusiveSearch;
import org.casetimeline.core.compliance.rules.Mr57TortureInvestigation;
import org.casetimeline.core.compliance.rules.Mr58FamilyContact;
import org.casetimeline.core.compliance.rules.Mr59Distance;
import org.casetimeline.core.compliance.rules.Mr5Accommodation;
import org.casetimeline.core.compliance.rules.Mr64ReadingWriting;
import org.casetimeline.core.compliance.rules.Mr68DetentionNotice;
import org.casetimeline.core.compliance.rules.Mr68TransferNotice;
import org.casetimeline.core.compliance.rules.Mr68Whereabouts;
import org.casetimeline.core.compliance.rules.Mr71PostReleaseDeath;
import org.casetimeline.core.timeline.Timeline;

/** The checks in the order findings are listed, and the one call that runs them all. */
public final class ComplianceRules {

    private static final List<ComplianceRule> ALL = List.of(
            new Mr68DetentionNotice(),
            new Mr68TransferNotice(),
            new Mr68Whereabouts(),
            new Mr59Distance(),
            new Mr44ProlongedSolitary(),
            new Mr43IndefiniteSolitary(),
            new Mr45SolitaryDisability(),
            new Mr43FamilyContactSanction(),
            new Mr58FamilyContact(),
            new Mr47Restraints(),
            new Mr14CellConditions(),
            new Mr19Clothing(),
            new Mr52IntrusiveSearch(),
            new Mr27MedicalDenied(),
            new Mr27ClinicalOverruled(),
            new Mr5Accommodation(),
            new Mr57TortureInvestigation(),
            new Mr71PostReleaseDeath(),
            new Mr41DisciplineProcess(),
            new Mr64ReadingWriting());

    private ComplianceRules() {
    }

    public static List<ComplianceRule> all() {
        return ALL;
    }

    /** Every finding of every check, rule by rule in {@link #all()} order, then by start. */
    public static List<Finding> evaluate(Timeline timeline, Instant asOf, Thresholds thresholds) {
        List<Finding> findings = new ArrayList<>();
        for (ComplianceRule rule : ALL) {
            findings.addAll(rule.evaluate(timeline, asOf, thresholds).stream()
                    .sorted(Comparator.comparing(Finding::start).thenComparing(Finding::explanation)).toList());
        }
        return List.copyOf(findings);
    }
}
