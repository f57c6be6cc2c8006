package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** An assistive device or needed adjustment (cane, crutches, wheelchair, glasses) was denied. */
@Revision("1")
public record AssistiveDeviceDenied(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        String device,
        String deniedBy) implements RecordedFact {

    public AssistiveDeviceDenied {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
        Facts.require(device, "device");
    }
}
