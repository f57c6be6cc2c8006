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

class Mr44ProlongedSolitaryTest {

    private final Mr44ProlongedSolitary rule = new Mr44ProlongedSolitary();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenSolitaryFromDecember2012To5October2013_whenChecked_thenCriticalFlagOfAtLeast278Days() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        FactId solitary = aCase.solitary().between("2012-12", "2013-10-05");

        List<Finding> findings = findingsAsOf("2014-01-01");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR44-PROLONGED-SOLITARY");
            assertThat(finding.ruleNumbers()).containsExactly("43(1)(b)", "44");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.start()).isEqualTo(instant("2012-12-01"));
            assertThat(finding.end()).isEqualTo(instant("2013-10-05"));
            assertThat(finding.threshold()).isEqualTo("15 days");
            assertThat(finding.evidence()).containsExactly(solitary);
            assertThat(finding.approximate()).isTrue();
            assertThat(finding.disputed()).isFalse();
            assertThat(finding.explanation()).isEqualTo("Held in solitary confinement at Arkalyk prison (UK 161/12) "
                    + "from December 2012 to 5 October 2013, at least 278 days; the Rules forbid more than 15 consecutive days");
        });
    }

    /** An end recorded in a later custody must not carry a spell over the release between: two short spells, none long. */
    @Test
    void givenASpellWithoutAnEndBeforeARelease_whenALaterCustodysSpellEnds_thenTwoShortSpellsNotOneLong() {
        aCase.detained(at(ARKALYK)).on("2013-01-01");
        aCase.solitary().on("2013-01-05");
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2013-01-12");
        aCase.detained(at(ARKALYK)).on("2015-01-01");
        aCase.solitary().on("2015-03-01");
        aCase.solitaryEnded().on("2015-03-05");

        assertThat(findingsAsOf("2016-01-01")).isEmpty();

        CaseFixture approximate = aCase();
        approximate.detained(at(ARKALYK)).on("2013-01-01");
        approximate.solitary().on("2013-01-05");
        approximate.released(ReleaseKind.END_OF_TERM, false).on("2013-01-12");
        approximate.solitaryEnded().on("2013");
        assertThat(rule.evaluate(approximate.timeline(), instant("2016-01-01"), Thresholds.defaults()))
                .as("an end known only to the year may have come after the release, which surely ended the spell").isEmpty();

        CaseFixture month = aCase();
        month.detained(at(ARKALYK)).on("2013-01-01");
        month.solitary().on("2013-01-05");
        month.solitaryEnded().on("2013-01");
        month.released(ReleaseKind.END_OF_TERM, false).on("2013-01-25");
        assertThat(rule.evaluate(month.timeline(), instant("2016-01-01"), Thresholds.defaults()))
                .as("ended in January, by the release on the 25th at the latest: 20 days at most, perhaps one")
                .singleElement().satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenSolitaryOfExactly15Days_whenChecked_thenNothing() {
        aCase.solitary().on("2013-10-01");
        aCase.solitaryEnded().on("2013-10-16");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenSolitaryOf16Days_whenChecked_thenFlagClosedAtItsEnd() {
        FactId imposed = aCase.solitary().on("2013-10-01");
        FactId ended = aCase.solitaryEnded().on("2013-10-17");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.evidence()).containsExactly(imposed, ended);
            assertThat(finding.approximate()).isFalse();
            assertThat(finding.explanation()).contains("16 days").doesNotContain("at least");
        });
    }

    @Test
    void givenSolitaryStillRunning_whenAsOfDay16_thenOpenFlag_andNothingOnDay15() {
        aCase.solitary().on("2013-10-01");

        assertThat(findingsAsOf("2013-10-16")).isEmpty();
        assertThat(findingsAsOf("2013-10-16T00:00:01Z")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.end()).isNull();
            assertThat(finding.explanation()).contains("still held on 16 October 2013");
        });
    }

    @Test
    void givenSpellOnlyLongerThan15DaysOnItsWidestReading_whenChecked_thenPossible() {
        aCase.solitary().between("2013-10", "2013-10-20");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE);
            assertThat(finding.approximate()).isTrue();
            assertThat(finding.explanation()).contains("up to 19 days");
        });
    }

    @Test
    void givenTwoSpellsLessThanADayApart_whenChecked_thenJoinedIntoOneFlag() {
        aCase.solitary().between("2013-10-01", "2013-10-10");
        aCase.solitary().between("2013-10-10", "2013-10-20");

        assertThat(findingsAsOf("2014-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).contains("from 1 October 2013 to 20 October 2013, 19 days"));
    }

    @Test
    void givenTwoSpellsADayApart_whenChecked_thenNeitherCounts() {
        aCase.solitary().between("2013-10-01", "2013-10-10");
        aCase.solitary().between("2013-10-11", "2013-10-20");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenReleaseEndsSolitary_whenChecked_thenFlagClosedAtRelease() {
        aCase.solitary().on("2013-10-01");
        aCase.released(ReleaseKind.PARDON, false).on("2013-11-01");

        assertThat(findingsAsOf("2014-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2013-11-01")));
    }

    /** A term ordered to a date ends at the release that comes before it. */
    @Test
    void givenSolitaryOrderedToADate_whenReleasedBeforeIt_thenTheSpellEndsAtTheRelease() {
        aCase.solitary().between("2013-10-01", "2013-12-01");
        aCase.released(ReleaseKind.PARDON, false).on("2013-10-05");
        CaseFixture longer = CaseFixture.aCase();
        longer.solitary().between("2013-10-01", "2013-12-01");
        FactId released = longer.released(ReleaseKind.PARDON, false).on("2013-11-01");

        assertThat(findingsAsOf("2014-01-01")).as("four days").isEmpty();
        assertThat(rule.evaluate(longer.timeline(), instant("2014-01-01"), Thresholds.defaults())).singleElement()
                .satisfies(finding -> {
                    assertThat(finding.end()).isEqualTo(instant("2013-11-01"));
                    assertThat(finding.evidence()).contains(released);
                });
    }

    /** The release that ended an earlier custody does not end solitary in the next, though its month reaches it. */
    @Test
    void givenSolitaryInANewCustody_whenTheReleaseFromTheLastIsKnownToTheMonth_thenItDoesNotEndTheSpell() {
        aCase.detained(at(ARKALYK)).on("2013-01");
        aCase.released(ReleaseKind.PARDON, false).on("2013-10");
        aCase.detained(at(ARKALYK)).on("2013-10-20");
        aCase.solitary().between("2013-10-25", "2014-01-25");

        assertThat(findingsAsOf("2014-03-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-01-25")));
    }

    @Test
    void givenSolitaryRetracted_whenChecked_thenNothing() {
        FactId solitary = aCase.solitary().on("2013-10-01");
        aCase.retract(solitary);

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenStartCorrectedToEndWithinTheLimit_whenChecked_thenNothing() {
        FactId solitary = aCase.solitary().between("2013-09-01", "2013-10-05");
        aCase.solitary().correcting(solitary).between("2013-09-25", "2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenSolitaryDisputed_whenChecked_thenFlagMarkedDisputed() {
        FactId solitary = aCase.solitary().between("2013-09-01", "2013-10-05");
        aCase.dispute(solitary);

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    @Test
    void givenSolitaryStartingAfterAsOf_whenChecked_thenNothing() {
        aCase.solitary().between("2014-02-01", "2014-05-01");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }
}
