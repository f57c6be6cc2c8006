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
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

class Mr71CustodialDeathTest {

    private final Mr71CustodialDeath rule = new Mr71CustodialDeath();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenDeathInCustodyWithNoReportOnRecord_whenTwoDaysLater_thenCriticalDataGapOpen() {
        aCase.detained(at(PAVLODAR)).on("2015-01-10");
        FactId died = aCase.diedInCustody(true, true).on("2015-03-03");

        assertThat(findingsAsOf("2015-03-05")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR71-CUSTODIAL-DEATH");
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("24 hours");
            assertThat(finding.evidence()).containsExactly(died);
            assertThat(finding.explanation()).isEqualTo("Died in custody (the prison hospital) on 3 March 2015; "
                    + "no record shows the death was reported to an independent authority within 24 hours");
        });
    }

    @Test
    void givenAReportThreeDaysAfterTheDeath_whenAsOfADayBeforeIt_thenAFlagOpenAtThatDate() {
        FactId died = aCase.diedInCustody(true, true).on("2015-03-03");
        FactId report = aCase.reportedToIndependentAuthority().on("2015-03-06");

        // an as-of reading uses all that is known now: the report of the 6th proves none had come by the 5th
        assertThat(findingsAsOf("2015-03-05")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(died, report);
            assertThat(finding.explanation()).endsWith("the death had still not been reported to an independent authority"
                    + " on 5 March 2015, 48 hours later");
        });
    }

    @Test
    void givenAnInvestigationWhoseIndependenceIsUnrecorded_whenChecked_thenTheGapStaysOpen() {
        aCase.diedInCustody(true, true).on("2015-03-03");
        aCase.investigationOpened(null, null).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenAnIndependentInvestigationIntoAnEarlierAllegation_whenOpenedAfterTheDeath_thenItIsNoReportOfTheDeath() {
        FactId beaten = aCase.illTreatmentAlleged("beating").on("2015-02-01");
        aCase.diedInCustody(true, true).on("2015-03-03");
        aCase.investigationOpened(beaten, true).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenAnIndependentInvestigationIntoTheDeath_whenOpenedTheSameDay_thenNothing() {
        FactId died = aCase.diedInCustody(true, true).on("2015-03-03");
        aCase.investigationOpened(died, true).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenReportedTheNextDay_whenChecked_thenNothing() {
        aCase.diedInCustody(true, true).on("2015-03-03");
        aCase.reportedToIndependentAuthority().on("2015-03-04");

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenReportedThreeDaysLater_whenChecked_thenClosedThere() {
        aCase.diedInCustody(true, true).on("2015-03-03");
        aCase.reportedToIndependentAuthority().on("2015-03-06");

        assertThat(findingsAsOf("2015-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.end()).isEqualTo(instant("2015-03-06"));
            assertThat(finding.explanation()).endsWith("the death was reported to an independent authority only on 6 March 2015, 3 days later");
        });
    }

    @Test
    void givenDeathKnownToTheMonthAndReportOnThe10th_whenChecked_thenPossible() {
        aCase.diedInCustody(true, true).on("2015-03");
        aCase.reportedToIndependentAuthority().on("2015-03-10");

        assertThat(findingsAsOf("2015-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenInvestigationClosedWithoutTellingTheFamily_andBodyNotReturned_whenChecked_thenTwoMoreFlags() {
        FactId died = aCase.diedInCustody(true, false).on("2015-03-03");
        aCase.reportedToIndependentAuthority().on("2015-03-03");
        FactId closed = aCase.investigationClosed(null, false).on("2015-06-01");

        assertThat(findingsAsOf("2015-07-01")).hasSize(2).anySatisfy(finding -> {
            assertThat(finding.evidence()).containsExactly(died, closed);
            assertThat(finding.explanation()).contains("the investigation was closed on 1 June 2015 without informing the family");
        }).anySatisfy(finding -> {
            assertThat(finding.open()).isTrue();
            assertThat(finding.explanation()).contains("the body was not returned to the family");
        });
    }

    @Test
    void givenDeathAfterRelease_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2015-01-10");
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2015-02-01");
        aCase.died(null).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenDeathWithCustodyUnsaid_whenHeldAtTheTime_thenCountsAsInCustody() {
        aCase.detained(at(PAVLODAR)).on("2015-01-10");
        aCase.died(null).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.ruleId()).isEqualTo("MR71-CUSTODIAL-DEATH"));
    }

    /** The person was alive to be arrested, so a death known only to that day, or to that month, came after it. */
    @Test
    void givenDeathWithCustodyUnsaidOnTheDayOfArrestOrInItsMonth_whenChecked_thenCountsAsInCustody() {
        aCase.detained(at(PAVLODAR)).on("2015-03-03");
        aCase.died(null).on("2015-03-03");
        CaseFixture monthCase = CaseFixture.aCase();
        monthCase.detained(at(PAVLODAR)).on("2015-03-10");
        monthCase.died(null).on("2015-03");

        assertThat(findingsAsOf("2015-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.ruleId()).isEqualTo("MR71-CUSTODIAL-DEATH"));
        assertThat(rule.evaluate(monthCase.timeline(), instant("2015-05-01"), Thresholds.defaults())).singleElement()
                .satisfies(finding -> assertThat(finding.ruleId()).isEqualTo("MR71-CUSTODIAL-DEATH"));
    }

    /** Known only to the year, a death came after the release of that year: the person was alive to be released. */
    @Test
    void givenDeathKnownToTheYearOfARelease_whenChecked_thenNotACustodialDeath() {
        aCase.detained(at(PAVLODAR)).on("2015-03-10");
        aCase.released(ReleaseKind.PARDON, false).on("2015-05-01");
        aCase.died(null).on("2015");

        assertThat(findingsAsOf("2016-04-01")).isEmpty();
    }

    /** As of a day before the arrest, a death known to its month had not yet come after any custody. */
    @Test
    void givenDeathKnownToTheMonthOfTheArrest_whenReadAsOfADayBeforeTheArrest_thenNotACustodialDeath() {
        aCase.detained(at(PAVLODAR)).on("2015-03-10");
        aCase.died(null).on("2015-03");

        assertThat(findingsAsOf("2015-03-05")).isEmpty();
    }

    @Test
    void givenDeathRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.diedInCustody(true, false).on("2015-03-03"));

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenReportDateCorrectedToTheDayOfDeath_whenChecked_thenNothing() {
        aCase.diedInCustody(true, true).on("2015-03-03");
        FactId report = aCase.reportedToIndependentAuthority().on("2015-03-20");
        aCase.reportedToIndependentAuthority().correcting(report).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenDeathDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.diedInCustody(true, true).on("2015-03-03"));

        assertThat(findingsAsOf("2015-04-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
