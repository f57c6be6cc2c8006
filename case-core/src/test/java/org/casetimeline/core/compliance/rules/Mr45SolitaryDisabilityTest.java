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
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr45SolitaryDisabilityTest {

    private final Mr45SolitaryDisability rule = new Mr45SolitaryDisability();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenSpineInjuryOnRecordAndSolitary_whenChecked_thenSeriousFlagOverTheSpell() {
        FactId injury = aCase.conditionReported("spine and leg injuries", true, ConditionSeverity.SERIOUS).on("2006");
        FactId solitary = aCase.solitary().between("2012-12", "2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR45-SOLITARY-DISABILITY");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.evidence()).containsExactly(solitary, injury);
            assertThat(finding.explanation()).isEqualTo("Held in solitary confinement from December 2012 to 5 October 2013 "
                    + "despite spine and leg injuries on record; the Rules forbid solitary confinement that would worsen a disability or illness");
        });
    }

    @Test
    void givenAConditionAddedByADetailsAmendment_whenSolitaryFollows_thenFlag_citingTheAmendment() {
        FactId amendment = aCase.conditionsAmended(List.of("epilepsy")).on("2012-01-10");
        FactId solitary = aCase.solitary().between("2012-12", "2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.explanation()).contains("despite epilepsy on record");
            assertThat(finding.evidence()).containsExactly(solitary, amendment);
        });
    }

    /** As with a condition reported after the spell: an amendment dated later had not put it on record then. */
    @Test
    void givenConditionsListedOnlyByADetailsAmendmentDatedAfterTheSpell_whenChecked_thenNothing() {
        aCase.solitary().between("2012-12", "2013-10-05");
        aCase.conditionsAmended(List.of("epilepsy")).on("2016-03-01");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
        assertThat(findingsAsOf("2017-01-01")).isEmpty();
    }

    /** A later amendment that lists other conditions does not reach back over a spell the earlier one covered. */
    @Test
    void givenTwoAmendments_whenTheSecondIsDatedAfterTheSpell_thenTheFirstIsWhatWasOnRecord() {
        FactId first = aCase.conditionsAmended(List.of("epilepsy")).on("2012-01-10");
        aCase.solitary().between("2012-12", "2013-10-05");
        aCase.conditionsAmended(List.of("asthma")).on("2015-05-01");

        assertThat(findingsAsOf("2016-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.explanation()).contains("despite epilepsy on record").doesNotContain("asthma");
            assertThat(finding.evidence()).contains(first);
        });
    }

    @Test
    void givenMildConditionOnly_orConditionReportedAfterTheSpell_whenChecked_thenNothing() {
        aCase.conditionReported("a cold", false, ConditionSeverity.MILD).on("2013-01-01");
        aCase.solitary().between("2013-01-10", "2013-01-20");
        aCase.conditionReported("a heart condition", false, ConditionSeverity.SERIOUS).on("2013-03-01");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenSpellStillRunning_whenChecked_thenOpen() {
        aCase.conditionReported("diabetes", false, ConditionSeverity.SERIOUS).on("2013-01-01");
        aCase.solitary().on("2013-02-01");

        assertThat(findingsAsOf("2013-02-10")).singleElement()
                .satisfies(finding -> assertThat(finding.state()).isEqualTo(FindingState.OPEN));
    }

    @Test
    void givenConditionRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.conditionReported("diabetes", false, ConditionSeverity.SERIOUS).on("2013-01-01"));
        aCase.solitary().on("2013-02-01");

        assertThat(findingsAsOf("2013-02-10")).isEmpty();
    }

    @Test
    void givenConditionCorrectedToMild_whenChecked_thenNothing() {
        FactId condition = aCase.conditionReported("diabetes", false, ConditionSeverity.SERIOUS).on("2013-01-01");
        aCase.conditionReported("diabetes", false, ConditionSeverity.MILD).correcting(condition).on("2013-01-01");
        aCase.solitary().on("2013-02-01");

        assertThat(findingsAsOf("2013-02-10")).isEmpty();
    }

    @Test
    void givenConditionDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.conditionReported("diabetes", false, ConditionSeverity.SERIOUS).on("2013-01-01"));
        aCase.solitary().on("2013-02-01");

        assertThat(findingsAsOf("2013-02-10")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
