package org.casetimeline.api.cases;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.DatePrecision;
import org.casetimeline.core.shared.Source;

import tools.jackson.databind.node.ObjectNode;

/** One stored event as auditors read it: what, when it happened and with what precision, who recorded it and when. */
public record EventView(
        String eventId,
        long sequence,
        String type,
        String occurredAt,
        String occurredUntil,
        DatePrecision precision,
        Instant recordedAt,
        String recordedBy,
        List<Source> sources,
        ClaimStatus claim,
        Confidentiality confidentiality,
        ObjectNode data) {
}
