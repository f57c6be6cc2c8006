package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.casetimeline.core.compliance.CaseFixture.instant;

import java.util.List;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.event.PrisonerDetailsAmended;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

/**
 * A person's details as they stood on a date: a details amendment counts from its own date, so a status or a finding
 * read as of an earlier date does not use conditions or a home that came on record only later.
 */
class PersonDetailsTest {

    @Test
    void givenConditionsAmendedIn2016_whenReadAsOf2014_thenTheRegistrationsStand_andFrom2016TheAmendments() {
        CaseFixture aCase = CaseFixture.aCase();
        FactId amendment = aCase.conditionsAmended(List.of("epilepsy")).on("2016-03-01");
        aCase.conditionsAmended(List.of()).on("2017-01-01"); // lists none anew: leaves them as they were
        Timeline timeline = aCase.timeline();

        assertThat(timeline.knownConditions(instant("2014-01-01"))).isEmpty();
        assertThat(timeline.amendedBy(instant("2014-01-01"), PrisonerDetailsAmended::knownConditions)).isEmpty();
        assertThat(timeline.knownConditions(instant("2016-03-01"))).containsExactly("epilepsy");
        assertThat(timeline.amendedBy(instant("2018-01-01"), PrisonerDetailsAmended::knownConditions))
                .map(TimelineFact::factId).contains(amendment);
    }

    @Test
    void givenAHomeAmended_whenReadBeforeAndAfterItsDate_thenTheHomeOnRecordThen() {
        CaseFixture aCase = CaseFixture.aCaseWithHome(CaseFixture.ALMATY);
        aCase.homeAmended(CaseFixture.ATYRAU).on("2015-06");
        Timeline timeline = aCase.timeline();

        assertThat(timeline.home(instant("2015-05-31"))).isEqualTo(CaseFixture.ALMATY);
        // a date known to the month may be its first day: from then on it may be on record
        assertThat(timeline.home(instant("2015-06-01"))).isEqualTo(CaseFixture.ATYRAU);
        assertThat(timeline.home(instant("2020-01-01"))).isEqualTo(CaseFixture.ATYRAU);
    }
}
