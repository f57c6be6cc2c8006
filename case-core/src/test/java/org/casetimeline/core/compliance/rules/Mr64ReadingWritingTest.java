package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
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
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

class Mr64ReadingWritingTest {

    private final Mr64ReadingWriting rule = new Mr64ReadingWriting();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenNoPenAndPaperInSolitary_whenAMonthLater_thenConcernOpen() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        FactId report = aCase.conditions().writingMaterials(false).on("2013-01-10");

        assertThat(findingsAsOf("2013-02-09")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR64-READING-WRITING");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("7 days");
            assertThat(finding.evidence()).containsExactly(report);
            assertThat(finding.explanation()).isEqualTo("Writing materials denied at Arkalyk prison (UK 161/12) from "
                    + "10 January 2013 to 9 February 2013, 30 days; the Rules require books, news and the means to write");
        });
    }

    @Test
    void givenBooksDeniedFor7Days_whenChecked_thenNothing_and8DaysIsFlagged() {
        aCase.conditions().books(false).on("2013-01-10");
        aCase.conditions().books(true).on("2013-01-17");
        assertThat(findingsAsOf("2013-03-01")).isEmpty();

        aCase.conditions().news(false).on("2013-02-01");
        aCase.conditions().news(true).on("2013-02-09");
        assertThat(findingsAsOf("2013-03-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2013-02-09"));
        });
    }

    /** A stated period ends the run: nothing is known of the condition after it, so it is not carried to the release. */
    @Test
    void givenWritingMaterialsDeniedFrom2006To2014_whenReadIn2021_thenClosedIn2014NotOpenUntilRelease() {
        aCase.detained(at(ARKALYK)).on("2005-01-10");
        FactId report = aCase.conditions().writingMaterials(false).between("2006", "2014");

        assertThat(findingsAsOf("2021-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.start()).isEqualTo(instant("2006-01-01"));
            assertThat(finding.end()).isEqualTo(instant("2014-01-01"));
            assertThat(finding.evidence()).containsExactly(report);
        });

        aCase.conditions().writingMaterials(false).on("2013-06-01");
        assertThat(findingsAsOf("2021-01-01")).as("a report within the period is the same run")
                .singleElement().satisfies(finding -> assertThat(finding.state()).isEqualTo(FindingState.CLOSED));

        aCase.conditions().writingMaterials(false).on("2016-03-01");
        assertThat(findingsAsOf("2021-01-01")).as("one after it is a run of its own, open while nothing changes")
                .extracting(Finding::state).containsExactly(FindingState.CLOSED, FindingState.OPEN);
    }

    @Test
    void givenPeriodsBackToBack_whenChecked_thenOneRun_andAGapDayBetweenSplitsIt() {
        aCase.conditions().writingMaterials(false).between("2014-03-01", "2014-03-05");
        aCase.conditions().writingMaterials(false).between("2014-03-06", "2014-03-10");
        assertThat(findingsAsOf("2014-06-01")).as("nine days in two reports").singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-03-10")));

        CaseFixture apart = aCase();
        apart.conditions().writingMaterials(false).between("2014-03-01", "2014-03-05");
        apart.conditions().writingMaterials(false).between("2014-03-07", "2014-03-11");
        assertThat(rule.evaluate(apart.timeline(), instant("2014-06-01"), Thresholds.defaults()))
                .as("four days each, a day unknown between").isEmpty();
    }

    /** A period at one prison does not run on into a report at the next, even on the day after: each is its own run. */
    @Test
    void givenAPeriodThenAMoveThenAPeriodAtTheNextPrison_whenChecked_thenTwoRunsEachAtItsPrison() {
        aCase.detained(at(ARKALYK)).on("2014-02-01");
        aCase.conditions().writingMaterials(false).between("2014-03-01", "2014-03-05");
        aCase.transferred(at(ARKALYK), at(PAVLODAR)).on("2014-03-06");
        FactId atPavlodar = aCase.conditions().writingMaterials(false).between("2014-03-06", "2014-03-30");
        aCase.conditions().writingMaterials(true).on("2014-03-31");

        assertThat(findingsAsOf("2014-06-01")).as("four days at Arkalyk, under the threshold; 24 at Pavlodar")
                .singleElement().satisfies(finding -> {
                    assertThat(finding.start()).isEqualTo(instant("2014-03-06"));
                    assertThat(finding.evidence()).startsWith(atPavlodar);
                });
    }

    @Test
    void givenAPeriodEndingInAYear_whenReleasedWithinItAndHeldAgain_thenTheRunEndsAtTheReleaseAndANewOneOpens() {
        aCase.detained(at(ARKALYK)).on("2005-01-10");
        aCase.conditions().writingMaterials(false).between("2006", "2014");
        FactId released = aCase.released(ReleaseKind.END_OF_TERM, false).on("2014-03-01");
        aCase.detained(at(ARKALYK)).on("2014-09-01");
        FactId again = aCase.conditions().writingMaterials(false).on("2014-10-01");

        assertThat(findingsAsOf("2015-01-01")).satisfiesExactly(
                first -> assertThat(first.end()).isEqualTo(instant("2014-03-01")),
                second -> {
                    assertThat(second.state()).isEqualTo(FindingState.OPEN);
                    assertThat(second.evidence()).containsExactly(again);
                });
        assertThat(findingsAsOf("2015-01-01").get(0).evidence()).contains(released);
    }

    @Test
    void givenAPeriodWhoseEndIsThisYear_whenReadBeforeTheYearIsOut_thenStillOpen() {
        aCase.conditions().writingMaterials(false).between("2020", "2026");

        assertThat(findingsAsOf("2026-11-23")).singleElement()
                .satisfies(finding -> assertThat(finding.state()).isEqualTo(FindingState.OPEN));
        assertThat(findingsAsOf("2027-02-01")).singleElement()
                .satisfies(finding -> assertThat(finding.state()).isEqualTo(FindingState.CLOSED));
    }

    @Test
    void givenWritingsConfiscated_whenChecked_thenFlagAtOnce() {
        aCase.conditions().writingsConfiscated().on("2013-01-10");

        assertThat(findingsAsOf("2013-01-11")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("Personal writings confiscated"));
    }

    @Test
    void givenDenialKnownToTheMonth_whenAllowedOnThe5thOfNextMonth_thenPossible() {
        aCase.conditions().books(false).on("2013-01");
        aCase.conditions().books(true).on("2013-02-05");

        assertThat(findingsAsOf("2013-03-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.conditions().books(false).on("2013-01-10"));

        assertThat(findingsAsOf("2013-03-01")).isEmpty();
    }

    @Test
    void givenCorrectedToAllowed_whenChecked_thenNothing() {
        FactId report = aCase.conditions().books(false).on("2013-01-10");
        aCase.conditions().books(true).report().correcting(report).on("2013-01-10");

        assertThat(findingsAsOf("2013-03-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.conditions().books(false).on("2013-01-10"));

        assertThat(findingsAsOf("2013-03-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
