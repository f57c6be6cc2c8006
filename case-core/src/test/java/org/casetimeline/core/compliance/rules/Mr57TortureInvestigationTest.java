package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
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
import org.junit.jupiter.api.Test;

class Mr57TortureInvestigationTest {

    private final Mr57TortureInvestigation rule = new Mr57TortureInvestigation();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    /** An allegation and the independent investigation opened for it within the threshold. */
    private FactId investigatedInTime(String kind, String alleged, String opened) {
        FactId allegation = aCase.illTreatmentAlleged(kind).on(alleged);
        aCase.investigationOpened(allegation, true).on(opened);
        return allegation;
    }

    @Test
    void givenBeatingAllegedAndNeverInvestigated_whenChecked_thenCriticalFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId beaten = aCase.illTreatmentAlleged("beating with truncheons").on("2014-04-10");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR57-TORTURE-INVESTIGATION");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("7 days");
            assertThat(finding.evidence()).containsExactly(beaten);
            assertThat(finding.explanation()).isEqualTo("Ill-treatment (beating with truncheons) alleged at Pavlodar prison (AP-162/1) "
                    + "on 10 April 2014: no independent investigation was opened in 52 days; the Rules require a prompt and "
                    + "impartial investigation by an independent body");
        });
    }

    @Test
    void givenAnAllegationCorrectedAfterItsInvestigationOpened_whenChecked_thenTheInvestigationStillAnswersIt() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04");
        aCase.investigationOpened(beaten, true).on("2014-04-03");
        aCase.illTreatmentAlleged("beating").correcting(beaten).on("2014-04-01");

        assertThat(findingsAsOf("2014-06-01")).as("the investigation names the version the correction replaced").isEmpty();
    }

    @Test
    void givenAForensicExaminationRefusedAfterASecondAllegation_whenChecked_thenItConcernsThatOneOnly() {
        FactId beaten = investigatedInTime("beating", "2012-04-01", "2012-04-03");
        FactId threatened = investigatedInTime("threats", "2014-04-01", "2014-04-03");
        FactId refused = aCase.forensicExaminationRefused().on("2014-04-05");

        assertThat(findingsAsOf("2014-06-01")).as("the allegation of 2012, investigated in time, is not reopened")
                .singleElement().satisfies(finding -> assertThat(finding.evidence()).contains(threatened, refused)
                        .doesNotContain(beaten));
    }

    @Test
    void givenTwoAllegationsDaysApartAndAForensicExaminationRefusedAfterBoth_whenChecked_thenItConcernsBoth() {
        investigatedInTime("beating", "2014-04-01", "2014-04-02");
        investigatedInTime("threats", "2014-04-03", "2014-04-04");
        aCase.forensicExaminationRefused().on("2014-04-05");

        assertThat(findingsAsOf("2014-06-01")).as("the beating, which a forensic examination concerns most, is not dropped")
                .hasSize(2).allSatisfy(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.FLAG));
    }

    @Test
    void givenIndependentInvestigationOnDay7_whenChecked_thenNothing_andOnDay8AClosedFlag() {
        FactId first = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        aCase.investigationOpened(first, true).on("2014-04-08");
        FactId second = aCase.illTreatmentAlleged("threats").on("2014-05-01");
        aCase.investigationOpened(second, true).on("2014-05-09");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.start()).isEqualTo(instant("2014-05-01"));
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
        });
    }

    @Test
    void givenInvestigationRefused_orByTheAccusedPrison_orForensicsRefused_whenChecked_thenFlagAtOnce() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        aCase.investigationRefused(beaten).on("2014-04-02");
        aCase.investigationOpened(beaten, false).on("2014-04-03");
        aCase.forensicExaminationRefused().on("2014-04-04");

        assertThat(findingsAsOf("2014-04-05")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.explanation()).contains("an investigation was refused on 2 April 2014",
                    "was by prison administration, not independent of the accused",
                    "an independent forensic examination was refused on 4 April 2014");
        });
    }

    @Test
    void givenAllegationDatedToTheMonth_whenInvestigatedOnThe10th_thenPossible() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04");
        aCase.investigationOpened(beaten, true).on("2014-04-10");

        assertThat(findingsAsOf("2014-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenRefusalRetracted_andInvestigatedInTime_whenChecked_thenNothing() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        aCase.retract(aCase.investigationRefused(beaten).on("2014-04-02"));
        aCase.investigationOpened(beaten, true).on("2014-04-03");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenInvestigationCorrectedToIndependent_whenChecked_thenNothing() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        FactId opened = aCase.investigationOpened(beaten, false).on("2014-04-03");
        aCase.investigationOpened(beaten, true).correcting(opened).on("2014-04-03");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenAllegationDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.illTreatmentAlleged("beating").on("2014-04-01"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    /** An investigation whose independence is not recorded closes nothing and proves nothing: a data gap. */
    @Test
    void givenAnInvestigationOfUnrecordedIndependenceInTime_whenChecked_thenUnknownUntilItIsRecorded() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        FactId opened = aCase.investigationOpened(beaten, null).on("2014-04-03");

        assertThat(rule.evaluate(aCase.timeline(), instant("2014-06-01"), Thresholds.defaults())).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
                    assertThat(finding.evidence()).containsExactly(beaten, opened);
                    assertThat(finding.explanation()).contains("prosecutor general, is not recorded as independent of the accused");
                });

        aCase.investigationOpened(beaten, true).correcting(opened).on("2014-04-03");
        assertThat(rule.evaluate(aCase.timeline(), instant("2014-06-01"), Thresholds.defaults())).as("settled by a correction")
                .isEmpty();
    }

    /** Timed as the investigation owed, one of unrecorded independence keeps the lateness it has: here only possible. */
    @Test
    void givenAnAllegationKnownToTheMonth_whenAnInvestigationOfUnrecordedIndependenceOpensOnThe20th_thenPossibleClosed() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04");
        FactId opened = aCase.investigationOpened(beaten, null).on("2014-04-20");

        assertThat(rule.evaluate(aCase.timeline(), instant("2014-06-01"), Thresholds.defaults())).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE);
                    assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
                    assertThat(finding.evidence()).containsExactly(beaten, opened);
                });
    }

    /** An independent investigation opened in time answers the allegation, whatever else was opened around it. */
    @Test
    void givenAnIndependentInvestigationInTime_whenAnotherOfUnrecordedIndependenceIsKnownOnlyToTheMonth_thenNothing() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        aCase.investigationOpened(beaten, null).on("2014-04");
        aCase.investigationOpened(beaten, true).on("2014-04-03");

        assertThat(rule.evaluate(aCase.timeline(), instant("2014-06-01"), Thresholds.defaults())).isEmpty();
    }

    /** A refusal naming no allegation does not reach back to one investigated in time years before. */
    @Test
    void givenAnAllegationInvestigatedInTime_whenARefusalNamingNoneComesYearsLater_thenItConcernsOnlyTheLaterOne() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2014-04-01");
        aCase.investigationOpened(beaten, true).on("2014-04-03");
        FactId threatened = aCase.illTreatmentAlleged("threats").on("2018-05-01");
        FactId refusal = aCase.investigationRefused(null).on("2018-05-03");

        assertThat(rule.evaluate(aCase.timeline(), instant("2018-06-01"), Thresholds.defaults())).singleElement()
                .satisfies(finding -> assertThat(finding.evidence()).containsExactly(threatened, refusal));
    }
}
