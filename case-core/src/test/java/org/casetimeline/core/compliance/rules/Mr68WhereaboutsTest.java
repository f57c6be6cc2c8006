package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.to;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.instant;

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

class Mr68WhereaboutsTest {

    private final Mr68Whereabouts rule = new Mr68Whereabouts();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenMovedOutAndInquiriesRefusedUntilOfficialConfirmationAMonthLater_whenChecked_thenCriticalFlagClosed() {
        FactId moved = aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        FactId refused = aCase.inquiryRefused().on("2013-10-10");
        FactId confirmed = aCase.whereaboutsConfirmed(at(KARAGANDY), true).on("2013-11-05");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR68-WHEREABOUTS");
            assertThat(finding.ruleNumbers()).containsExactly("68", "ICPPED 17", "ICPPED 18", "ICPPED 20");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.start()).isEqualTo(instant("2013-10-05"));
            assertThat(finding.end()).isEqualTo(instant("2013-11-05"));
            assertThat(finding.threshold()).isEqualTo("48 hours");
            assertThat(finding.evidence()).containsExactly(moved, refused, confirmed);
            assertThat(finding.explanation()).isEqualTo("Whereabouts withheld from family and lawyers from 5 October 2013, "
                    + "when moved out of Arkalyk prison (UK 161/12), until 5 November 2013, 31 days, with an inquiry refused "
                    + "from 10 October 2013; only an official confirmation or contact with the person ends this");
        });
    }

    @Test
    void givenTheDetentionYearsBeforeACourtAppearanceAndANotifiedTransfer_whenReportedUnknown_thenMissingFromTheReport() {
        aCase.detained(at(ARKALYK)).on("2010-01-10");
        aCase.broughtBeforeJudge().on("2010-01-12");
        FactId reported = aCase.whereaboutsUnknown().on("2014-03-05");
        aCase.whereaboutsConfirmed(at(ARKALYK), true).on("2014-03-10");
        aCase.transferred(from(ARKALYK), to(KARAGANDY), true, null).on("2015-01-10");
        FactId again = aCase.whereaboutsUnknown().on("2016-05-01");

        assertThat(findingsAsOf("2016-05-10")).as("neither span reaches back to the last move").hasSize(2)
                .satisfiesExactly(first -> {
                    assertThat(first.start()).isEqualTo(instant("2014-03-05"));
                    assertThat(first.evidence()).startsWith(reported);
                }, second -> {
                    assertThat(second.start()).isEqualTo(instant("2016-05-01"));
                    assertThat(second.evidence()).containsExactly(again);
                });
    }

    @Test
    void givenAClosedHearingDuringADisappearance_whenChecked_thenTheSpellRunsOnToTheConfirmation() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.inquiryRefused().on("2013-10-06");
        aCase.broughtBeforeJudge().on("2013-10-06");
        aCase.whereaboutsConfirmed(at(KARAGANDY), true).on("2014-01-10");

        assertThat(findingsAsOf("2014-02-01")).singleElement().satisfies(finding -> {
            assertThat(finding.start()).isEqualTo(instant("2013-10-05"));
            assertThat(finding.end()).isEqualTo(instant("2014-01-10"));
        });
    }

    @Test
    void givenAReportDatedOnlyByMonth_whenAMoveInThatMonthMayPrecedeIt_thenThePersonIsMissingFromTheMove() {
        FactId moved = aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.inquiryRefused().on("2013-10");
        aCase.whereaboutsConfirmed(at(KARAGANDY), true).on("2013-11-05");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.start()).isEqualTo(instant("2013-10-05"));
            assertThat(finding.evidence()).startsWith(moved);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
        });
    }

    @Test
    void givenUnofficialSighting_whenChecked_thenStillOpen() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.inquiryRefused().on("2013-10-10");
        aCase.whereaboutsConfirmed(at(KARAGANDY), false).on("2013-10-20");

        assertThat(findingsAsOf("2013-10-25")).singleElement()
                .satisfies(finding -> assertThat(finding.state()).isEqualTo(FindingState.OPEN));
    }

    @Test
    void givenInquiryRefusedWithinTheFirst48Hours_whenChecked_thenSerious_thenCriticalPast48Hours() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05T10:00:00Z");
        aCase.inquiryRefused().on("2013-10-05T20:00:00Z");

        assertThat(findingsAsOf("2013-10-06T10:00:00Z")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
        });
        assertThat(findingsAsOf("2013-10-07T10:00:01Z")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void givenWhereaboutsReportedUnknown_whenExactly48Hours_thenNothing_andJustAfterCritical() {
        aCase.whereaboutsUnknown().on("2013-10-05T10:00:00Z");

        assertThat(findingsAsOf("2013-10-07T10:00:00Z")).isEmpty();
        assertThat(findingsAsOf("2013-10-07T10:00:01Z")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.CRITICAL));
    }

    @Test
    void givenUnknownSinceSomeDayInOctoberUntilThe20th_whenChecked_thenPossible() {
        aCase.whereaboutsUnknown().on("2013-10");
        aCase.whereaboutsConfirmed(at(KARAGANDY), true).on("2013-10-20");

        assertThat(findingsAsOf("2014-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE);
            assertThat(finding.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(finding.approximate()).isTrue();
        });
    }

    @Test
    void givenAFamilyCall_whenChecked_thenClosedAtTheCall() {
        aCase.whereaboutsUnknown().on("2013-10-06");
        aCase.familyContact(ContactChannel.CALL).on("2013-10-12");

        assertThat(findingsAsOf("2014-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2013-10-12")));
    }

    @Test
    void givenTheRefusalRetracted_whenChecked_thenNothing() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.retract(aCase.inquiryRefused().on("2013-10-10"));

        assertThat(findingsAsOf("2013-11-01")).isEmpty();
    }

    @Test
    void givenConfirmationCorrectedToTheNextDay_whenChecked_thenSeriousOnly() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.inquiryRefused().on("2013-10-05");
        FactId confirmed = aCase.whereaboutsConfirmed(at(KARAGANDY), true).on("2013-11-05");
        aCase.whereaboutsConfirmed(at(KARAGANDY), true).correcting(confirmed).on("2013-10-06");

        assertThat(findingsAsOf("2014-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.SERIOUS));
    }

    @Test
    void givenRefusalDisputed_whenChecked_thenDisputed() {
        aCase.transferStarted(from(ARKALYK)).on("2013-10-05");
        aCase.dispute(aCase.inquiryRefused().on("2013-10-10"));

        assertThat(findingsAsOf("2013-11-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
