package org.casetimeline.core.timeline;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.PartialDate;

/**
 * One fact on a person's timeline with what later records say of it: retracted (by whom), superseded by a
 * correction, the fact it corrects, and the disputes standing against it: raised against it or a version it replaced,
 * and not withdrawn (a correction does not settle a dispute by itself); those withdrawn, with their withdrawal. {@code start} is the fact's date read
 * once: the rules compare facts' dates with each other many times over while they fold a long case.
 * {@code earlierVersions} are the ids of the versions a chain of corrections replaced, latest first.
 */
public record TimelineFact(
        RecordedFact fact,
        Recording recording,
        FactStatus status,
        Recording retraction,
        Recording correction,
        FactId replacedBy,
        FactId corrects,
        List<Recording> disputes,
        List<WithdrawnDispute> withdrawnDisputes,
        PartialDate start,
        List<FactId> earlierVersions) {

    public TimelineFact {
        if (!start.equals(fact.occurred().start())) {
            throw new IllegalArgumentException("start " + start.iso() + " is not when the fact happened: " + fact.occurred().at());
        }
    }

    public TimelineFact(RecordedFact fact, Recording recording, FactStatus status, Recording retraction,
                        Recording correction, FactId replacedBy, FactId corrects, List<Recording> disputes,
                        List<WithdrawnDispute> withdrawnDisputes, List<FactId> earlierVersions) {
        this(fact, recording, status, retraction, correction, replacedBy, corrects, disputes, withdrawnDisputes,
                fact.occurred().start(), List.copyOf(earlierVersions));
    }

    public FactId factId() {
        return fact.factId();
    }

    /**
     * Whether a fact that names {@code id} (a denial naming a request, an investigation naming an allegation) names
     * this one: {@code id} is its own, or that of a version a correction replaced. A correction gives the fact a new
     * id, and facts recorded against the earlier version still concern it.
     */
    public boolean isNamedBy(FactId id) {
        return id != null && (id.equals(factId()) || earlierVersions.contains(id));
    }

    public boolean counts() {
        return status == FactStatus.CURRENT;
    }

    public boolean disputed() {
        return !disputes.isEmpty();
    }

    public boolean approximate() {
        return fact.occurred().approximate();
    }

    /** Earliest instant the fact may have happened. */
    public Instant earliest() {
        return start.earliest();
    }

    /** Latest instant the fact may have happened (for a day, its last moment). */
    public Instant latest() {
        return start.latestInstant();
    }

    /** The end of a period the fact itself spans, when a source gives one. */
    public PartialDate until() {
        return fact.occurred().end();
    }

    public <T extends RecordedFact> boolean is(Class<T> type) {
        return type.isInstance(fact);
    }

    public <T extends RecordedFact> T as(Class<T> type) {
        return type.cast(fact);
    }
}
