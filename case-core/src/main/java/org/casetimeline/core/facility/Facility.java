package org.casetimeline.core.facility;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.casetimeline.core.command.RegisterFacility;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.CountryCode;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.InvalidFact;
import org.casetimeline.core.shared.PlainText;

/** A place of detention in the registry, referred to by the facts of many cases. */
public class Facility {

    @AggregateIdentifier
    private FacilityId facilityId;

    protected Facility() {
        // for Axon
    }

    @CommandHandler
    public Facility(RegisterFacility command) {
        PlainText.require(command);
        // as for a fact, nothing is made public by default: a site left without a level was listed to every viewer
        if (command.confidentiality() == null) {
            throw new InvalidFact("confidentiality",
                    "confidentiality is required: public, restricted or confidential; nothing is made public by default");
        }
        apply(new FacilityRegistered(command.facilityId(), command.name(), command.officialCode(), command.kind(),
                command.city(), command.region(), CountryCode.require("country", command.country()),
                command.coordinates(), command.confidentiality()));
    }

    @EventSourcingHandler
    void on(FacilityRegistered event) {
        facilityId = event.facilityId();
    }
}
