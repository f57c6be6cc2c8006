package org.casetimeline.core.compliance.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
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
import org.junit.jupiter.api.Test;

class Mr52IntrusiveSearchTest {

    private final Mr52IntrusiveSearch rule = new Mr52IntrusiveSearch();
    private final CaseFixture aCase = aCase();

    private List<Finding> findingsAsOf(String asOf) {
        return rule.evaluate(aCase.timeline(), instant(asOf), Thresholds.defaults());
    }

    @Test
    void givenFilmedDailyStripSearches_whenChecked_thenSeriousFlagOpen() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        FactId searches = aCase.strippedAndSearched(true, true, null, false).on("2014");

        assertThat(findingsAsOf("2015-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.ruleId()).isEqualTo("MR52-INTRUSIVE-SEARCH");
            assertThat(finding.kind()).isEqualTo(FindingKind.FLAG);
            assertThat(finding.severity()).isEqualTo(Severity.SERIOUS);
            assertThat(finding.state()).isEqualTo(FindingState.OPEN);
            assertThat(finding.threshold()).isEqualTo("daily");
            assertThat(finding.evidence()).containsExactly(searches);
            assertThat(finding.explanation()).isEqualTo("Strip searches reported in 2014, routinely, daily or more often, "
                    + "with no individual reason, filmed; the Rules allow them only when absolutely necessary, in private and never to humiliate");
        });
    }

    @Test
    void givenAStripSearchForAnIndividualReasonInPrivate_orAPatDown_whenChecked_thenNothing() {
        aCase.strippedAndSearched(false, false, true, true).on("2014-03-10");
        aCase.patDown().on("2014-03-11");

        assertThat(findingsAsOf("2015-01-01")).isEmpty();
    }

    /** Searches each with its reason, but within the interval (a day by default) of one another: a practice, one finding a series; two known only to the month are not. */
    @Test
    void givenStripSearchesOnConsecutiveDays_whenChecked_thenTheSecondIsRoutine_andThreeDaysApartIsNot() {
        FactId first = aCase.strippedAndSearched(false, false, true, true).on("2014-03-10");
        FactId second = aCase.strippedAndSearched(false, false, true, true).on("2014-03-11");
        aCase.strippedAndSearched(false, false, true, true).on("2014-03-12"); // the same series: no second finding
        aCase.strippedAndSearched(false, false, true, true).on("2014-03-14");
        aCase.strippedAndSearched(false, false, true, true).on("2014-04");
        aCase.strippedAndSearched(false, false, true, true).on("2014-04");

        assertThat(findingsAsOf("2015-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.evidence()).startsWith(first, second);
            assertThat(finding.threshold()).isEqualTo("daily");
            assertThat(finding.explanation()).contains("again the day after one reported on 10 March 2014");
        });
    }

    /** Searches on leaving one prison and on entering the next are two places' practices, each found. */
    @Test
    void givenASeriesAtOnePrisonThenAMove_whenTheSeriesGoesOnAtTheNext_thenEachPrisonsSeriesIsFound() {
        aCase.detained(at(PAVLODAR)).on("2014-03-01");
        aCase.strippedAndSearched(false, false, true, true).on("2014-03-10");
        aCase.strippedAndSearched(false, false, true, true).on("2014-03-11");
        aCase.transferred(at(PAVLODAR), at(CaseFixture.KARAGANDY)).on("2014-03-12");
        FactId first = aCase.strippedAndSearched(false, false, true, true).on("2014-03-12");
        FactId second = aCase.strippedAndSearched(false, false, true, true).on("2014-03-13");
        aCase.strippedAndSearched(false, false, true, true).on("2014-03-14");

        assertThat(findingsAsOf("2015-01-01")).hasSize(2)
                .anySatisfy(finding -> {
                    assertThat(finding.evidence()).startsWith(first, second);
                    assertThat(finding.state()).isEqualTo(FindingState.OPEN);
                });
    }

    @Test
    void givenOneSearchNotInPrivate_whenChecked_thenClosedOnTheDay() {
        aCase.strippedAndSearched(false, false, false, true).on("2014-03-10");

        assertThat(findingsAsOf("2015-01-01")).singleElement().satisfies(finding -> {
            assertThat(finding.state()).isEqualTo(FindingState.CLOSED);
            assertThat(finding.end()).isEqualTo(instant("2014-03-10"));
        });
    }

    @Test
    void givenDailySearchesThenMovedElsewhere_whenChecked_thenClosedAtTheMove() {
        aCase.detained(at(KARAGANDY)).on("2013-10-07");
        aCase.strippedAndSearched(true, false, true, false).on("2013-11-01");
        aCase.transferred(from(KARAGANDY), to(PAVLODAR)).on("2014-03-01");

        assertThat(findingsAsOf("2015-01-01")).singleElement()
                .satisfies(finding -> assertThat(finding.end()).isEqualTo(instant("2014-03-01")));
    }

    @Test
    void givenRetracted_whenChecked_thenNothing() {
        aCase.retract(aCase.strippedAndSearched(true, true, false, false).on("2014-03-10"));

        assertThat(findingsAsOf("2015-01-01")).isEmpty();
    }

    @Test
    void givenCorrectedToAJustifiedPrivateSearch_whenChecked_thenNothing() {
        FactId search = aCase.strippedAndSearched(true, true, false, false).on("2014-03-10");
        aCase.strippedAndSearched(false, false, true, true).correcting(search).on("2014-03-10");

        assertThat(findingsAsOf("2015-01-01")).isEmpty();
    }

    @Test
    void givenDisputed_whenChecked_thenDisputed() {
        aCase.dispute(aCase.strippedAndSearched(true, true, false, false).on("2014-03-10"));

        assertThat(findingsAsOf("2015-01-01")).singleElement().satisfies(finding -> assertThat(finding.disputed()).isTrue());
    }
}
