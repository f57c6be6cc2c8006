package org.casetimeline.core.event;

import org.axonframework.serialization.Revision;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Provenance;

/** Conditions of detention were reported; null means the report is silent on that point. */
@Revision("1")
public record ConditionsReported(
        CaseId caseId,
        FactId factId,
        Occurrence occurred,
        Provenance provenance,
        Boolean naturalLight,
        Boolean lightsOnAroundTheClock,
        Double cellTemperatureCelsius,
        Boolean toilet,
        Boolean bedding,
        Boolean constantVideoSurveillance,
        Boolean booksAllowed,
        Boolean newsAllowed,
        Boolean writingMaterialsAllowed,
        Boolean writingsConfiscated,
        Integer outdoorExerciseMinutesPerDay,
        Boolean exerciseIndoorsOnly,
        Boolean clothingAdequate,
        Boolean heldWithOtherLegalStatus,
        String notes) implements RecordedFact {

    public ConditionsReported {
        Facts.requireEnvelope(caseId, factId, occurred, provenance);
    }
}
