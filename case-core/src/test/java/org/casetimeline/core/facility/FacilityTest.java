package org.casetimeline.core.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetimeline.core.command.RegisterFacility;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Coordinates;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FacilityKind;
import org.casetimeline.core.shared.InvalidFact;
import org.junit.jupiter.api.Test;

class FacilityTest {

    private static final FacilityId PAVLODAR = new FacilityId(UUID.fromString("00000000-0000-4000-8000-0000000000a3"));

    private final AggregateTestFixture<Facility> fixture = new AggregateTestFixture<>(Facility.class);

    @Test
    void givenNothing_whenRegisterFacility_thenFacilityRegistered() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFacility(PAVLODAR, "Pavlodar prison", "AP-162/1", FacilityKind.PRISON, "Pavlodar",
                        "Pavlodar", "KZ", new Coordinates(52.29, 76.95), Confidentiality.PUBLIC))
                .expectEvents(new FacilityRegistered(PAVLODAR, "Pavlodar prison", "AP-162/1", FacilityKind.PRISON,
                        "Pavlodar", "Pavlodar", "KZ", new Coordinates(52.29, 76.95), Confidentiality.PUBLIC));
    }

    @Test
    void givenNothing_whenRegisteredWithoutALevel_thenRefusedNamingConfidentiality() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFacility(PAVLODAR, "Pavlodar prison", "AP-162/1", FacilityKind.PRISON, "Pavlodar",
                        null, "KZ", null, null))
                .expectNoEvents()
                .expectException(InvalidFact.class)
                .expectExceptionMessage("confidentiality is required: public, restricted or confidential; nothing is"
                        + " made public by default");
    }

    @Test
    void givenARegistrationOfRevision1_whenItsLevelIsRead_thenItIsPublicAsItWasListed() {
        FacilityRegistered revision1 = new FacilityRegistered(PAVLODAR, "Pavlodar prison", null, FacilityKind.PRISON,
                null, null, "KZ", null, null);
        FacilityRegistered confidential = new FacilityRegistered(PAVLODAR, "Site 7", null, FacilityKind.OTHER,
                null, null, "KZ", null, Confidentiality.CONFIDENTIAL);

        assertThat(revision1.visibleTo(Confidentiality.PUBLIC)).isTrue();
        assertThat(confidential.visibleTo(Confidentiality.RESTRICTED)).isFalse();
        assertThat(confidential.visibleTo(Confidentiality.CONFIDENTIAL)).isTrue();
    }

    @Test
    void givenNothing_whenRegisteredWithoutAName_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFacility(PAVLODAR, " ", "AP-162/1", FacilityKind.PRISON, "Pavlodar", null, "KZ", null, Confidentiality.PUBLIC))
                .expectNoEvents()
                .expectException(InvalidFact.class);
    }
}
