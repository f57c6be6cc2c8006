package org.casetimeline.projections.casefile;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.projections.transaction.TransactionRecord;
import org.springframework.stereotype.Component;

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
    // a registration read inside a transaction (maybe the one that stores it, not yet appended) is kept only if that
    // transaction commits; until then that transaction finds it here, instead of reading the store for every fact
    private final TransactionRecord<Map<FacilityId, FacilityRegistered>> foundInTransaction =
            new TransactionRecord<>(HashMap::new, registered::putAll);

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
        Map<FacilityId, FacilityRegistered> foundNow = foundInTransaction.current();
        if (foundNow != null && foundNow.containsKey(id)) {
            return Optional.of(foundNow.get(id));
        }
        Optional<FacilityRegistered> found = read(id);
        found.ifPresent(facility -> (foundNow == null ? registered : foundNow).put(id, facility));
        return found;
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
