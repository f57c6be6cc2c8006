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
import org.junit.jupiter.api.Test;

class Mr46SolitaryHealthVisitsTest {

    private final Mr46SolitaryHealthVisits rule = new Mr46SolitaryHealthVisits();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenNoVisitForThreeDaysOfSolitary_whenChecked_thenSeriousFlagClosedAtTheNextVisit() {
        aCase.detained(at(ARKALYK)).on("2013-01-10");
        aCase.solitary().between("2013-02-01", "2013-02-05");
        aCase.examined(null).on("2013-02-01");
        FactId second = aCase.examined(null).on("2013-02-02");
        FactId third = aCase.examined(null).on("2013-02-05");

        assertThat(findingsAsOf("2013-03-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR46-SOLITARY-HEALTH-VISITS");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.threshold()).isEqualTo("24 hours");
            assertThat(finding.evidence()).containsExactly(second, third);
            assertThat(finding.explanation()).isEqualTo("No health visit to the person in solitary confinement at Arkalyk prison "
                    + "(UK 161/12) from 2 February 2013 to 5 February 2013, 3 days; "
                    + "the Rules require health staff to visit people in solitary confinement every day");
        });
    }

    @Test
    void givenAVisitEveryDay_whenChecked_thenNothing() {
        aCase.solitary().between("2013-02-01", "2013-02-03");
        aCase.examined(null).on("2013-02-01");
        aCase.examined(null).on("2013-02-02");
        aCase.examined(null).on("2013-02-03");

        assertThat(findingsAsOf("2013-03-01")).isEmpty();
    }

    @Test
    void givenVisitsOnConsecutiveDaysMoreThan24HoursApart_whenChecked_thenNothing_butADayWithoutOneIsAFlag() {
        aCase.solitary().between("2013-02-01T07:00:00Z", "2013-02-05T07:00:00Z");
        aCase.examined(null).on("2013-02-01T08:00:00Z");
        aCase.examined(null).on("2013-02-02T18:00:00Z");
        aCase.examined(null).on("2013-02-03T07:00:00Z");
        aCase.examined(null).on("2013-02-04T20:00:00Z");

        assertThat(findingsAsOf("2013-03-01")).as("a visit every day, 34 and 37 hours apart at most").isEmpty();

        CaseFixture another = aCase();
        another.solitary().between("2013-02-01T07:00:00Z", "2013-02-04T07:00:00Z");
        another.examined(null).on("2013-02-01T08:00:00Z");
        another.examined(null).on("2013-02-03T07:00:00Z");
        assertThat(rule.evaluate(another.timeline(), instant("2013-03-01"), Thresholds.defaults())).as("2 February went by")
                .singleElement().satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.FLAG));
    }

    @Test
    void givenSolitaryWithNoVisitRecorded_whenChecked_thenUnknownOverTheSpell() {
        FactId imposed = aCase.solitary().between("2013-02-01", "2013-02-20");

        assertThat(findingsAsOf("2013-03-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.start()).isEqualTo(instant("2013-02-01"));
            assertThat(finding.end()).isEqualTo(instant("2013-02-20"));
            assertThat(finding.evidence()).containsExactly(imposed);
        });
    }

    @Test
    void givenSpellStillRunningTwoDaysAfterTheLastVisit_whenChecked_thenFlagOpen() {
        aCase.solitary().on("2013-02-01");
        aCase.examined(null).on("2013-02-01");

        assertThat(findingsAsOf("2013-02-03T12:00:00Z")).singleElement().satisfies(finding -> {
            assertThat(finding.open()).isTrue();
            assertThat(finding.explanation()).contains("from 1 February 2013 to 3 February 2013, 60 hours");
        });
    }

    @Test
    void givenTheOnlyVisitKnownToTheMonth_whenChecked_thenPossibleGaps() {
        aCase.solitary().between("2013-02-01", "2013-02-03");
        aCase.examined(null).on("2013-02");

        assertThat(findingsAsOf("2013-03-01")).isNotEmpty()
                .allSatisfy(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenTheOnlyVisitRetracted_whenChecked_thenUnknown() {
        aCase.solitary().between("2013-02-01", "2013-02-03");
        aCase.retract(aCase.examined(null).on("2013-02-02"));

        assertThat(findingsAsOf("2013-03-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenVisitDateCorrectedToCloseTheGap_whenChecked_thenNothing() {
        aCase.solitary().between("2013-02-01", "2013-02-03");
        aCase.examined(null).on("2013-02-01");
        FactId late = aCase.examined(null).on("2013-02-03");
        aCase.examined(null).correcting(late).on("2013-02-02");

        assertThat(findingsAsOf("2013-03-01")).isEmpty();
    }

    @Test
    void givenSolitaryDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.solitary().between("2013-02-01", "2013-02-20"));

        assertThat(findingsAsOf("2013-03-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
