package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.RestraintKind;
import org.casetimeline.core.shared.RestraintOccasion;
import org.junit.jupiter.api.Test;

class Mr47RestraintsTest {

    private final Mr47Restraints rule = new Mr47Restraints();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenChainedAsAPunishment_whenChecked_thenSeriousFlagClosedOnTheDay() {
        FactId chained = aCase.restrained(RestraintKind.CHAINS, true, "transport").on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR47-RESTRAINTS");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2014-05-02"));
            assertThat(finding.evidence()).containsExactly(chained);
            assertThat(finding.explanation()).isEqualTo("Restrained with chains on 2 May 2014, instruments the Rules ban "
                    + "outright, as a punishment; the Rules allow restraints only when strictly necessary and never as a punishment");
        });
    }

    @Test
    void givenHandcuffsForTransport_whenChecked_thenNothing_butCuffedDuringExerciseIsFlagged() {
        aCase.restrained(RestraintKind.HANDCUFFS, false, RestraintOccasion.TRANSPORT, "to Karaganda").on("2014-05-02");
        assertThat(findingsAsOf("2014-06-01")).isEmpty();

        aCase.restrained(RestraintKind.HANDCUFFS, false, RestraintOccasion.EXERCISE, null).on("2014-05-03");
        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.explanation()).isEqualTo("Restrained with handcuffs on 3 May 2014, during exercise; the Rules"
                    + " allow restraints only when strictly necessary and never as a punishment");
        });
    }

    @Test
    void givenCuffedInTheCell_whenChecked_thenFlagged() {
        aCase.restrained(RestraintKind.HANDCUFFS, false, RestraintOccasion.IN_CELL, "cuffed to the bed").on("2014-05-03");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.explanation()).contains("on 3 May 2014, in the cell;");
        });
    }

    @Test
    void givenEscortedFromTheCellToCourt_whenChecked_thenNothing() {
        aCase.restrained(RestraintKind.HANDCUFFS, false, RestraintOccasion.COURT, "escort from cell to court").on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenOnlyTheFreeTextNamesTheCell_whenChecked_thenADataGapNotAFlag() {
        FactId escorted = aCase.restrained(RestraintKind.HANDCUFFS, false, "escort from cell to court").on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.evidence()).containsExactly(escorted);
            assertThat(finding.explanation()).isEqualTo("Restrained with handcuffs on 2 May 2014 (\"escort from cell to"
                    + " court\"); no record says whether it was during exercise or in the cell, where the Rules forbid restraints");
        });
    }

    @Test
    void givenFreeTextWhereCellIsOnlyPartOfAWord_whenChecked_thenNothing() {
        aCase.restrained(RestraintKind.HANDCUFFS, false, "hearing cancelled, excellent conduct").on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenAFreeTextGapCorrectedWithItsOccasion_whenChecked_thenSettled() {
        FactId escorted = aCase.restrained(RestraintKind.HANDCUFFS, false, "exercise yard to cell").on("2014-05-02");
        aCase.restrained(RestraintKind.HANDCUFFS, false, RestraintOccasion.ESCORT, "exercise yard to cell").correcting(escorted)
                .on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenChainsInTheFreeTextCell_whenChecked_thenFlaggedForTheChainsAlone() {
        aCase.restrained(RestraintKind.CHAINS, false, "in his cell").on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.explanation()).startsWith("Restrained with chains on 2 May 2014, instruments the Rules ban outright;");
        });
    }

    @Test
    void givenRestraintAfterAsOf_whenChecked_thenNothing() {
        aCase.restrained(RestraintKind.HOOD, false, null).on("2014-05-02");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.restrained(RestraintKind.IRONS, false, null).on("2014-05-02"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenCorrectedToHandcuffsForTransport_whenChecked_thenNothing() {
        FactId restraint = aCase.restrained(RestraintKind.IRONS, false, null).on("2014-05-02");
        aCase.restrained(RestraintKind.HANDCUFFS, false, "transport").correcting(restraint).on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.restrained(RestraintKind.HOOD, false, null).on("2014-05-02"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
