package org.casetimeline.projections.casefile;

import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.FacilityId;
import org.springframework.stereotype.Component;

/**
 * Answers whether a facility is registered by reading its own stream in the event store: consistent at once
 * after registration, unlike a read model that a processor updates a moment later.
 */
@Component
public class FacilityDirectory {

    private final EventStore events;

    public FacilityDirectory(EventStore events) {
        this.events = events;
    }

    public boolean exists(FacilityId id) {
        return find(id).isPresent();
    }

    public Optional<FacilityRegistered> find(FacilityId id) {
        var stream = events.readEvents(id.toString());
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof FacilityRegistered registered ? Optional.of(registered) : Optional.empty();
    }
}
