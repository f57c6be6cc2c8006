package org.casetimeline.core.event;

import org.casetimeline.core.shared.Occurrence;

/**
 * A fact about the person that happened at some time, as opposed to record keeping (registration,
 * retraction, correction, dispute). Every fact of the vocabulary is recorded the same way.
 */
public sealed interface RecordedFact extends CaseEvent permits
        AdmittedToFacility, AppealDecided, AssistiveDeviceDenied, BroughtBeforeJudge, ChargeBrought,
        ClinicalRecommendationOverruled, ComplaintAnswered, ComplaintFiled, ConditionsReported,
        DisciplinarySanctionImposed, FamilyContactDenied, FamilyContactOccurred, FamilyNotNotified,
        FamilyNotified, ForensicExaminationRefused, HealthDeteriorationObserved, HungerStrikeEnded,
        HungerStrikeStarted, IllTreatmentAlleged, InterventionMade, IntrusiveSearchReported,
        InvestigationClosed, InvestigationOpened, InvestigationRefused, LegalAccessDenied,
        LegalAccessOccurred, LegalAccessRequested, MedicalConditionReported, MedicalExaminationProvided,
        MedicalRequestDenied, MedicalRequestMade, MonitoringVisitMade, ParoleDecided, PersonConvicted,
        PersonDetained, PersonDied, PersonReleased, PersonToldOfRelativeNews, PersonTransferred,
        PrisonerDetailsAmended, RelativeDetained, RelativeSeriouslyIllOrDied,
        ReportedToIndependentAuthority, ResponseReceived, RestraintApplied, SentenceCommuted,
        SentenceImposed, SolitaryConfinementEnded, SolitaryConfinementImposed, TransferStarted,
        TrialOpened, WhereaboutsConfirmed, WhereaboutsInquiryRefused, WhereaboutsUnknownReported {

    Occurrence occurred();
}
