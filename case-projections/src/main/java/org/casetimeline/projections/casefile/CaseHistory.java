package org.casetimeline.projections.casefile;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.timeline.Recording;
import org.springframework.stereotype.Component;

/** Reads one case's stream from the event store, in recording order, as {@link Recording}s: one indexed read. */
@Component
public class CaseHistory {

    /** Metadata key naming the authenticated user who recorded an event. */
    public static final String RECORDED_BY = "recordedBy";

    private final EventStore events;

    public CaseHistory(EventStore events) {
        this.events = events;
    }

    /**
     * Empty when no case has this id. Read from sequence 0, never from a snapshot: a reader of the record needs every
     * event, and the snapshot table need not be queried.
     */
    public Optional<List<Recording>> of(CaseId caseId) {
        DomainEventStream stream = events.readEvents(caseId.toString(), 0);
        return recordings(stream);
    }

    /**
     * A case's whole stream, already read (a projection's batch may hold it), as recordings; empty unless it is a
     * case's stream from its registration on.
     */
    public static Optional<List<Recording>> recordings(Iterator<? extends DomainEventMessage<?>> stream) {
        List<Recording> recordings = new ArrayList<>();
        while (stream.hasNext()) {
            DomainEventMessage<?> message = stream.next();
            if (!(message.getPayload() instanceof CaseEvent event)) {
                return Optional.empty();
            }
            recordings.add(new Recording(event, message.getSequenceNumber(), message.getTimestamp(),
                    recordedBy(message.getMetaData())));
        }
        if (recordings.isEmpty() || !(recordings.get(0).event() instanceof PrisonerRegistered)) {
            return Optional.empty();
        }
        return Optional.of(recordings);
    }

    private static String recordedBy(MetaData metadata) {
        Object user = metadata.get(RECORDED_BY);
        return user == null ? null : user.toString();
    }
}
