package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ALMATY_SIZO;
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

class Gc35JudicialReviewTest {

    private final Gc35JudicialReview rule = new Gc35JudicialReview();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenFirstBroughtBeforeAJudgeFiveDaysAfterArrest_whenChecked_thenSeriousFlagClosed() {
        FactId detained = aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.charged(true).on("2016-05-17");
        FactId judge = aCase.broughtBeforeJudge().on("2016-05-22");

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("GC35-JUDICIAL-REVIEW");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.threshold()).isEqualTo("48 hours");
            assertThat(finding.evidence()).containsExactly(detained, judge);
            assertThat(finding.explanation()).isEqualTo("Detained by police on 17 May 2016; "
                    + "the person was brought before a judge only on 22 May 2016, 5 days later");
        });
    }

    /** The release that ended an earlier custody, though known only to the month, does not end the wait for a judge. */
    @Test
    void givenAnArrestAfterAReleaseKnownToTheMonth_whenBroughtBeforeAJudgeTheNextDay_thenNothing() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-01");
        aCase.released(ReleaseKind.BAIL, null).on("2016-05");
        FactId again = aCase.detained(at(ALMATY_SIZO)).on("2016-05-20");
        aCase.charged(true).on("2016-05-20");
        aCase.broughtBeforeJudge().on("2016-05-21");

        assertThat(findingsAsOf("2016-06-01")).isNotEmpty() // the first custody ended with no judge on record
                .noneMatch(finding -> finding.evidence().contains(again));
    }

    @Test
    void givenJudgeAndChargesWithinTheirThresholds_whenChecked_thenNothing() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.charged(true).on("2016-05-18");
        aCase.broughtBeforeJudge().on("2016-05-19");

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenNothingRecordedBeforeTheTrial_whenChecked_thenTwoUnknownsClosedAtTheTrial() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.trialOpened().on("2016-09-01");

        assertThat(findingsAsOf("2016-10-01")).hasSize(2).allSatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.end()).isEqualTo(instant("2016-09-01"));
        });
    }

    @Test
    void givenChargesBroughtWithoutTellingThePerson_whenChecked_thenFlag() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.broughtBeforeJudge().on("2016-05-18");
        FactId charged = aCase.charged(false).on("2016-05-17");

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.evidence()).contains(charged);
            assertThat(finding.explanation()).contains("the person had still not been told of the charges on 1 June 2016");
        });
    }

    @Test
    void givenArrestKnownToTheMonthAndJudgeOnThe10th_whenChecked_thenPossible() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05");
        aCase.charged(true).on("2016-05-01");
        aCase.broughtBeforeJudge().on("2016-05-10");

        assertThat(findingsAsOf("2016-06-15")).filteredOn(finding -> finding.explanation().contains("judge")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenDetentionRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.detained(at(ALMATY_SIZO)).on("2016-05-17"));

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenHearingCorrectedToTheNextDay_whenChecked_thenNothing() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.charged(true).on("2016-05-17");
        FactId judge = aCase.broughtBeforeJudge().on("2016-05-27");
        aCase.broughtBeforeJudge().correcting(judge).on("2016-05-18");

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenLateHearingDisputed_whenChecked_thenDisputed() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.charged(true).on("2016-05-17");
        aCase.dispute(aCase.broughtBeforeJudge().on("2016-05-27"));

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    /** Read as of a past date, a hearing after a release and a new detention says nothing of the first custody's wait. */
    @Test
    void givenReleasedThenDetainedAgainAndBroughtBeforeAJudge_whenReadDuringTheFirstCustody_thenUnknownNotFlag() {
        aCase.detained(at(ALMATY_SIZO)).on("2010-01-10");
        aCase.released(ReleaseKind.BAIL, false).on("2010-01-20");
        aCase.detained(at(ALMATY_SIZO)).on("2015-03-01");
        FactId laterHearing = aCase.broughtBeforeJudge().on("2015-03-02");

        assertThat(findingsAsOf("2010-01-15")).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.evidence()).doesNotContain(laterHearing);
        });
    }
}
