package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.compliance.CaseFixture.to;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr73TransportTest {

    private final Mr73Transport rule = new Mr73Transport();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenTransferUnderReportedHardship_whenChecked_thenConcernFlag() {
        FactId moved = aCase.transferredUnderHardship(from(ARKALYK), to(KARAGANDY)).on("2013-10-05");

        assertThat(findingsAsOf("2013-11-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR73-TRANSPORT");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.evidence()).containsExactly(moved);
            assertThat(finding.explanation()).isEqualTo("Moved from Arkalyk prison (UK 161/12) to Karagandy detention centre "
                    + "on 5 October 2013 under reported hardship (an unheated prison wagon); "
                    + "the Rules forbid transport that causes needless hardship or exposure");
        });
    }

    @Test
    void givenFourDaysInTransitBetweenPrisons_whenChecked_thenFlagClosedAtAdmission() {
        aCase.detained(at(ARKALYK)).on("2013-01-10");
        FactId left = aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        FactId arrived = aCase.admitted(to(KARAGANDY)).on("2013-10-09");

        assertThat(findingsAsOf("2013-11-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.threshold()).isEqualTo("3 days");
            assertThat(finding.evidence()).containsExactly(left, arrived);
            assertThat(finding.explanation()).startsWith("Moved out of Arkalyk prison (UK 161/12) and in transit from "
                    + "5 October 2013 to 9 October 2013, 4 days");
        });
    }

    @Test
    void givenExactlyThreeDaysInTransit_whenChecked_thenNothing() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.admitted(to(KARAGANDY)).on("2013-10-08");

        assertThat(findingsAsOf("2013-11-01")).isEmpty();
    }

    @Test
    void givenNoArrivalRecorded_whenChecked_thenOpenFlagAgingToAsOf() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");

        assertThat(findingsAsOf("2013-10-10")).singleElement().satisfies(finding -> {
            assertThat(finding.open()).isTrue();
            assertThat(finding.explanation()).contains("still with no confirmed place on 10 October 2013, 5 days");
        });
    }

    @Test
    void givenDepartureKnownToTheMonthAndArrivalOnThe20th_whenChecked_thenPossible() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10");
        aCase.admitted(to(KARAGANDY)).on("2013-10-20");

        assertThat(findingsAsOf("2013-11-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenTransferDatedAsAWeekLongPeriod_whenChecked_thenTransitFlag() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY)).between("2013-10-05", "2013-10-12");

        assertThat(findingsAsOf("2013-11-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).contains("from 5 October 2013 to 12 October 2013, 7 days"));
    }

    @Test
    void givenHardshipTransferRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.transferredUnderHardship(from(ARKALYK), to(KARAGANDY)).on("2013-10-05"));

        assertThat(findingsAsOf("2013-11-01")).isEmpty();
    }

    @Test
    void givenArrivalCorrectedToTheNextDay_whenChecked_thenNothing() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        FactId arrived = aCase.admitted(to(KARAGANDY)).on("2013-10-15");
        aCase.admitted(to(KARAGANDY)).correcting(arrived).on("2013-10-06");

        assertThat(findingsAsOf("2013-11-01")).isEmpty();
    }

    @Test
    void givenHardshipDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.transferredUnderHardship(from(ARKALYK), to(KARAGANDY)).on("2013-10-05"));

        assertThat(findingsAsOf("2013-11-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
