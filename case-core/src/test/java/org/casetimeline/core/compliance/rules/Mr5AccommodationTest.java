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

class Mr5AccommodationTest {

    private final Mr5Accommodation rule = new Mr5Accommodation();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenWalkingCaneDenied_whenChecked_thenSeriousFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId denied = aCase.deviceDenied("a walking cane").on("2014-03");

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR5-ACCOMMODATION");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(denied);
            assertThat(finding.approximate()).isTrue();
            assertThat(finding.explanation()).isEqualTo("Denied a walking cane at Pavlodar prison (AP-162/1) in March 2014 by guards; "
                    + "the Rules require reasonable accommodation for a disability");
        });
    }

    @Test
    void givenNoDenial_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenReleased_whenChecked_thenClosedAtRelease() {
        aCase.deviceDenied("a walking cane").on("2014-03-10");
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2021-10-01");

        assertThat(findingsAsOf("2021-11-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2021-10-01")));
    }

    @Test
    void givenDenialAfterAsOf_whenChecked_thenNothing() {
        aCase.deviceDenied("a walking cane").on("2014-03-10");

        assertThat(findingsAsOf("2014-03-09")).isEmpty();
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.deviceDenied("a walking cane").on("2014-03-10"));

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenCorrectedDevice_whenChecked_thenNamesTheCorrectedDevice() {
        FactId denied = aCase.deviceDenied("a wheelchair").on("2014-03-10");
        aCase.deviceDenied("crutches").correcting(denied).on("2014-03-10");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("Denied crutches"));
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.deviceDenied("a walking cane").on("2014-03-10"));

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
