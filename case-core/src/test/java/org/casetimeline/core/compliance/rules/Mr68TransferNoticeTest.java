package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.compliance.CaseFixture.to;
import static org.casetimeline.core.shared.NoticeSubject.TRANSFER;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.FindingState;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr68TransferNoticeTest {

    private final Mr68TransferNotice rule = new Mr68TransferNotice();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenMovedOutWithFamilyNotNotified_whenAsOfTwoWeeksLater_thenSeriousFlagOpen() {
        FactId moved = aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.admitted(to(KARAGANDY)).on("2013-10-07");
        FactId notTold = aCase.familyNotNotified(TRANSFER).on("2013-10-05");

        assertThat(findingsAsOf("2013-10-20")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR68-TRANSFER-NOTICE");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.start()).isEqualTo(instant("2013-10-05"));
            assertThat(finding.threshold()).isEqualTo("24 hours");
            assertThat(finding.evidence()).containsExactly(moved, notTold);
            assertThat(finding.explanation()).isEqualTo("Moved from Arkalyk prison (UK 161/12) to Karagandy detention centre "
                    + "on 5 October 2013; the family had still not been told on 20 October 2013, 15 days later");
        });
    }

    @Test
    void givenNoticeGivenTheNextDay_whenChecked_thenNothing() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).on("2013-10-05");
        aCase.familyNotified(TRANSFER, KARAGANDY.facilityId()).on("2013-10-06");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenNoticeTwoDaysLate_whenChecked_thenFlagClosedAtTheNotice() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).on("2013-10-05");
        FactId notice = aCase.familyNotified(TRANSFER, KARAGANDY.facilityId()).on("2013-10-07");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2013-10-07"));
            assertThat(finding.evidence()).contains(notice);
            assertThat(finding.explanation()).endsWith("the family was told only on 7 October 2013, 48 hours later");
        });
    }

    @Test
    void givenNoticeNamingTheWrongPrison_whenChecked_thenCountsAsNone() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY)).on("2013-10-05");
        FactId wrong = aCase.familyNotified(TRANSFER, PAVLODAR.facilityId()).on("2013-10-05");

        assertThat(findingsAsOf("2013-10-20")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).contains(wrong);
        });
    }

    @Test
    void givenAMoveToAnUndisclosedPlace_whenTheFamilyIsToldOnlyOfThePrisonHeLeft_thenCountsAsNone() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        FactId stale = aCase.familyNotified(TRANSFER, ARKALYK.facilityId()).on("2013-10-05");

        assertThat(findingsAsOf("2013-10-20")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.evidence()).contains(stale);
        });
    }

    @Test
    void givenNothingRecordedAboutNotice_whenJustOver24Hours_thenUnknown_andNothingAt24Hours() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY)).on("2013-10-05T10:00:00Z");

        assertThat(findingsAsOf("2013-10-06T10:00:00Z")).isEmpty();
        assertThat(findingsAsOf("2013-10-06T10:00:01Z")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN);
            assertThat(finding.explanation()).endsWith("no record shows the family was told within 24 hours");
        });
    }

    @Test
    void givenTransferKnownOnlyToTheMonth_whenNoticeOn20th_thenPossible() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).on("2013-10");
        aCase.familyNotified(TRANSFER, KARAGANDY.facilityId()).on("2013-10-20");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE);
            assertThat(finding.approximate()).isTrue();
        });
    }

    @Test
    void givenNoticeGivenOnTheTransfer_whenChecked_thenNothing() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY), true, null).on("2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenNotNotifiedRetracted_whenChecked_thenOnlyUnknown() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY)).on("2013-10-05");
        aCase.retract(aCase.familyNotNotified(TRANSFER).on("2013-10-05"));

        assertThat(findingsAsOf("2013-10-20")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenTransferDateCorrectedToTheDayOfTheNotice_whenChecked_thenNothing() {
        FactId moved = aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).on("2013-10-01");
        aCase.familyNotified(TRANSFER, KARAGANDY.facilityId()).on("2013-10-05");
        aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).correcting(moved).on("2013-10-05");

        assertThat(findingsAsOf("2014-01-01")).isEmpty();
    }

    @Test
    void givenTransferDisputed_whenChecked_thenFlagMarkedDisputed() {
        FactId moved = aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).on("2013-10-05");
        aCase.dispute(moved);

        assertThat(findingsAsOf("2013-10-20")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    @Test
    void givenALaterTransfer_whenNeverNotified_thenFirstClosesAtTheSecondAndSecondStaysOpen() {
        aCase.transferred(from(ARKALYK), to(KARAGANDY), false, null).on("2013-10-05");
        aCase.transferred(from(KARAGANDY), to(PAVLODAR), false, null).on("2014-03-01");

        assertThat(findingsAsOf("2014-04-01")).extracting(Finding::state)
                .containsExactly(FindingState.CLOSED, FindingState.OPEN);
    }
}
