package org.casetimeline.api.cases;

import java.util.List;
import java.util.UUID;

import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.Source;

import tools.jackson.databind.node.ObjectNode;

/**
 * The body of {@code POST /api/v1/cases/{caseId}/events}: a fact's type, when it happened, its sources, how
 * established and how confidential it is, and its own fields in {@code data}. Who recorded it and when are
 * never part of the body. {@code factId} may be given (imports that keep their ids); otherwise it is assigned.
 */
public record FactRequest(
        String type,
        UUID factId,
        String occurredAt,
        String occurredUntil,
        List<Source> sources,
        ClaimStatus claim,
        Confidentiality confidentiality,
        ObjectNode data) {
}
