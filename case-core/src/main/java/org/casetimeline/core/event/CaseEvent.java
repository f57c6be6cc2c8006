package org.casetimeline.core.event;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Provenance;

/**
 * Every event in a prisoner's case stream. The permitted records are the persisted contract: Axon stores
 * their class names, so they are never renamed or moved; they evolve by revision and upcaster.
 */
public sealed interface CaseEvent permits PrisonerRegistered, RecordedFact, EventRetracted, EventCorrected, ClaimDisputed {

    CaseId caseId();

    /** This event's own id, the one monitors and auditors cite. */
    FactId factId();

    Provenance provenance();
}
