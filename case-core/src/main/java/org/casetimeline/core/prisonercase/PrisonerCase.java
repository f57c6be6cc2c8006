package org.casetimeline.core.prisonercase;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.CASE_MISMATCH;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.FACT_ID_REUSED;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.FACT_RETRACTED;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.FACT_SUPERSEDED;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.LEVEL_MISMATCH;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.NOT_CORRECTABLE;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.TYPE_MISMATCH;
import static org.casetimeline.core.prisonercase.RecordingRefused.Reason.UNKNOWN_FACT;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.casetimeline.core.command.CorrectFact;
import org.casetimeline.core.command.DisputeClaim;
import org.casetimeline.core.command.RecordFact;
import org.casetimeline.core.command.RegisterPrisoner;
import org.casetimeline.core.command.RetractFact;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.ClaimDisputed;
import org.casetimeline.core.event.EventCorrected;
import org.casetimeline.core.event.EventRetracted;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.PlainText;
import org.casetimeline.core.timeline.HeldLevels;

/**
 * One detained person's case. It guards only what keeps the record sound: the case starts with its
 * registration, fact ids are never reused, and a retraction, correction or dispute names a current fact of
 * this case and is held at that fact's confidentiality (a dispute at least there). It never refuses a fact for
 * contradicting others: sources disagree and facts arrive late. Command handlers answer the case's new version,
 * which the API hands out as an ETag.
 */
public class PrisonerCase {

    /**
     * The command metadata naming the writer's clearance (a {@link Confidentiality} name). A writer may amend only the
     * facts they may see: a fact above it is answered as no fact at all, as their reads answer it. A command without
     * it is taken as from a writer who sees public facts only.
     */
    public static final String WRITER_CLEARANCE = "writerClearance";

    @AggregateIdentifier
    private CaseId caseId;
    private FactId registrationId;
    private final Map<FactId, KnownFact> facts = new HashMap<>();
    /** Each fact's level as readers are filtered by it: an amendment stored below its fact counts at the fact's. */
    private final HeldLevels levels = new HeldLevels();

    /** What the case remembers of each fact: enough to guard retractions and corrections. */
    private record KnownFact(Class<?> type, Confidentiality level, boolean amendable, boolean retracted, FactId supersededBy) {
    }

    protected PrisonerCase() {
        // for Axon
    }

    @CommandHandler
    public PrisonerCase(RegisterPrisoner command) {
        PlainText.require(command);
        apply(new PrisonerRegistered(command.caseId(), command.factId(), command.provenance(), command.names(),
                command.birthYear(), command.gender(), command.nationality(), command.occupation(), command.home(),
                command.nextOfKin(), command.knownConditions()));
    }

    @CommandHandler
    public long handle(RecordFact command, @MetaDataValue(WRITER_CLEARANCE) String clearance) {
        PlainText.require(command);
        requireVisibleCase(clearance);
        requireVersion(command.expectedVersion());
        requireNew(command.fact(), "factId");
        apply(command.fact());
        return getVersion();
    }

    @CommandHandler
    public long handle(RetractFact command, @MetaDataValue(WRITER_CLEARANCE) String clearance) {
        PlainText.require(command);
        requireVisibleCase(clearance);
        requireVersion(command.expectedVersion());
        // a dispute may be withdrawn (the counter-claim was answered, or mistaken), as a fact may be retracted
        KnownFact retracted = requireCurrent(command.retractedFactId(), "retractedFactId", clearance, true);
        requireSameLevel(retracted, command.provenance().confidentiality(), "a retraction");
        apply(new EventRetracted(caseId, requireUnused(command.retractionId()), command.provenance(),
                command.retractedFactId(), command.reason()));
        return getVersion();
    }

    @CommandHandler
    public long handle(CorrectFact command, @MetaDataValue(WRITER_CLEARANCE) String clearance) {
        PlainText.require(command);
        requireVisibleCase(clearance);
        requireVersion(command.expectedVersion());
        KnownFact corrected = requireCurrent(command.correctedFactId(), "correctedFactId", clearance, false);
        requireSameLevel(corrected, command.provenance().confidentiality(), "a correction");
        RecordedFact replacement = command.replacement();
        requireSameLevel(corrected, replacement.provenance().confidentiality(), "a correction's replacement");
        requireNew(replacement, "replacement.factId");
        if (!corrected.type().equals(replacement.getClass())) {
            throw new RecordingRefused(TYPE_MISMATCH, "type", "a correction keeps the type of the fact it corrects ("
                    + corrected.type().getSimpleName() + "); retract the fact and record a new one instead");
        }
        apply(new EventCorrected(caseId, requireUnused(command.correctionId()), command.provenance(),
                command.correctedFactId(), replacement.factId(), command.reason()));
        apply(replacement);
        return getVersion();
    }

    @CommandHandler
    public long handle(DisputeClaim command, @MetaDataValue(WRITER_CLEARANCE) String clearance) {
        PlainText.require(command);
        requireVisibleCase(clearance);
        requireVersion(command.expectedVersion());
        KnownFact disputed = requireCurrent(command.disputedFactId(), "disputedFactId", clearance, false);
        // a counter-claim may come from a source more confidential than the fact's; below it, it would show the fact's
        // readers a claim about a fact they may not see
        if (command.provenance().confidentiality().ordinal() < disputed.level().ordinal()) {
            throw new RecordingRefused(LEVEL_MISMATCH, "confidentiality", "a dispute is held at least at the"
                    + " confidentiality of the fact it disputes (" + disputed.level() + ")");
        }
        apply(new ClaimDisputed(caseId, requireUnused(command.disputeId()), command.provenance(),
                command.disputedFactId(), command.counterClaim()));
        return getVersion();
    }

