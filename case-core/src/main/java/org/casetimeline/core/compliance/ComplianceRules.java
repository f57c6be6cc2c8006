package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.casetimeline.core.compliance.rules.Gc35JudicialReview;
import org.casetimeline.core.compliance.rules.Mr112Separation;
import org.casetimeline.core.compliance.rules.Mr14CellConditions;
import org.casetimeline.core.compliance.rules.Mr19Clothing;
import org.casetimeline.core.compliance.rules.Mr23Exercise;
import org.casetimeline.core.compliance.rules.Mr27ClinicalOverruled;
import org.casetimeline.core.compliance.rules.Mr27MedicalDenied;
import org.casetimeline.core.compliance.rules.Mr30AdmissionExam;
import org.casetimeline.core.compliance.rules.Mr31MedicalUnanswered;
import org.casetimeline.core.compliance.rules.Mr33HealthDeterioration;
import org.casetimeline.core.compliance.rules.Mr41DisciplineProcess;
import org.casetimeline.core.compliance.rules.Mr43FamilyContactSanction;
import org.casetimeline.core.compliance.rules.Mr43IndefiniteSolitary;
import org.casetimeline.core.compliance.rules.Mr44ProlongedSolitary;
import org.casetimeline.core.compliance.rules.Mr45SolitaryDisability;
import org.casetimeline.core.compliance.rules.Mr46SolitaryHealthVisits;
import org.casetimeline.core.compliance.rules.Mr47Restraints;
import org.casetimeline.core.compliance.rules.Mr52IntrusiveSearch;
import org.casetimeline.core.compliance.rules.Mr57ComplaintReprisal;
import org.casetimeline.core.compliance.rules.Mr57TortureInvestigation;
import org.casetimeline.core.compliance.rules.Mr58FamilyContact;
import org.casetimeline.core.compliance.rules.Mr59Distance;
import org.casetimeline.core.compliance.rules.Mr5Accommodation;
import org.casetimeline.core.compliance.rules.Mr61LegalAccess;
import org.casetimeline.core.compliance.rules.Mr64ReadingWriting;
import org.casetimeline.core.compliance.rules.Mr68DetentionNotice;
import org.casetimeline.core.compliance.rules.Mr68TransferNotice;
import org.casetimeline.core.compliance.rules.Mr68Whereabouts;
import org.casetimeline.core.compliance.rules.Mr69DeathNotice;
import org.casetimeline.core.compliance.rules.Mr70RelativeNews;
import org.casetimeline.core.compliance.rules.Mr71CustodialDeath;
import org.casetimeline.core.compliance.rules.Mr71PostReleaseDeath;
import org.casetimeline.core.compliance.rules.Mr73Transport;
import org.casetimeline.core.timeline.Timeline;

/** The checks in the order findings are listed, and the one call that runs them all. */
public final class ComplianceRules {

    private static final List<ComplianceRule> ALL = List.of(
            new Mr68DetentionNotice(),
            new Mr68TransferNotice(),
            new Mr68Whereabouts(),
            new Mr69DeathNotice(),
            new Mr70RelativeNews(),
            new Mr59Distance(),
            new Mr44ProlongedSolitary(),
            new Mr43IndefiniteSolitary(),
            new Mr45SolitaryDisability(),
            new Mr46SolitaryHealthVisits(),
            new Mr43FamilyContactSanction(),
            new Mr58FamilyContact(),
            new Mr23Exercise(),
            new Mr47Restraints(),
            new Mr14CellConditions(),
            new Mr19Clothing(),
            new Mr52IntrusiveSearch(),
            new Mr27MedicalDenied(),
            new Mr31MedicalUnanswered(),
            new Mr27ClinicalOverruled(),
            new Mr5Accommodation(),
            new Mr30AdmissionExam(),
            new Mr33HealthDeterioration(),
            new Mr57TortureInvestigation(),
            new Mr71CustodialDeath(),
            new Mr71PostReleaseDeath(),
            new Mr73Transport(),
            new Mr41DisciplineProcess(),
            new Mr61LegalAccess(),
            new Gc35JudicialReview(),
            new Mr112Separation(),
            new Mr64ReadingWriting(),
            new Mr57ComplaintReprisal());

    private static final Map<String, Integer> POSITION = positions();

    /**
     * The order findings are listed in: rule by rule in {@link #all()} order, then by start, then by explanation. The
     * evaluation lists them so, and a read of stored findings sorts them so.
     */
    public static final Comparator<Finding> LISTED = listed(Finding::ruleId, Finding::start, Finding::explanation);

    private ComplianceRules() {
    }

    /** The {@link #LISTED} order for anything that names a finding's rule, start and explanation (a stored finding). */
    public static <T> Comparator<T> listed(Function<T, String> ruleId, Function<T, Instant> start,
                                           Function<T, String> explanation) {
        return Comparator.comparingInt((T finding) -> POSITION.getOrDefault(ruleId.apply(finding), Integer.MAX_VALUE))
                .thenComparing(start).thenComparing(explanation);
    }

    private static Map<String, Integer> positions() {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < ALL.size(); i++) {
            positions.put(ALL.get(i).id(), i);
        }
        return Map.copyOf(positions);
    }

    public static List<ComplianceRule> all() {
        return ALL;
    }

    /** Every finding of every check, in the {@link #LISTED} order. */
    public static List<Finding> evaluate(Timeline timeline, Instant asOf, Thresholds thresholds) {
        return Evaluation.of(timeline, asOf, thresholds).findings();
    }
}
