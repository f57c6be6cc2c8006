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
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

class Mr58FamilyContactTest {

    private final Mr58FamilyContact rule = new Mr58FamilyContact();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenCallsDeniedAndNoContactFor60Days_whenChecked_thenConcernOpen() {
        FactId detained = aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId denied = aCase.familyContactDenied(ContactChannel.CALL, null, false).on("2014-03-10");

        assertThat(findingsAsOf("2014-04-30")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR58-FAMILY-CONTACT");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.CONCERN);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(detained, denied);
            assertThat(finding.explanation()).isEqualTo("No family contact recorded at Pavlodar prison (AP-162/1) from "
                    + "1 March 2014 to 30 April 2014, 60 days, with contact denied on 10 March 2014; the Rules require "
                    + "contact with family at regular intervals");
        });
    }

    @Test
    void givenContactEvery30Days_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.familyContactDenied(ContactChannel.CALL, null, false).on("2014-03-10");
        aCase.familyContact(ContactChannel.LETTER).on("2014-03-31");
        aCase.familyContact(ContactChannel.VISIT).on("2014-04-30");

        assertThat(findingsAsOf("2014-05-30")).isEmpty();
    }

    @Test
    void givenNoContactRecordedButNoDenialEither_whenChecked_thenUnknown() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenAVisitAfter40Days_whenChecked_thenClosedAtTheVisit() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.familyContactDenied(ContactChannel.ANY, null, false).on("2014-03-02");
        aCase.familyContact(ContactChannel.VISIT).on("2014-04-10");

        assertThat(findingsAsOf("2014-04-20")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-04-10")));
    }

    @Test
    void givenCustodyStartKnownToTheMonth_whenContactOnThe20thOfNextMonth_thenPossible() {
        aCase.detained(at(PAVLODAR)).on("2014-03");
        aCase.familyContactDenied(ContactChannel.ANY, null, false).on("2014-04-02");
        aCase.familyContact(ContactChannel.VISIT).on("2014-04-20");

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    /** A contact known only to the month sorts before a detention within it, yet may have come after it. */
    @Test
    void givenAContactKnownToTheMonthOfTheDetention_whenChecked_thenTheGapRunsFromItAndIsOnlyPossible() {
        aCase.detained(at(PAVLODAR)).on("2013-03-10");
        FactId visit = aCase.familyContact(ContactChannel.VISIT).on("2013-03");
        aCase.familyContactDenied(ContactChannel.CALL, null, false).on("2013-03-12");

        assertThat(findingsAsOf("2013-04-25")).singleElement().satisfies(finding -> {
            assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE);
            assertThat(finding.evidence()).startsWith(visit);
            assertThat(finding.explanation()).as("never counted from before the detention").contains("46 days")
                    .doesNotContain("55");
        });
    }

    @Test
    void givenDenialRetracted_whenChecked_thenOnlyUnknown() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.retract(aCase.familyContactDenied(ContactChannel.CALL, null, false).on("2014-03-10"));

        assertThat(findingsAsOf("2014-05-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenVisitCorrectedToAnEarlierDate_whenChecked_thenNothing() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.familyContactDenied(ContactChannel.CALL, null, false).on("2014-03-10");
        FactId visit = aCase.familyContact(ContactChannel.VISIT).on("2014-04-20");
        aCase.familyContact(ContactChannel.VISIT).correcting(visit).on("2014-03-20");

        assertThat(findingsAsOf("2014-04-15")).isEmpty();
    }

    @Test
    void givenDenialDisputed_whenChecked_thenDisputed() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.dispute(aCase.familyContactDenied(ContactChannel.CALL, null, false).on("2014-03-10"));

        assertThat(findingsAsOf("2014-05-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
