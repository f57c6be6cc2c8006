package org.casetimeline.core.facility;

import java.util.UUID;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetimeline.core.command.RegisterFacility;
import org.casetimeline.core.event.FacilityRegistered;
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
                        "Pavlodar", "KZ", new Coordinates(52.29, 76.95)))
                .expectEvents(new FacilityRegistered(PAVLODAR, "Pavlodar prison", "AP-162/1", FacilityKind.PRISON,
                        "Pavlodar", "Pavlodar", "KZ", new Coordinates(52.29, 76.95)));
    }

    @Test
    void givenNothing_whenRegisteredWithoutAName_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterFacility(PAVLODAR, " ", "AP-162/1", FacilityKind.PRISON, "Pavlodar", null, "KZ", null))
                .expectNoEvents()
                .expectException(InvalidFact.class);
    }
}
