package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
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

class Mr57ComplaintReprisalTest {

    private final Mr57ComplaintReprisal rule = new Mr57ComplaintReprisal();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenComplaintUnansweredFor31Days_whenChecked_thenConcernFlagOpen() {
        FactId complaint = aCase.complaintFiled().on("2014-03-01");

        assertThat(findingsAsOf("2014-04-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR57-COMPLAINT-REPRISAL");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("30 days");
            assertThat(finding.evidence()).containsExactly(complaint);
            assertThat(finding.explanation()).isEqualTo("A complaint about beatings by guards to the prosecutor was filed on "
                    + "1 March 2014; the complaint had still not been answered on 1 April 2014, 31 days later");
        });
    }

    @Test
    void givenComplaintAnsweredOnDay30_whenChecked_thenNothing() {
        FactId complaint = aCase.complaintFiled().on("2014-03-01");
        aCase.complaintAnswered(complaint).on("2014-03-31");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenComplaintAnsweredOnDay40_whenChecked_thenClosed() {
        FactId complaint = aCase.complaintFiled().on("2014-03-01");
        aCase.complaintAnswered(complaint).on("2014-04-10");

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> {
            assertThat(finding.end()).isEqualTo(instant("2014-04-10"));
            assertThat(finding.explanation()).endsWith("the complaint was answered only on 10 April 2014, 40 days later");
        });
    }

    @Test
    void givenComplaintKnownToTheMonthAndAnsweredMidApril_whenChecked_thenPossible() {
        FactId complaint = aCase.complaintFiled().on("2014-03");
        aCase.complaintAnswered(complaint).on("2014-04-15");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenTransferNineDaysAfterAComplaint_whenChecked_thenAdvisory() {
        FactId complaint = aCase.complaintFiled().on("2014-03-01");
        aCase.complaintAnswered(complaint).on("2014-03-05");
        FactId moved = aCase.transferred(from(PAVLODAR), to(KARAGANDY)).on("2014-03-10");

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.evidence()).containsExactly(complaint, moved);
            assertThat(finding.end()).isEqualTo(instant("2014-03-10"));
            assertThat(finding.explanation()).isEqualTo("Moved from Pavlodar prison (AP-162/1) to Karagandy detention centre "
                    + "on 10 March 2014, 9 days after a complaint about beatings by guards to the prosecutor was filed on 1 March 2014; "
                    + "an adverse measure soon after a complaint may be a reprisal, which the Rules forbid");
        });
    }

    @Test
    void givenRelativeDetainedAfterAComplaint_andASanction40DaysLater_whenChecked_thenOnlyTheDetentionIsAnAdvisory() {
        FactId complaint = aCase.complaintFiled().on("2014-03-01");
        aCase.complaintAnswered(complaint).on("2014-03-05");
        aCase.relativeDetained().on("2014-03-20");
        aCase.sanctioned("loss of parcels", true, true).on("2014-04-10");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).startsWith("The person's son was detained on 20 March 2014, 19 days after"));
    }

    @Test
    void givenComplaintRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.complaintFiled().on("2014-03-01"));
        aCase.transferred(from(PAVLODAR), to(KARAGANDY)).on("2014-03-10");

        assertThat(findingsAsOf("2014-05-01")).isEmpty();
    }

    @Test
    void givenTransferDateCorrectedToTwoMonthsLater_whenChecked_thenNoAdvisory() {
        FactId complaint = aCase.complaintFiled().on("2014-03-01");
        aCase.complaintAnswered(complaint).on("2014-03-05");
        FactId moved = aCase.transferred(from(PAVLODAR), to(KARAGANDY)).on("2014-03-10");
        aCase.transferred(from(PAVLODAR), to(KARAGANDY)).correcting(moved).on("2014-05-10");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenComplaintDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.complaintFiled().on("2014-03-01"));

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
