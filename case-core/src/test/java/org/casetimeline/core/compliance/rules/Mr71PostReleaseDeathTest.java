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

class Mr71PostReleaseDeathTest {

    private final Mr71PostReleaseDeath rule = new Mr71PostReleaseDeath();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenAReleaseThenANewArrest_whenThePersonDiesInCustodyUnstated_thenNoPostReleaseDeath() {
        aCase.detained(at(ALMATY_SIZO)).on("2021-01-15");
        aCase.released(ReleaseKind.BAIL, false).on("2021-03-01");
        aCase.detained(at(ALMATY_SIZO)).on("2021-03-10");
        aCase.died(null).on("2021-04-01");

        assertThat(findingsAsOf("2021-06-01")).as("a death in custody, the custodial-death check's").isEmpty();
    }

    @Test
    void givenAReleaseOnHealthGroundsAndADeathInTheSameMonthUnstated_whenChecked_thenStillADeathAfterRelease() {
        aCase.detained(at(ALMATY_SIZO)).on("2021-01-15");
        aCase.released(ReleaseKind.OTHER, true).on("2021-03-05");
        aCase.died(null).on("2021-03");

        assertThat(findingsAsOf("2021-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void givenDeath54DaysAfterRelease_whenChecked_thenSeriousFlagOpen() {
        aCase.detained(at(ALMATY_SIZO)).on("2006-07-15");
        FactId released = aCase.released(ReleaseKind.NON_CUSTODIAL_CONVERSION, false).on("2021-10-01");
        FactId died = aCase.died(false).on("2021-11-24");

        assertThat(findingsAsOf("2022-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR71-POST-RELEASE-DEATH");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("90 days");
            assertThat(finding.evidence()).containsExactly(released, died);
            assertThat(finding.explanation()).isEqualTo("Died on 24 November 2021, 54 days after release on 1 October 2021 "
                    + "after custody from 15 July 2006; no inquiry into custody-related causes is recorded");
        });
    }

    @Test
    void givenReleaseOnHealthGrounds_whenChecked_thenCritical() {
        aCase.released(ReleaseKind.OTHER, true).on("2021-10-01");
        aCase.died(false).on("2021-11-24");

        assertThat(findingsAsOf("2022-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void givenDeath91DaysAfterRelease_whenChecked_thenNothing_and90DaysIsFlagged() {
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-01-01");
        aCase.died(false).on("2021-04-02");
        assertThat(findingsAsOf("2022-01-01")).isEmpty();

        CaseFixture other = aCase();
        other.released(ReleaseKind.END_OF_TERM, false).on("2021-01-01");
        other.died(false).on("2021-04-01");
        assertThat(rule.evaluate(other.timeline(), instant("2022-01-01"), Thresholds.defaults())).hasSize(1);
    }

    @Test
    void givenDeathKnownOnlyToTheYear_whenChecked_thenPossible() {
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-10-01");
        aCase.died(false).on("2021");

        assertThat(findingsAsOf("2022-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenReportedToAnIndependentAuthority_whenChecked_thenClosed() {
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-10-01");
        aCase.died(false).on("2021-11-24");
        aCase.reportedToIndependentAuthority().on("2021-12-01");

        assertThat(findingsAsOf("2022-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2021-12-01")));
    }

    @Test
    void givenReleaseRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-10-01"));
        aCase.died(false).on("2021-11-24");

        assertThat(findingsAsOf("2022-01-01")).isEmpty();
    }

    @Test
    void givenDeathDateCorrectedToAYearLater_whenChecked_thenNothing() {
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-10-01");
        FactId died = aCase.died(false).on("2021-11-24");
        aCase.died(false).correcting(died).on("2022-11-24");

        assertThat(findingsAsOf("2023-01-01")).isEmpty();
    }

    @Test
    void givenDeathDisputed_whenChecked_thenDisputed() {
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-10-01");
        aCase.dispute(aCase.died(false).on("2021-11-24"));

        assertThat(findingsAsOf("2022-01-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
