package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.RestraintKind;
import org.casetimeline.core.shared.RestraintOccasion;

/**
 * An instrument of restraint was used on the person. Revision 2 added {@code during}, when it was used; events of
 * revision 1 have only the free-text {@code context}, and read with {@code during} absent.
 */
@Revision("2")
public record RestraintApplied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        RestraintKind kind,
        Boolean asSanction,
        String context,
        RestraintOccasion during) implements RecordedFact {

    public RestraintApplied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(kind, "kind");
    }
}
