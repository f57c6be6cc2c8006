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
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

class Mr27ClinicalOverruledTest {

    private final Mr27ClinicalOverruled rule = new Mr27ClinicalOverruled();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenDoctorsCaneOverruledByTheGovernor_whenChecked_thenSeriousFlagOpen() {
        FactId overruled = aCase.clinicalRecommendationOverruled("a walking cane").on("2014-04-10");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR27-CLINICAL-OVERRULED");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(overruled);
            assertThat(finding.explanation()).isEqualTo("A clinical recommendation (a walking cane) was overruled by the "
                    + "governor on 10 April 2014; the Rules leave clinical decisions to health professionals alone");
        });
    }

    @Test
    void givenNothingOverruled_whenChecked_thenNothing() {
        aCase.examined(null).on("2014-04-10");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenReleased_whenChecked_thenClosed() {
        aCase.clinicalRecommendationOverruled("a hospital transfer").on("2014-04-10");
        aCase.released(ReleaseKind.PARDON, false).on("2015-01-01");

        assertThat(findingsAsOf("2015-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2015-01-01")));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.clinicalRecommendationOverruled("a diet").on("2014-04-10"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenCorrected_whenChecked_thenNamesTheCorrectedRecommendation() {
        FactId overruled = aCase.clinicalRecommendationOverruled("a diet").on("2014-04-10");
        aCase.clinicalRecommendationOverruled("a hospital transfer").correcting(overruled).on("2014-04-10");

        assertThat(findingsAsOf("2014-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).contains("(a hospital transfer)"));
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.clinicalRecommendationOverruled("a diet").on("2014-04-10"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
