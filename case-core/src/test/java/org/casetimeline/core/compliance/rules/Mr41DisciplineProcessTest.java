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
import org.junit.jupiter.api.Test;

class Mr41DisciplineProcessTest {

    private final Mr41DisciplineProcess rule = new Mr41DisciplineProcess();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenSanctionWithoutTellingOrHearing_whenChecked_thenConcernClosedOnTheDay() {
        FactId sanction = aCase.sanctioned("loss of parcels", false, false).on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR41-DISCIPLINE-PROCESS");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.evidence()).containsExactly(sanction);
            assertThat(finding.explanation()).isEqualTo("A sanction (loss of parcels) was imposed on 2 May 2014, but the "
                    + "person was never told of it and no hearing was held; the Rules require the person to be told of the charge and heard first");
        });
    }

    @Test
    void givenSanctionAfterAHearing_orWithNothingSaid_whenChecked_thenNothing() {
        aCase.sanctioned("reprimand", true, true).on("2014-05-02");
        aCase.sanctioned("reprimand", null, null).on("2014-05-03");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenSolitaryAfterThePersonWasToldAndHeard_whenChecked_thenNothing() {
        aCase.solitary(10, false, "governor", null, false, false).on("2014-05-02");
        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.sanctioned("loss of parcels", false, false).on("2014-05-02"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenCorrectedToHeard_whenChecked_thenNothing() {
        FactId sanction = aCase.sanctioned("loss of parcels", true, false).on("2014-05-02");
        aCase.sanctioned("loss of parcels", true, true).correcting(sanction).on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.sanctioned("loss of parcels", false, true).on("2014-05-02"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
