package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.ALMATY_SIZO;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.ATYRAU;
import static org.casetimeline.core.compliance.CaseFixture.ATYRAU_SIZO;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.NORTH_499_KM;
import static org.casetimeline.core.compliance.CaseFixture.NORTH_501_KM;
import static org.casetimeline.core.compliance.CaseFixture.TALDYKORGAN;
import static org.casetimeline.core.compliance.CaseFixture.UNMAPPED;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.aCaseWithHome;
import static org.casetimeline.core.compliance.CaseFixture.at;
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
import org.casetimeline.core.shared.Place;
import org.junit.jupiter.api.Test;

class Mr59DistanceTest {

    private final Mr59Distance rule = new Mr59Distance();
    private CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenHeldInArkalyk_whenChecked_thenSeriousFlagOpenNaming1087Km() {
        FactId moved = aCase.transferred(from(ALMATY_SIZO), to(ARKALYK)).on("2012-12");

        assertThat(findingsAsOf("2013-01-15")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR59-DISTANCE");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("500 km");
            assertThat(finding.evidence()).containsExactly(moved);
            assertThat(finding.approximate()).isTrue();
            assertThat(finding.explanation()).isEqualTo("Held at Arkalyk prison (UK 161/12) from December 2012, 1,087 km "
                    + "from home in Almaty as the crow flies; the Rules ask that people be held close to home, and more than 500 km is flagged");
        });
    }

    @Test
    void givenMovedFromArkalykToKaragandy_whenChecked_thenArkalykClosedAndKaragandyOpenAsConcern() {
        aCase.transferred(from(ALMATY_SIZO), to(ARKALYK)).on("2012-12-01");
        aCase.transferred(from(ARKALYK), to(KARAGANDY)).on("2013-10-05");

        assertThat(findingsAsOf("2013-11-01")).satisfiesExactly(
                arkalyk -> {
                    assertThat(arkalyk.state()).isEqualTo(FindingState.CLOSED);
                    assertThat(arkalyk.end()).isEqualTo(instant("2013-10-05"));
                },
                karagandy -> {
                    assertThat(karagandy.state()).isEqualTo(FindingState.OPEN);
                    assertThat(karagandy.severity()).isEqualTo(Severity.CONCERN);
                });
    }

    @Test
    void givenFacility498KmAway_whenChecked_thenNothing_and501KmIsAConcern() {
        aCase.detained(at(NORTH_499_KM)).on("2016-05-17");
        assertThat(findingsAsOf("2016-06-01")).isEmpty();

        aCase = aCase();
        aCase.detained(at(NORTH_501_KM)).on("2016-05-17");
        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.CONCERN));
    }

    @Test
    void givenMovedNearer_whenChecked_thenClosedAndNothingNew() {
        aCase.transferred(from(ALMATY_SIZO), to(ARKALYK)).on("2012-12-01");
        aCase.transferred(from(ARKALYK), to(TALDYKORGAN)).on("2014-03-01");

        assertThat(findingsAsOf("2014-04-01")).singleElement()
                .satisfies(finding -> assertThat(finding.state()).isEqualTo(FindingState.CLOSED));
    }

    @Test
    void givenHomeWithoutCoordinates_orFacilityWithout_whenChecked_thenUnknown() {
        aCase = aCaseWithHome(new Place("Atyrau", null, "KZ", null));
        aCase.detained(at(ARKALYK)).on("2016-05-17");
        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));

        aCase = aCase();
        aCase.detained(at(UNMAPPED)).on("2016-05-17");
        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.kind()).isEqualTo(FindingKind.UNKNOWN));
    }

    @Test
    void givenHomeAmendedToThePrisonsTown_whenChecked_thenFlaggedOnlyBeforeTheAmendment() {
        aCase.detained(at(ATYRAU_SIZO)).on("2016-05-17");
        aCase.homeAmended(ATYRAU).on("2016-07-01");

        assertThat(findingsAsOf("2016-06-01")).singleElement()
                .satisfies(finding -> assertThat(finding.explanation()).contains("from home in Almaty"));
        assertThat(findingsAsOf("2016-08-01")).isEmpty();
    }

    @Test
    void givenTransferRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.transferred(from(ALMATY_SIZO), to(ARKALYK)).on("2012-12-01"));

        assertThat(findingsAsOf("2013-01-01")).isEmpty();
    }

    @Test
    void givenDestinationCorrectedToANearerPrison_whenChecked_thenNothing() {
        FactId moved = aCase.transferred(from(ALMATY_SIZO), to(ARKALYK)).on("2012-12-01");
        aCase.transferred(from(ALMATY_SIZO), to(TALDYKORGAN)).correcting(moved).on("2012-12-01");

        assertThat(findingsAsOf("2013-01-01")).isEmpty();
    }

    @Test
    void givenTransferDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.transferred(from(ALMATY_SIZO), to(ARKALYK)).on("2012-12-01"));

        assertThat(findingsAsOf("2013-01-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
