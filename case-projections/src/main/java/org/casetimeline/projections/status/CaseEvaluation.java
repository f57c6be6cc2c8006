package org.casetimeline.projections.status;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.compliance.Evaluation;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.timeline.Placement;

/**
 * A case evaluated as of an instant for one clearance level: status, findings, where each finding began (the
 * facility, or null), stays, when to look again, and the checks' evaluation the findings come from (for the level above).
 */
public record CaseEvaluation(CaseStatusView status, List<Finding> findings, List<Placement> stays,
                             List<FacilityRegistered> findingFacilities, Instant nextDue, Evaluation checks) {
}
