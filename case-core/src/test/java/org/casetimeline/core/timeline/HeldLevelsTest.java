package org.casetimeline.core.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.casetimeline.core.event.AdmittedToFacility;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.ClaimDisputed;
import org.casetimeline.core.event.EventCorrected;
import org.casetimeline.core.event.EventRetracted;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.event.HungerStrikeStarted;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.junit.jupiter.api.Test;

/**
 * Amendments stored below the fact they amend, before the case refused them: a reader below the fact's level sees
 * neither the amendment nor a correction's replacement.
 */
class HeldLevelsTest {

    private static final CaseId CASE = new CaseId(new UUID(1, 1));
    private final List<Recording> recordings = new ArrayList<>();

    private void record(CaseEvent event) {
        recordings.add(new Recording(event, recordings.size(), Instant.parse("2014-06-01T00:00:00Z"), "monitor"));
    }

    private static FactId id(int n) {
        return new FactId(new UUID(0, n));
    }

    private static Provenance at(Confidentiality level) {
        return new Provenance(List.of(), null, level);
    }

    private static HungerStrikeStarted hungerStrike(int id, String on, Confidentiality level) {
        return new HungerStrikeStarted(CASE, id(id), Occurrence.at(on), at(level), "a fair retrial");
    }

    private List<FactId> visibleTo(Confidentiality clearance) {
        return Timeline.of(recordings, Map.of()).visibleTo(clearance).recordings().stream()
                .map(recording -> recording.event().factId()).toList();
    }

    @Test
    void givenAPublicCorrectionOfAConfidentialFact_whenReadBelowConfidential_thenNeitherItNorItsReplacementShows() {
        record(new PrisonerRegistered(CASE, id(1), at(Confidentiality.PUBLIC), List.of("A"), null, null, null, null, null,
                null, List.of()));
        record(hungerStrike(2, "2013-10-06", Confidentiality.CONFIDENTIAL));
        record(new EventCorrected(CASE, id(3), at(Confidentiality.PUBLIC), id(2), id(4), "the 7th"));
        record(hungerStrike(4, "2013-10-07", Confidentiality.PUBLIC));
        record(new ClaimDisputed(CASE, id(5), at(Confidentiality.PUBLIC), id(4), "no such order"));
        record(hungerStrike(6, "2013-11-01", Confidentiality.RESTRICTED));
        record(new EventRetracted(CASE, id(7), at(Confidentiality.PUBLIC), id(6), "wrong person"));

        assertThat(visibleTo(Confidentiality.PUBLIC)).containsExactly(id(1));
        assertThat(visibleTo(Confidentiality.RESTRICTED)).containsExactly(id(1), id(6), id(7));
        assertThat(visibleTo(Confidentiality.CONFIDENTIAL)).containsExactly(id(1), id(2), id(3), id(4), id(5), id(6), id(7));
        assertThat(Timeline.of(recordings, Map.of()).visibleTo(Confidentiality.RESTRICTED).facts()).as("the retraction applies")
                .isEmpty();
    }

    /** A facility only a hidden fact names is not among the facilities a reader's timeline holds. */
    @Test
    void givenASiteOnlyAConfidentialFactNames_whenReadBelowConfidential_thenTheTimelineHoldsNoneOfIt() {
        FacilityRegistered prison = facility(11, "Arkalyk prison", Confidentiality.PUBLIC);
        FacilityRegistered site = facility(12, "Site 7", Confidentiality.CONFIDENTIAL);
        record(new PrisonerRegistered(CASE, id(1), at(Confidentiality.PUBLIC), List.of("A"), null, null, null, null, null,
                null, List.of()));
        record(new AdmittedToFacility(CASE, id(2), Occurrence.at("2012"), at(Confidentiality.PUBLIC), prison.facilityId()));
        record(new AdmittedToFacility(CASE, id(3), Occurrence.at("2013"), at(Confidentiality.CONFIDENTIAL), site.facilityId()));
        Timeline whole = Timeline.of(recordings, Map.of(prison.facilityId(), prison, site.facilityId(), site));

        assertThat(whole.visibleTo(Confidentiality.RESTRICTED).facilities()).containsOnlyKeys(prison.facilityId());
        assertThat(whole.visibleTo(Confidentiality.CONFIDENTIAL).facilities())
                .containsOnlyKeys(prison.facilityId(), site.facilityId());
        assertThat(whole.knownAt(Instant.parse("2014-01-01T00:00:00Z")).facilities()).as("nothing recorded by then").isEmpty();
    }

    private static FacilityRegistered facility(int n, String name, Confidentiality level) {
        return new FacilityRegistered(new FacilityId(new UUID(2, n)), name, null, FacilityKind.PRISON, null, null, "KZ",
                null, level);
    }

    @Test
    void givenTheStoredFormOfEvents_whenFollowedAcrossAStore_thenOnlyLevelsAbovePublicAreKeptAndRaiseTheirAmendments() {
        HeldLevels held = new HeldLevels();
        String stream = CASE.toString();
        assertThat(held.of(stream, false, id(2), Confidentiality.RESTRICTED, null, null)).isEqualTo(Confidentiality.RESTRICTED);
        assertThat(held.of(stream, false, id(3), Confidentiality.PUBLIC, id(2), id(4))).isEqualTo(Confidentiality.RESTRICTED);
        assertThat(held.of(stream, false, id(4), Confidentiality.PUBLIC, null, null)).as("the replacement")
                .isEqualTo(Confidentiality.RESTRICTED);
        assertThat(held.of(stream, false, id(5), Confidentiality.PUBLIC, id(99), null)).as("a fact not kept is public")
                .isEqualTo(Confidentiality.PUBLIC);
        assertThat(held.of(stream, false, id(6), Confidentiality.CONFIDENTIAL, id(4), null)).as("never lowered")
                .isEqualTo(Confidentiality.CONFIDENTIAL);
        String confidentialCase = new UUID(1, 2).toString();
        assertThat(held.of(confidentialCase, true, id(20), Confidentiality.CONFIDENTIAL, null, null))
                .isEqualTo(Confidentiality.CONFIDENTIAL);
        assertThat(held.of(confidentialCase, false, id(21), Confidentiality.PUBLIC, null, null)).as("a fact of that case")
                .isEqualTo(Confidentiality.CONFIDENTIAL);
        assertThat(held.of(new UUID(1, 3).toString(), false, id(22), Confidentiality.PUBLIC, null, null))
                .as("a fact of another case").isEqualTo(Confidentiality.PUBLIC);
    }

    /**
     * A fact recorded below its case's level: a reader not cleared for the case must not learn from it that the case
     * exists, nor what is on record about the person.
     */
    @Test
    void givenAPublicFactInACaseRegisteredAsConfidential_whenReadBelowConfidential_thenNothingOfTheCaseShows() {
        record(new PrisonerRegistered(CASE, id(1), at(Confidentiality.CONFIDENTIAL), List.of("A"), null, null, null, null,
                null, null, List.of()));
        record(hungerStrike(2, "2013-10-06", Confidentiality.PUBLIC));
        record(hungerStrike(3, "2013-11-01", Confidentiality.RESTRICTED));

        assertThat(visibleTo(Confidentiality.PUBLIC)).isEmpty();
        assertThat(visibleTo(Confidentiality.RESTRICTED)).isEmpty();
        assertThat(visibleTo(Confidentiality.CONFIDENTIAL)).containsExactly(id(1), id(2), id(3));
        assertThat(HeldLevels.byFact(recordings)).containsEntry(id(2), Confidentiality.CONFIDENTIAL);
    }
}
