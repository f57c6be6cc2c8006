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
import org.casetimeline.core.shared.ReleaseKind;
import org.junit.jupiter.api.Test;

class Mr43FamilyContactSanctionTest {

    private final Mr43FamilyContactSanction rule = new Mr43FamilyContactSanction();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenAllContactBannedAsASanction_whenChecked_thenSeriousFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId ban = aCase.familyContactDenied(ContactChannel.ANY, null, true).on("2014-04-01");

        assertThat(findingsAsOf("2014-04-05")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR43-FAMILY-CONTACT-SANCTION");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.evidence()).containsExactly(ban);
            assertThat(finding.explanation()).isEqualTo("A disciplinary sanction at Pavlodar prison (AP-162/1) on 1 April 2014 "
                    + "banned all family contact, 4 days so far; the Rules forbid sanctions that ban family contact and allow "
                    + "limits only for a short time");
        });
    }

    /**
     * A ban's length stored before lengths were held to their range (FactBounds) is read as not given: minus three
     * million days ended the finding thousands of years before the first date a finding row can hold, and the case
     * could never be stored again.
     */
    @Test
    void givenABanOfANegativeLengthStoredEarlier_whenChecked_thenItsLengthIsReadAsNotGiven() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.familyContactDenied(ContactChannel.ANY, -3_000_000, true).on("2014-04-01");

        assertThat(findingsAsOf("2014-04-05")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.end()).isNull();
            assertThat(finding.explanation()).contains("4 days so far").doesNotContain("-3");
        });
    }

    @Test
    void givenCallsBannedFor14Days_whenChecked_thenNothing_and15DaysIsFlaggedAndClosesWhenItRunsOut() {
        aCase.familyContactDenied(ContactChannel.CALL, 14, true).on("2014-04-01");
        assertThat(findingsAsOf("2014-06-01")).isEmpty();

        aCase.familyContactDenied(ContactChannel.VISIT, 15, true).on("2014-04-01");
        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2014-04-16"));
        });
    }

    @Test
    void givenContactDeniedButNotAsASanction_whenChecked_thenNothing() {
        aCase.familyContactDenied(ContactChannel.ANY, null, false).on("2014-04-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenOpenEndedCallBanFromSomeDayInApril_whenAsOf10May_thenPossible() {
        aCase.familyContactDenied(ContactChannel.CALL, null, true).on("2014-04");

        assertThat(findingsAsOf("2014-05-10")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.POSSIBLE));
    }

    @Test
    void givenACallAfterTheBan_whenChecked_thenClosedAtTheCall() {
        aCase.familyContactDenied(ContactChannel.CALL, null, true).on("2014-04-01");
        aCase.familyContact(ContactChannel.CALL).on("2014-05-01");

        assertThat(findingsAsOf("2014-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-05-01")));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.familyContactDenied(ContactChannel.ANY, null, true).on("2014-04-01"));

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenCorrectedToAShortBan_whenChecked_thenNothing() {
        FactId ban = aCase.familyContactDenied(ContactChannel.CALL, 60, true).on("2014-04-01");
        aCase.familyContactDenied(ContactChannel.CALL, 7, true).correcting(ban).on("2014-04-01");

        assertThat(findingsAsOf("2014-06-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.familyContactDenied(ContactChannel.ANY, null, true).on("2014-04-01"));

        assertThat(findingsAsOf("2014-06-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }

    /** Release ends the ban: contact in a later custody does not stretch it over the years at liberty. */
    @Test
    void givenABanThenRelease_whenContactComesInALaterCustody_thenTheBanEndsAtTheRelease() {
        aCase.detained(at(PAVLODAR)).on("2013-01-10");
        aCase.familyContactDenied(ContactChannel.ANY, null, true).on("2013-02-01");
        aCase.released(ReleaseKind.END_OF_TERM, false).on("2013-03-01");
        aCase.detained(at(PAVLODAR)).on("2015-01-01");
        aCase.familyContact(ContactChannel.VISIT).on("2015-02-01");

        assertThat(findingsAsOf("2016-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2013-03-01"));
        });
    }
}
