package org.casetimeline.core.compliance;

import java.time.Duration;

/**
 * Every threshold of rules.md. Those marked (rule) come from the Nelson Mandela Rules themselves; the others
 * are product defaults for "immediately", "promptly" or "regular intervals", bound from configuration.
 */
public record Thresholds(
        Duration detentionNotice,
        Duration transferNotice,
        Duration whereaboutsUnknown,
        Duration deathNotice,
        Duration relativeNews,
        double distanceConcernKm,
        double distanceSeriousKm,
        Duration solitaryMaximum,
        Duration solitaryJoinGap,
        Duration solitaryReview,
        Duration solitaryHealthVisit,
        Duration familyContactRestriction,
        Duration familyContactGap,
        Duration outdoorExerciseMinimum,
        double cellTemperatureFloorCelsius,
        Duration intrusiveSearchInterval,
        Duration urgentMedicalResponse,
        Duration medicalResponse,
        Duration medicalVisit,
        Duration medicalVisitSerious,
        Duration admissionExamination,
        Duration healthDeteriorationResponse,
        Duration illTreatmentInvestigation,
        Duration custodialDeathReport,
        Duration postReleaseDeath,
        Duration transit,
        Duration legalAccess,
        Duration judicialReview,
        Duration chargeNotification,
        Duration separation,
        Duration readingWriting,
        Duration complaintAnswer) {

    /** The defaults of rules.md. */
    public static Thresholds defaults() {
        return new Thresholds(
                Duration.ofHours(24), Duration.ofHours(24), Duration.ofHours(48), Duration.ofHours(24),
                Duration.ofHours(24), 500, 1000, Duration.ofDays(15), Duration.ofDays(1), Duration.ofDays(15),
                Duration.ofDays(1), Duration.ofDays(14), Duration.ofDays(30), Duration.ofHours(1), 10.0,
                Duration.ofDays(1), Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(24),
                Duration.ofDays(7), Duration.ofHours(24), Duration.ofDays(7), Duration.ofDays(7),
                Duration.ofHours(24), Duration.ofDays(90), Duration.ofHours(72), Duration.ofHours(48),
                Duration.ofHours(48), Duration.ofHours(24), Duration.ofHours(72), Duration.ofDays(7),
                Duration.ofDays(30));
    }
}