    @EventSourcingHandler
    void on(PrisonerRegistered event) {
        caseId = event.caseId();
        registrationId = event.factId();
        remember(event, false);
    }

    @EventSourcingHandler
    void on(RecordedFact event) {
        remember(event, true);
    }

    @EventSourcingHandler
    void on(EventRetracted event) {
        remember(event, false);
        facts.computeIfPresent(event.retractedFactId(), (id, fact) ->
                new KnownFact(fact.type(), fact.level(), fact.amendable(), true, fact.supersededBy()));
    }

    @EventSourcingHandler
    void on(EventCorrected event) {
        remember(event, false);
        facts.computeIfPresent(event.correctedFactId(), (id, fact) ->
                new KnownFact(fact.type(), fact.level(), fact.amendable(), fact.retracted(), event.replacementFactId()));
    }

    @EventSourcingHandler
    void on(ClaimDisputed event) {
        remember(event, false);
    }

    private void remember(CaseEvent event, boolean amendable) {
        facts.put(event.factId(), new KnownFact(event.getClass(), levels.of(event), amendable, false, null));
    }

    /**
     * A retraction or correction is held at the level of the fact it amends. Below it, it would show that fact's
     * content (a correction carries the whole fact) to readers not cleared for it; above it, readers of the fact would
     * go on counting a fact that was withdrawn or replaced.
     */
    private static void requireSameLevel(KnownFact amended, Confidentiality level, String amendment) {
        if (level != amended.level()) {
            throw new RecordingRefused(LEVEL_MISMATCH, "confidentiality", amendment + " is held at the confidentiality"
                    + " of the fact it amends (" + amended.level() + "), not " + level);
        }
    }

    private void requireNew(RecordedFact fact, String field) {
        if (!caseId.equals(fact.caseId())) {
            throw new RecordingRefused(CASE_MISMATCH, "caseId", "the fact names case " + fact.caseId()
                    + " but is recorded in case " + caseId);
        }
        requireUnused(fact.factId(), field);
    }

    private FactId requireUnused(FactId id) {
        return requireUnused(id, "factId");
    }

    private FactId requireUnused(FactId id, String field) {
        if (facts.containsKey(id)) {
            throw new RecordingRefused(FACT_ID_REUSED, field, "fact id " + id + " is already used in this case");
        }
        return id;
    }

    /**
     * A case whose registration is above the writer's clearance is no case to them, as to their reads: they may neither
     * write into it nor learn from the answer that it exists (nor how many events it holds).
     */
    private void requireVisibleCase(String writerClearance) {
        KnownFact registration = facts.get(registrationId);
        if (registration != null && !registration.level().visibleTo(clearance(writerClearance))) {
            throw new AggregateNotFoundException(caseId.toString(), "No case " + caseId + ".");
        }
    }

    /**
     * The version the writer read (If-Match), checked only once the case is known to be theirs to see. Axon's own check
     * ran as the case loaded, before that, and told a writer not cleared for the case that it exists and how many
     * events it holds.
     */
    private void requireVersion(Long expected) {
        Long current = getVersion();
        if (expected != null && !expected.equals(current)) {
            throw new ConflictingAggregateVersionException(caseId.toString(), expected, current == null ? -1 : current);
        }
    }

    /** The writer's clearance as the command carries it; none counts as public. */
    private static Confidentiality clearance(String writerClearance) {
        return writerClearance == null ? Confidentiality.PUBLIC : Confidentiality.valueOf(writerClearance);
    }

    /**
     * A fact the writer may amend, or with {@code orDispute} a dispute they may withdraw; one above their clearance is no
     * fact to them (nor its type, level or state).
     */
    private KnownFact requireCurrent(FactId id, String field, String writerClearance, boolean orDispute) {
        KnownFact fact = facts.get(id);
        Confidentiality clearance = clearance(writerClearance);
        if (fact == null || !fact.level().visibleTo(clearance)) {
            throw new RecordingRefused(UNKNOWN_FACT, field, "no fact " + id + " in this case");
        }
        if (fact.type() == ClaimDisputed.class && !orDispute) {
            throw new RecordingRefused(NOT_CORRECTABLE, field, "fact " + id + " is a ClaimDisputed, which can only be"
                    + " withdrawn (retracted), not corrected or disputed");
        }
        if (!fact.amendable() && fact.type() != ClaimDisputed.class) {
            throw new RecordingRefused(NOT_CORRECTABLE, field, "fact " + id + " is a " + fact.type().getSimpleName()
                    + ", which cannot be retracted, corrected or disputed");
        }
        if (fact.retracted()) {
            throw new RecordingRefused(FACT_RETRACTED, field, "fact " + id + " is already retracted"
                    + (fact.type() == ClaimDisputed.class ? " (the dispute was withdrawn)" : ""));
        }
        if (fact.supersededBy() != null) {
            throw new RecordingRefused(FACT_SUPERSEDED, field, "fact " + id + " was corrected; its current version is "
                    + fact.supersededBy());
        }
        return fact;
    }
}
