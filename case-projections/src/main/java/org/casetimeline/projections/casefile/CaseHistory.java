package org.casetimeline.projections.casefile;

import java.util.ArrayList;
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
        List<Recording> recordings = new ArrayList<>();
        while (stream.hasNext()) {
            Recording recording = recording(stream.next());
            if (recording == null) {
                return Optional.empty();
            }
            recordings.add(recording);
        }
        return isCase(recordings) ? Optional.of(recordings) : Optional.empty();
    }

    /** An event message as a recording of a case (a projection's batch holds them already read); null if it is not one. */
    public static Recording recording(DomainEventMessage<?> message) {
        return message.getPayload() instanceof CaseEvent event
                ? new Recording(event, message.getSequenceNumber(), message.getTimestamp(), recordedBy(message.getMetaData()))
                : null;
    }

    /** Whether these recordings, in order, are a case's stream: its registration comes first. */
    public static boolean isCase(List<Recording> recordings) {
        return !recordings.isEmpty() && recordings.get(0).event() instanceof PrisonerRegistered;
    }

    private static String recordedBy(MetaData metadata) {
        Object user = metadata.get(RECORDED_BY);
        return user == null ? null : user.toString();
    }
}
