package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
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

class Mr19ClothingTest {

    private final Mr19Clothing rule = new Mr19Clothing();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenMovedWithoutWinterClothing_whenChecked_thenConcernOpen() {
        FactId moved = aCase.transferred(from(ARKALYK), to(PAVLODAR), false, false).on("2017-02-03");

        assertThat(findingsAsOf("2017-02-10")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR19-CLOTHING");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(moved);
            assertThat(finding.explanation()).isEqualTo("Moved to Pavlodar prison (AP-162/1) without clothing adequate for "
                    + "the climate on 3 February 2017; the Rules require clothing suited to the climate");
        });
    }

    @Test
    void givenClothingAdequateOrNotReported_whenChecked_thenNothing() {
        aCase.transferred(from(ARKALYK), to(PAVLODAR), false, true).on("2017-02-03");
        aCase.transferred(from(PAVLODAR), to(KARAGANDY)).on("2017-03-03");

        assertThat(findingsAsOf("2017-04-01")).isEmpty();
    }

    @Test
    void givenLaterReportOfAdequateClothing_whenChecked_thenClosed() {
        aCase.transferred(from(ARKALYK), to(PAVLODAR), false, false).on("2017-02-03");
        aCase.conditions().clothingAdequate(true).on("2017-02-20");

        assertThat(findingsAsOf("2017-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2017-02-20")));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.conditions().clothingAdequate(false).on("2017-02-03"));

        assertThat(findingsAsOf("2017-04-01")).isEmpty();
    }

    @Test
    void givenCorrectedToAdequate_whenChecked_thenNothing() {
        FactId report = aCase.conditions().clothingAdequate(false).on("2017-02-03");
        aCase.conditions().clothingAdequate(true).report().correcting(report).on("2017-02-03");

        assertThat(findingsAsOf("2017-04-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.conditions().clothingAdequate(false).on("2017-02-03"));

        assertThat(findingsAsOf("2017-04-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
