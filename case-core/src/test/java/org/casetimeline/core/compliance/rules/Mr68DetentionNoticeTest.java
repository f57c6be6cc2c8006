package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ALMATY_SIZO;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.compliance.CaseFixture.to;
import static org.casetimeline.core.shared.NoticeSubject.DETENTION;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr68DetentionNoticeTest {

    private final Mr68DetentionNotice rule = new Mr68DetentionNotice();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenDetainedWithoutNotice_whenAsOf25HoursLater_thenSeriousFlagOpen() {
        FactId detained = aCase.detained(at(ALMATY_SIZO)).on("2016-05-17T08:00:00Z");
        FactId notTold = aCase.familyNotNotified(DETENTION).on("2016-05-17");

        assertThat(findingsAsOf("2016-05-18T09:00:00Z")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(detained, notTold);
            assertThat(finding.explanation()).isEqualTo("Detained by police and held at Almaty pre-trial detention centre "
                    + "on 17 May 2016 08:00 UTC; the family had still not been told on 18 May 2016, 25 hours later");
        });
    }

    @Test
    void givenDetainedWithoutNotice_whenAsOf23HoursLater_thenNothing() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17T08:00:00Z");
        aCase.familyNotNotified(DETENTION).on("2016-05-17");

        assertThat(findingsAsOf("2016-05-18T07:00:00Z")).isEmpty();
    }

    @Test
    void givenNothingRecordedAboutNotice_whenAWeekLater_thenUnknown() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");

        assertThat(findingsAsOf("2016-05-24")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenNoNoticeRecordedAndAnInquiryRefusedAfterALaterTransfer_whenChecked_thenUnknownNotProvenByIt() {
        aCase.detained(at(ALMATY_SIZO)).on("2010-01-10");
        aCase.transferred(from(ALMATY_SIZO), to(KARAGANDY)).on("2013-10-01");
        FactId refused = aCase.inquiryRefused().on("2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).as("the refusal speaks of the transfer, not of the detention")
                .singleElement().satisfies(finding -> {
                    assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
                    assertThat(finding.evidence()).doesNotContain(refused);
                });
    }

    @Test
    void givenAMoveTheSameDayAndInquiriesRefusedBeforeIt_whenChecked_thenStillAFlag() {
        aCase.detained(at(ALMATY_SIZO)).on("2013-10-01T10:00:00Z");
        FactId refused = aCase.inquiryRefused().on("2013-10-01T12:00:00Z");
        aCase.transferred(from(ALMATY_SIZO), to(KARAGANDY)).on("2013-10-01T18:00:00Z");

        assertThat(findingsAsOf("2013-10-20")).as("a quick transfer does not end the detention's wait").singleElement()
                .satisfies(finding -> {
                    assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
                    assertThat(finding.evidence()).contains(refused);
                });
    }

    @Test
    void givenFamilyVisitsThreeDaysLater_whenChecked_thenFlagClosedAtTheVisit() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.familyNotNotified(DETENTION).on("2016-05-17");
        aCase.familyContact(ContactChannel.VISIT).on("2016-05-20");

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2016-05-20"));
            assertThat(finding.explanation()).endsWith("the family was not told of it for 3 days");
        });
    }

    @Test
    void givenDetentionKnownToTheMonthAndNoticeOnThe10th_whenChecked_thenPossible() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05");
        aCase.familyNotified(DETENTION, null).on("2016-05-10");

        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenDetentionRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.detained(at(ALMATY_SIZO)).on("2016-05-17"));
        aCase.familyNotNotified(DETENTION).on("2016-05-17");

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenNoticeCorrectedToTheSameDay_whenChecked_thenNothing() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        FactId notice = aCase.familyNotified(DETENTION, null).on("2016-05-25");
        aCase.familyNotified(DETENTION, null).correcting(notice).on("2016-05-17");

        assertThat(findingsAsOf("2016-06-01")).isEmpty();
    }

    @Test
    void givenNotNotifiedDisputed_whenChecked_thenDisputed() {
        aCase.detained(at(ALMATY_SIZO)).on("2016-05-17");
        aCase.dispute(aCase.familyNotNotified(DETENTION).on("2016-05-17"));

        assertThat(findingsAsOf("2016-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
