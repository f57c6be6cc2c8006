package org.casetimeline.projections.casefile;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.FacilityId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers whether a facility is registered by reading its own stream in the event store: consistent at once
 * after registration, unlike a read model that a processor updates a moment later. A registration is the
 * facility's only event and is never changed, so once found it is kept: every append and every case refresh
 * names facilities, and reading their streams again was a third of the round trips of an append. A facility
 * not found is not kept, so one registered a moment later (on this node or another) is found next time.
 */
@Component
public class FacilityDirectory {

    private final EventStore events;
    private final Map<FacilityId, FacilityRegistered> registered = new ConcurrentHashMap<>();

    public FacilityDirectory(EventStore events) {
        this.events = events;
    }

    public boolean exists(FacilityId id) {
        return find(id).isPresent();
    }

    public Optional<FacilityRegistered> find(FacilityId id) {
        FacilityRegistered known = registered.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<FacilityRegistered> found = read(id);
        found.ifPresent(facility -> keepOnceCommitted(id, facility));
        return found;
    }

    /** A registration read inside the transaction that stores it is kept only if that transaction commits. */
    private void keepOnceCommitted(FacilityId id, FacilityRegistered facility) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            registered.put(id, facility);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                registered.put(id, facility);
            }
        });
    }

    private Optional<FacilityRegistered> read(FacilityId id) {
        var stream = events.readEvents(id.toString(), 0); // the registration itself, never a snapshot
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = stream.next();
        return first.getPayload() instanceof FacilityRegistered registered ? Optional.of(registered) : Optional.empty();
    }
}
