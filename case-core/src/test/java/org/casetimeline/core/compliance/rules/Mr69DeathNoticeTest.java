package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.shared.NoticeSubject.DEATH;
import static org.casetimeline.core.shared.NoticeSubject.ILLNESS;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.ConditionSeverity;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.junit.jupiter.api.Test;

class Mr69DeathNoticeTest {

    private final Mr69DeathNotice rule = new Mr69DeathNotice();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenDeathInCustodyTheRecordSaysKinWereNotTold_whenAsOf25HoursLater_thenSeriousFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2015-01-10");
        FactId died = aCase.diedInCustody(false, true).on("2015-03-03T08:00:00Z");

        assertThat(findingsAsOf("2015-03-04T09:00:00Z")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR69-DEATH-NOTICE");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("24 hours");
            assertThat(finding.evidence()).containsExactly(died);
            assertThat(finding.explanation()).isEqualTo("Died in custody (the prison hospital) on 3 March 2015 08:00 UTC; "
                    + "the family had still not been told on 4 March 2015, 25 hours later");
        });
    }

    @Test
    void givenDeathInCustodyKinNotTold_whenAsOf23HoursLater_thenNothing() {
        aCase.diedInCustody(false, true).on("2015-03-03T08:00:00Z");

        assertThat(findingsAsOf("2015-03-04T07:00:00Z")).isEmpty();
    }

    @Test
    void givenDeathInCustodyAndNothingAboutNotice_whenAWeekLater_thenUnknown() {
        aCase.diedInCustody(null, true).on("2015-03-03");

        assertThat(findingsAsOf("2015-03-10")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenFamilyToldThreeDaysAfterTheDeath_whenChecked_thenFlagClosedAtTheNotice() {
        aCase.diedInCustody(null, true).on("2015-03-03");
        aCase.familyNotified(DEATH, null).on("2015-03-06");

        assertThat(findingsAsOf("2015-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.end()).isEqualTo(instant("2015-03-06"));
            assertThat(finding.explanation()).endsWith("the family was told only on 6 March 2015, 3 days later");
        });
    }

    @Test
    void givenDeathKnownToTheMonthAndNoticeOnThe10th_whenChecked_thenPossible() {
        aCase.diedInCustody(null, true).on("2015-03");
        aCase.familyNotified(DEATH, null).on("2015-03-10");

        assertThat(findingsAsOf("2015-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE);
            assertThat(finding.approximate()).isTrue();
        });
    }

    @Test
    void givenKinInformedOrDeathAfterRelease_whenChecked_thenNothing() {
        aCase.diedInCustody(true, true).on("2015-03-03");
        CaseFixture released = aCase();
        released.died(false).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
        assertThat(rule.evaluate(released.timeline(), instant("2015-04-01"), Thresholds.defaults())).isEmpty();
    }

    /** "Kin informed" on the death record says nothing of when; a dated notice ten days on shows it came late. */
    @Test
    void givenKinInformedOnTheDeathRecord_whenTheDatedNoticeCameTenDaysLater_thenFlag() {
        aCase.diedInCustody(true, true).on("2015-03-03");
        FactId notice = aCase.familyNotified(NoticeSubject.DEATH, null).on("2015-03-13");

        assertThat(findingsAsOf("2015-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.evidence()).contains(notice);
        });
        assertThat(findingsAsOf("2015-03-08")).as("read before the notice, as a death without the flag reads")
                .singleElement().satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.FLAG));
    }

    @Test
    void givenDeathRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.diedInCustody(false, true).on("2015-03-03"));

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenNoticeCorrectedToTheDayOfDeath_whenChecked_thenNothing() {
        aCase.diedInCustody(null, true).on("2015-03-03");
        FactId notice = aCase.familyNotified(DEATH, null).on("2015-03-20");
        aCase.familyNotified(DEATH, null).correcting(notice).on("2015-03-03");

        assertThat(findingsAsOf("2015-04-01")).isEmpty();
    }

    @Test
    void givenNotNotifiedDisputed_whenChecked_thenDisputedFlag() {
        aCase.diedInCustody(null, true).on("2015-03-03");
        aCase.dispute(aCase.familyNotNotified(DEATH).on("2015-03-05"));

        assertThat(findingsAsOf("2015-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.disputed()).isTrue();
        });
    }

    @Test
    void givenSeriousIllnessInCustodyAndFamilyNotTold_whenChecked_thenFlag_andAMildOneIsNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.conditionReported("a cold", false, ConditionSeverity.MILD).on("2014-04-01");
        aCase.conditionReported("cancer", false, ConditionSeverity.SERIOUS).on("2014-05-01");
        aCase.familyNotNotified(ILLNESS).on("2014-05-10");

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.explanation()).startsWith("A serious condition (cancer) was reported at Pavlodar prison (AP-162/1) "
                    + "on 1 May 2014; the family had still not been told");
        });
    }
}
