package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

class Mr43IndefiniteSolitaryTest {

    private final Mr43IndefiniteSolitary rule = new Mr43IndefiniteSolitary();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenSolitaryImposedForABookAsPartOfTheSentence_whenChecked_thenCriticalFlagOpen() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        FactId imposed = aCase.solitary(730, false, "court", null, true, true).on("2012-12");

        assertThat(findingsAsOf("2013-01-15")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR43-INDEFINITE-SOLITARY");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(imposed);
            assertThat(finding.explanation()).isEqualTo("Solitary confinement at Arkalyk prison (UK 161/12) from December 2012 "
                    + "was imposed for what the person published or said and imposed as part of the sentence; the Rules allow "
                    + "it only as a last resort, for as short a time as possible, under review");
        });
    }

    @Test
    void givenASentenceToSolitary_whenChecked_thenOnlyTheSpellsItMayHaveOrderedAreFlagged() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        aCase.solitary(3, false, "governor", null, false, false).on("2012-03-01");
        aCase.solitaryEnded().on("2012-03-04");
        FactId sentence = aCase.sentencedWithSolitary(60).on("2014-02-01");
        FactId later = aCase.solitary(30, false, "governor", null, false, false).on("2014-03-01");

        assertThat(findingsAsOf("2014-03-15")).as("the disciplinary spell of 2012 was not ordered by a sentence of 2014")
                .singleElement().satisfies(finding -> {
                    assertThat(finding.start()).isEqualTo(instant("2014-03-01"));
                    assertThat(finding.evidence()).contains(later, sentence);
                });
    }

    @Test
    void givenASentenceToSolitaryPassedDuringASpellOrCommutedInTerm_whenChecked_thenTheSpellIsStillPartOfTheSentence() {
        aCase.solitary(null, true, "governor", "prosecutor", false, false).on("2014-01-20");
        FactId sentence = aCase.sentencedWithSolitary(60).on("2014-02-01");
        aCase.solitary(null, true, "court", "prosecutor", false, false).on("2014-02-06");

        assertThat(findingsAsOf("2014-03-01")).as("a renewal after the sentence, joined into one spell").singleElement()
                .satisfies(finding -> assertThat(finding.evidence()).contains(sentence));
    }

    @Test
    void givenIndefiniteUnreviewedSolitary_whenDay16_thenFlag_andNothingOnDay15() {
        aCase.solitary(null, true, "governor", null, false, false).on("2013-10-01");

        assertThat(findingsAsOf("2013-10-16")).isEmpty();
        assertThat(findingsAsOf("2013-10-17")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.FLAG));
    }

    @Test
    void givenIndefiniteButReviewed_orOrdinaryDisciplinarySolitary_whenChecked_thenNothing() {
        aCase.solitary(null, true, "governor", "prosecutor", false, false).on("2013-10-01");
        aCase.solitary(10, false, "governor", null, false, false).on("2014-01-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenIndefiniteSolitaryStartingSometimeInSeptember_whenAsOf10October_thenPossible() {
        aCase.solitary(null, true, "governor", null, false, false).on("2013-09");

        assertThat(findingsAsOf("2013-10-10")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenSpellEnded_whenChecked_thenClosed() {
        aCase.solitary(null, false, "court", null, true, false).on("2013-01-01");
        aCase.solitaryEnded().on("2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2013-10-05")));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.solitary(null, false, "court", null, true, true).on("2013-01-01"));

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenCorrectedToAReviewedSpell_whenChecked_thenNothing() {
        FactId imposed = aCase.solitary(null, true, "governor", null, false, false).on("2013-01-01");
        aCase.solitary(null, true, "governor", "prosecutor", false, false).correcting(imposed).on("2013-01-01");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.solitary(null, false, "court", null, true, true).on("2013-01-01"));

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    /** A sentence served and ended by release says nothing of a disciplinary spell in a later custody. */
    @Test
    void givenASentenceToSolitaryServed_whenADisciplinarySpellComesInALaterCustody_thenNotPartOfThatSentence() {
        aCase.sentencedWithSolitary(24).on("2010-02-01");
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2012-02-01");
        aCase.solitary().on("2019-03-01");
        aCase.solitaryEnded().on("2019-03-05");
        assertThat(findingsAsOf("2020-01-01")).isEmpty();

        aCase.sentencedWithSolitary(24).on("2018-06-01");
        assertThat(findingsAsOf("2020-01-01")).as("a sentence of the later custody still is").hasSize(1);
    }
}
