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
import org.junit.jupiter.api.Test;

class Mr70RelativeNewsTest {

    private final Mr70RelativeNews rule = new Mr70RelativeNews();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenMothersDeathToldThreeDaysLater_whenChecked_thenConcernFlagClosed() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId news = aCase.relativeSeriouslyIll(true).on("2014-05-01");
        FactId told = aCase.toldOfRelativeNews(news).on("2014-05-04");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR70-RELATIVE-NEWS");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.evidence()).containsExactly(news, told);
            assertThat(finding.explanation()).isEqualTo("The person's mother, Zhanar, died on 1 May 2014; "
                    + "the person was told only on 4 May 2014, 3 days later");
        });
    }

    @Test
    void givenToldTheNextDay_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId news = aCase.relativeSeriouslyIll(false).on("2014-05-01");
        aCase.toldOfRelativeNews(news).on("2014-05-02");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenNothingRecordedAboutTellingHim_whenAWeekLater_thenUnknownOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.relativeSeriouslyIll(false).on("2014-05-01");

        assertThat(findingsAsOf("2014-05-08")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.open()).isTrue();
            assertThat(finding.explanation()).endsWith("no record shows the person was told within 24 hours");
        });
    }

    @Test
    void givenNewsKnownToTheMonthAndToldOnThe10th_whenChecked_thenPossible() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId news = aCase.relativeSeriouslyIll(true).on("2014-05");
        aCase.toldOfRelativeNews(news).on("2014-05-10");

        assertThat(findingsAsOf("2014-06-15")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenNewsWhileAtLiberty_whenChecked_thenNothing() {
        aCase.relativeSeriouslyIll(true).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenNewsRetracted_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.retract(aCase.relativeSeriouslyIll(true).on("2014-05-01"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenTellingCorrectedToTheSameDay_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId news = aCase.relativeSeriouslyIll(true).on("2014-05-01");
        FactId told = aCase.toldOfRelativeNews(news).on("2014-05-20");
        aCase.toldOfRelativeNews(news).correcting(told).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenLateTellingDisputed_whenChecked_thenDisputed() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId news = aCase.relativeSeriouslyIll(true).on("2014-05-01");
        aCase.dispute(aCase.toldOfRelativeNews(news).on("2014-05-20"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
