package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.instant;
import static org.casetimeline.core.compliance.CaseFixture.to;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.MedicalRequestMade;
import org.casetimeline.core.event.PersonDetained;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.junit.jupiter.api.Test;

/** A timeline restricted to some kinds of fact: what a compliance check is given to read. */
class RestrictedTimelineTest {

    private final CaseFixture aCase = CaseFixture.aCase();

    @Test
    void givenACase_whenRestricted_thenOnlyFactsOfThoseKinds_retractedOnesAmongAll_andTheRegistrationKept() {
        FactId detained = aCase.detained(at(ARKALYK)).on("2012-01-10");
        FactId request = aCase.medicalRequest(true).on("2012-02-01");
        FactId contact = aCase.familyContact(ContactChannel.LETTER).on("2012-03-01");
        aCase.retract(contact);

        Timeline restricted = aCase.timeline().restrictedTo(FactKinds.of(PersonDetained.class, FamilyContactOccurred.class));

        assertThat(restricted.facts()).extracting(TimelineFact::factId).containsExactly(detained);
        assertThat(restricted.all()).extracting(TimelineFact::factId).containsExactly(detained, contact);
        assertThat(restricted.factsUpTo(instant("2013-01-01"))).extracting(TimelineFact::factId).containsExactly(detained);
        assertThat(restricted.registration()).isEqualTo(aCase.timeline().registration());
        assertThat(aCase.timeline().facts()).extracting(TimelineFact::factId).contains(request);
    }

    @Test
    void givenARestrictedTimeline_whenAskedForAKindItDoesNotHold_thenItFails_ratherThanAnswerNone() {
        aCase.medicalRequest(true).on("2012-02-01");
        Timeline restricted = aCase.timeline().restrictedTo(FactKinds.of(PersonDetained.class));

        assertThatThrownBy(() -> restricted.facts(MedicalRequestMade.class)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MedicalRequestMade");
        assertThat(aCase.timeline().facts(MedicalRequestMade.class)).hasSize(1);
    }

    @Test
    void givenFacilitiesNamedByFactsOfOtherKinds_whenRestricted_thenOnlyThoseItsOwnFactsNameAreKnown() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        aCase.transferred(from(ARKALYK), to(KARAGANDY)).on("2013-10-05");
        Timeline timeline = aCase.timeline();

        Timeline detentions = timeline.restrictedTo(FactKinds.of(PersonDetained.class));
        Timeline transfers = timeline.restrictedTo(FactKinds.of(PersonTransferred.class));

        assertThat(detentions.facility(ARKALYK.facilityId())).contains(ARKALYK);
        assertThat(detentions.facility(KARAGANDY.facilityId())).isEmpty();
        assertThat(detentions.facilities()).containsOnlyKeys(ARKALYK.facilityId());
        assertThat(transfers.facilities()).containsOnlyKeys(ARKALYK.facilityId(), KARAGANDY.facilityId());
        assertThat(timeline.facility(KARAGANDY.facilityId())).contains(KARAGANDY);
    }

    @Test
    void givenARestrictedTimeline_whenReadAtALevelOrAsKnownEarlier_thenItStaysRestricted() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        aCase.medicalRequest(true).on("2012-02-01");
        FactKinds detentions = FactKinds.of(PersonDetained.class);
        Timeline restricted = aCase.timeline().restrictedTo(detentions);

        assertThat(restricted.visibleTo(Confidentiality.PUBLIC).facts()).singleElement()
                .satisfies(fact -> assertThat(fact.is(PersonDetained.class)).isTrue());
        assertThat(restricted.knownAt(CaseFixture.RECORDED_FROM.plusSeconds(86_400)).facts()).hasSize(1);
        assertThat(restricted.restrictedTo(detentions)).isSameAs(restricted);
    }

    @Test
    void givenARestrictedTimeline_whenRestrictedToOtherKinds_thenOnlyTheKindsBothInclude() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        aCase.medicalRequest(true).on("2012-02-01");
        aCase.familyContact(ContactChannel.LETTER).on("2012-03-01");
        Timeline detentionsAndContacts = aCase.timeline()
                .restrictedTo(FactKinds.of(PersonDetained.class, FamilyContactOccurred.class));

        Timeline narrowed = detentionsAndContacts.restrictedTo(FactKinds.of(MedicalRequestMade.class, FamilyContactOccurred.class));

        assertThat(narrowed.facts()).singleElement().satisfies(fact -> assertThat(fact.is(FamilyContactOccurred.class)).isTrue());
        assertThatThrownBy(() -> narrowed.facts(MedicalRequestMade.class)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenTwoTimelinesDifferingInAFactOfAnotherKind_whenRestricted_thenTheyHoldTheSameFacts_andOfThatKindNot() {
        aCase.detained(at(ARKALYK)).on("2012-01-10");
        Timeline before = aCase.timeline();
        aCase.medicalRequest(true).on("2012-02-01");
        Timeline after = aCase.timeline();

        assertThat(after.restrictedTo(FactKinds.of(PersonDetained.class))
                .sameFactsAs(before.restrictedTo(FactKinds.of(PersonDetained.class)))).isTrue();
        assertThat(after.restrictedTo(FactKinds.of(MedicalRequestMade.class))
                .sameFactsAs(before.restrictedTo(FactKinds.of(MedicalRequestMade.class)))).isFalse();
    }
}
