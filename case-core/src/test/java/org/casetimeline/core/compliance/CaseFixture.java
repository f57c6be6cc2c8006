package org.casetimeline.core.compliance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

import org.casetimeline.core.event.*;
import org.casetimeline.core.shared.*;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;

/**
 * One person's case built in the field's words: {@code aCase.transferred(from(ARKALYK), to(KARAGANDY)).on("2013-10-05")}.
 * Ids and recording times are deterministic; every fact is recorded in the order the test states it.
 */
public final class CaseFixture {

    public static final FacilityRegistered ARKALYK = facility(1, "Arkalyk prison", "UK 161/12", 50.2486, 66.9114);
    public static final FacilityRegistered KARAGANDY = facility(2, "Karagandy detention centre", null, 49.8047, 73.1094);
    public static final FacilityRegistered PAVLODAR = facility(3, "Pavlodar prison", "AP-162/1", 52.2873, 76.9674);
    public static final FacilityRegistered ALMATY_SIZO = facility(4, "Almaty pre-trial detention centre", null, 43.2500, 76.9000);
    public static final FacilityRegistered TALDYKORGAN = facility(5, "Taldykorgan prison", null, 45.0156, 78.3739);
    public static final FacilityRegistered NORTH_499_KM = facility(7, "Colony 499 km north", null, 47.7200, 76.8897);
    public static final FacilityRegistered NORTH_501_KM = facility(8, "Colony 501 km north", null, 47.7500, 76.8897);
    public static final FacilityRegistered ATYRAU_SIZO = facility(9, "Atyrau pre-trial detention centre", null, 47.1000, 51.9000);
    public static final FacilityRegistered AKTOBE = facility(10, "Aktobe pre-trial detention centre", null, 50.2839, 57.1670);
    public static final FacilityRegistered PETROPAVLOVSK = facility(11, "Petropavlovsk penal colony", "EC 164/3", 54.8753, 69.1628);
    public static final Place ATYRAU = new Place("Atyrau", "Atyrau", "KZ", new Coordinates(47.0945, 51.9238));
    public static final FacilityRegistered UNMAPPED = new FacilityRegistered(new FacilityId(new UUID(1, 6)),
            "Unmapped colony", null, FacilityKind.PENAL_COLONY, null, null, "Kazakhstan", null, Confidentiality.PUBLIC);
    public static final Place ALMATY = new Place("Almaty", "Almaty", "KZ", new Coordinates(43.2389, 76.8897));
    public static final Instant RECORDED_FROM = Instant.parse("2030-01-01T00:00:00Z");

    private final CaseId caseId = new CaseId(new UUID(7, 7));
    private final List<Recording> recordings = new ArrayList<>();
    private final Map<FacilityId, FacilityRegistered> facilities = new HashMap<>();
    private final List<FactId> notBreaches = new ArrayList<>();
    private long nextId = 1;

    private CaseFixture(Place home) {
        for (FacilityRegistered facility : List.of(ARKALYK, KARAGANDY, PAVLODAR, ALMATY_SIZO, TALDYKORGAN, NORTH_499_KM, NORTH_501_KM, ATYRAU_SIZO, AKTOBE, PETROPAVLOVSK, UNMAPPED)) {
            facilities.put(facility.facilityId(), facility);
        }
        record(new PrisonerRegistered(caseId, newId(), provenance(), List.of("Aron Atabek"), 1953, "male",
                "Kazakhstan", "poet", home, "his son", List.of()));
    }

    public static CaseFixture aCase() {
        return new CaseFixture(ALMATY);
    }

    public static CaseFixture aCaseWithHome(Place home) {
        return new CaseFixture(home);
    }

    public static FacilityId from(FacilityRegistered facility) {
        return facility.facilityId();
    }

    public static FacilityId to(FacilityRegistered facility) {
        return facility.facilityId();
    }

    public static FacilityId at(FacilityRegistered facility) {
        return facility.facilityId();
    }

    public static Instant instant(String iso) {
        return Instant.parse(iso.length() == 10 ? iso + "T00:00:00Z" : iso);
    }

    // ---- deprivation of liberty and place of detention

    public Pending detained(FacilityId facility) {
        return pending((id, when) -> new PersonDetained(caseId, id, when, provenance(), "police", facility, "charges"));
    }

    public Pending transferred(FacilityId from, FacilityId to) {
        return transferred(from, to, null, null);
    }

    public Pending transferred(FacilityId from, FacilityId to, Boolean noticeGiven, Boolean clothingAdequate) {
        return pending((id, when) -> new PersonTransferred(caseId, id, when, provenance(), from, to, noticeGiven,
                null, null, null, clothingAdequate));
    }

    public Pending transferStarted(FacilityId from) {
        return pending((id, when) -> new TransferStarted(caseId, id, when, provenance(), from, null, null));
    }

    public Pending admitted(FacilityId facility) {
        return pending((id, when) -> new AdmittedToFacility(caseId, id, when, provenance(), facility));
    }

    public Pending released(ReleaseKind kind, Boolean onHealthGrounds) {
        return pending((id, when) -> new PersonReleased(caseId, id, when, provenance(), kind, onHealthGrounds));
    }

    public Pending died(Boolean inCustody) {
        return pending((id, when) -> new PersonDied(caseId, id, when, provenance(), inCustody, "home", "heart failure",
                null, true, true));
    }

    public Pending diedInCustody(Boolean nextOfKinInformed, Boolean bodyReturned) {
        return pending((id, when) -> new PersonDied(caseId, id, when, provenance(), true, "the prison hospital", "heart failure",
                null, nextOfKinInformed, bodyReturned));
    }

    public Pending transferredUnderHardship(FacilityId from, FacilityId to) {
        return pending((id, when) -> new PersonTransferred(caseId, id, when, provenance(), from, to, true,
                1500, "an unheated prison wagon", true, null));
    }

    public Pending paroleRefused() {
        return pending((id, when) -> new ParoleDecided(caseId, id, when, provenance(), false, "court"));
    }

    public Pending convicted() {
        return pending((id, when) -> new PersonConvicted(caseId, id, when, provenance(), "court", List.of("174", "274", "400")));
    }

    public Pending appealUpheld() {
        return pending((id, when) -> new AppealDecided(caseId, id, when, provenance(), "regional court", AppealOutcome.UPHELD, null));
    }

    public Pending hungerStrike() {
        return pending((id, when) -> new HungerStrikeStarted(caseId, id, when, provenance(), "a fair trial"));
    }

    public Pending sentenced(int months) {
        return pending((id, when) -> new SentenceImposed(caseId, id, when, provenance(), "court", months, "strict", null));
    }

    public Pending sentencedWithSolitary(int months) {
        return pending((id, when) -> new SentenceImposed(caseId, id, when, provenance(), "court", months, "strict", true));
    }

    // ---- notice, whereabouts and contact

    public Pending familyNotified(NoticeSubject about, FacilityId named) {
        return pending((id, when) -> new FamilyNotified(caseId, id, when, provenance(), about, named, "prison"));
    }

    public Pending familyNotNotified(NoticeSubject about) {
        return pending((id, when) -> new FamilyNotNotified(caseId, id, when, provenance(), about, true));
    }

    public Pending whereaboutsUnknown() {
        return pending((id, when) -> new WhereaboutsUnknownReported(caseId, id, when, provenance(), "his son"));
    }

    public Pending inquiryRefused() {
        return pending((id, when) -> new WhereaboutsInquiryRefused(caseId, id, when, provenance(), "his son", "prosecutor"));
    }

    public Pending whereaboutsConfirmed(FacilityId facility, boolean official) {
        return pending((id, when) -> new WhereaboutsConfirmed(caseId, id, when, provenance(), facility, official,
                official ? "prison service" : "a released prisoner"));
    }

    public Pending familyContact(ContactChannel channel) {
        return pending((id, when) -> new FamilyContactOccurred(caseId, id, when, provenance(), channel));
    }

    public Pending familyContactDenied(ContactChannel channel, Integer banDays, Boolean asSanction) {
        return pending((id, when) -> new FamilyContactDenied(caseId, id, when, provenance(), channel, banDays,
                "discipline", asSanction));
    }

    public Pending relativeSeriouslyIll(boolean died) {
        return pending((id, when) -> new RelativeSeriouslyIllOrDied(caseId, id, when, provenance(), "Zhanar", "mother", died));
    }

    public Pending toldOfRelativeNews(FactId news) {
        return pending((id, when) -> new PersonToldOfRelativeNews(caseId, id, when, provenance(), news));
    }

    public Pending relativeDetained() {
        return pending((id, when) -> new RelativeDetained(caseId, id, when, provenance(), "Nurlan", "son"));
    }

    // ---- lawyers, judges, complaints

    public Pending legalAccessRequested() {
        return pending((id, when) -> new LegalAccessRequested(caseId, id, when, provenance(), "Ms Ivanova"));
    }

    public Pending legalAccessDenied() {
        return pending((id, when) -> new LegalAccessDenied(caseId, id, when, provenance(), "Ms Ivanova", "investigation secrecy"));
    }

    public Pending legalVisit(Boolean inConfidence) {
        return pending((id, when) -> new LegalAccessOccurred(caseId, id, when, provenance(), "Ms Ivanova", inConfidence));
    }

    public Pending broughtBeforeJudge() {
        return pending((id, when) -> new BroughtBeforeJudge(caseId, id, when, provenance(), "Almaty district court", "custody extended"));
    }

    public Pending charged(Boolean personInformed) {
        return pending((id, when) -> new ChargeBrought(caseId, id, when, provenance(), List.of("174"), "investigator", personInformed));
    }

    public Pending trialOpened() {
        return pending((id, when) -> new TrialOpened(caseId, id, when, provenance(), "Almaty city court"));
    }

    public Pending complaintFiled() {
        return pending((id, when) -> new ComplaintFiled(caseId, id, when, provenance(), "the prosecutor", "beatings by guards"));
    }

    public Pending complaintAnswered(FactId complaint) {
        return pending((id, when) -> new ComplaintAnswered(caseId, id, when, provenance(), complaint, "rejected"));
    }

    // ---- regime and conditions

    public Pending solitary() {
        return solitary(15, false, "governor", null, false, false);
    }

    public Pending solitary(Integer plannedDays, boolean indefinite, String authorisedBy, String reviewedBy,
            Boolean partOfSentence, Boolean forExpression) {
        return pending((id, when) -> new SolitaryConfinementImposed(caseId, id, when, provenance(), "discipline",
                plannedDays, indefinite, authorisedBy, reviewedBy, true, partOfSentence, forExpression));
    }

    public Pending solitaryEnded() {
        return pending((id, when) -> new SolitaryConfinementEnded(caseId, id, when, provenance(), "term served"));
    }

    /** A restraint recorded as before revision 2 of the event: its occasion only in free text, if at all. */
    public Pending restrained(RestraintKind kind, Boolean asSanction, String context) {
        return restrained(kind, asSanction, null, context);
    }

    public Pending restrained(RestraintKind kind, Boolean asSanction, RestraintOccasion during, String context) {
        return pending((id, when) -> new RestraintApplied(caseId, id, when, provenance(), kind, asSanction, context, during));
    }

    public Pending sanctioned(String sanction, Boolean personInformed, Boolean hearingHeld) {
        return pending((id, when) -> new DisciplinarySanctionImposed(caseId, id, when, provenance(), sanction, "insubordination",
                personInformed, hearingHeld));
    }

    public Conditions conditions() {
        return new Conditions(this);
    }

    public Pending strippedAndSearched(Boolean daily, Boolean filmed, Boolean inPrivate, Boolean individualReason) {
        return pending((id, when) -> new IntrusiveSearchReported(caseId, id, when, provenance(), SearchKind.STRIP,
                daily, filmed, inPrivate, true, individualReason));
    }

    public Pending patDown() {
        return pending((id, when) -> new IntrusiveSearchReported(caseId, id, when, provenance(), SearchKind.PAT_DOWN,
                true, true, false, true, false));
    }

    // ---- health

    public Pending medicalRequest(Boolean urgent) {
        return pending((id, when) -> new MedicalRequestMade(caseId, id, when, provenance(), "a doctor for his spine",
                urgent, false));
    }

    public Pending medicalRequestDenied(FactId request) {
        return pending((id, when) -> new MedicalRequestDenied(caseId, id, when, provenance(), request, "not needed", "governor"));
    }

    public Pending examined(FactId request) {
        return pending((id, when) -> new MedicalExaminationProvided(caseId, id, when, provenance(), request,
                "prison doctor", "doctor", false, false, null));
    }

    public Pending examinedOnAdmission(Boolean injuriesObserved, Boolean injuriesReported) {
        return pending((id, when) -> new MedicalExaminationProvided(caseId, id, when, provenance(), null,
                "prison doctor", "doctor", true, injuriesObserved, injuriesReported));
    }

    public Pending healthDeteriorated(ConditionSeverity severity, Boolean reportedByHealthStaff, Boolean actionTaken) {
        return pending((id, when) -> new HealthDeteriorationObserved(caseId, id, when, provenance(), severity, "his lawyer",
                reportedByHealthStaff, actionTaken));
    }

    public Pending clinicalRecommendationOverruled(String recommendation) {
        return pending((id, when) -> new ClinicalRecommendationOverruled(caseId, id, when, provenance(), recommendation, "the governor"));
    }

    public Pending conditionsAmended(List<String> knownConditions) {
        return pending((id, when) -> new PrisonerDetailsAmended(caseId, id, when, provenance(), List.of(), null, null, null,
                null, null, null, knownConditions));
    }

    public Pending homeAmended(Place home) {
        return pending((id, when) -> new PrisonerDetailsAmended(caseId, id, when, provenance(), List.of(), null, null, null,
                null, home, null, List.of()));
    }

    public Pending conditionReported(String condition, Boolean disability, ConditionSeverity severity) {
        return pending((id, when) -> new MedicalConditionReported(caseId, id, when, provenance(), condition, disability, severity));
    }

    public Pending deviceDenied(String device) {
        return pending((id, when) -> new AssistiveDeviceDenied(caseId, id, when, provenance(), device, "guards"));
    }

    // ---- ill-treatment

    public Pending illTreatmentAlleged(String kind) {
        return pending((id, when) -> new IllTreatmentAlleged(caseId, id, when, provenance(), kind, "guards", "beaten"));
    }

    public Pending investigationOpened(FactId allegation, Boolean independent) {
        return pending((id, when) -> new InvestigationOpened(caseId, id, when, provenance(), allegation,
                independent == Boolean.FALSE ? "prison administration" : "prosecutor general", independent));
    }

    public Pending investigationRefused(FactId allegation) {
        return pending((id, when) -> new InvestigationRefused(caseId, id, when, provenance(), allegation, "prosecutor", "no grounds"));
    }

    public Pending forensicExaminationRefused() {
        return pending((id, when) -> new ForensicExaminationRefused(caseId, id, when, provenance(), "lawyer", "prosecutor"));
    }

    public Pending investigationClosed(FactId allegation, Boolean familyInformed) {
        return pending((id, when) -> new InvestigationClosed(caseId, id, when, provenance(), allegation, "no crime", familyInformed));
    }

    public Pending reportedToIndependentAuthority() {
        return pending((id, when) -> new ReportedToIndependentAuthority(caseId, id, when, provenance(), "ombudsman", "death"));
    }

    // ---- facts no check reads

    public Pending interventionMade() {
        return pending((id, when) -> new InterventionMade(caseId, id, when, provenance(), "urgent action", "PEN", "president", null));
    }

    public Pending monitoringVisit() {
        return pending((id, when) -> new MonitoringVisitMade(caseId, id, when, provenance(), "SPT", "health deteriorating"));
    }

    // ---- record keeping

    public FactId retract(FactId fact) {
        FactId id = newId();
        record(new EventRetracted(caseId, id, provenance(), fact, "wrong person"));
        return id;
    }

    public FactId dispute(FactId fact) {
        FactId id = newId();
        record(new ClaimDisputed(caseId, id, provenance(), fact, "the prison service denies it"));
        return id;
    }

    /** Marks a fact that must never by itself raise a finding (a sentence, a refused parole). */
    public FactId notABreach(FactId fact) {
        notBreaches.add(fact);
        return fact;
    }

    public List<FactId> notBreaches() {
        return List.copyOf(notBreaches);
    }

    public Timeline timeline() {
        return Timeline.of(recordings, facilities);
    }

    public List<Recording> recordings() {
        return List.copyOf(recordings);
    }

    public Timeline timelineOf(List<Recording> someRecordings) {
        return Timeline.of(someRecordings, facilities);
    }

    public CaseId caseId() {
        return caseId;
    }

    Pending pending(BiFunction<FactId, Occurrence, RecordedFact> make) {
        return new Pending(this, make);
    }

    FactId newId() {
        return new FactId(new UUID(42, nextId++));
    }

    void record(CaseEvent event) {
        long sequence = recordings.size();
        recordings.add(new Recording(event, sequence, RECORDED_FROM.plus(sequence, ChronoUnit.MINUTES), "monitor"));
    }

    Provenance provenance() {
        return new Provenance(List.of(new Source(SourceKind.NGO_REPORT, "PEN International, 2013", Reliability.B)),
                ClaimStatus.CORROBORATED, Confidentiality.PUBLIC);
    }

    private static FacilityRegistered facility(int n, String name, String code, double lat, double lon) {
        return new FacilityRegistered(new FacilityId(new UUID(1, n)), name, code, FacilityKind.PRISON, name,
                null, "Kazakhstan", new Coordinates(lat, lon), Confidentiality.PUBLIC);
    }

    /** A fact waiting for its date: {@code .on("2013-10-05")}, {@code .between("2012-12", "2013-10-05")}. */
    public static final class Pending {
        private final CaseFixture owner;
        private final BiFunction<FactId, Occurrence, RecordedFact> make;
        private FactId corrected;

        Pending(CaseFixture owner, BiFunction<FactId, Occurrence, RecordedFact> make) {
            this.owner = owner;
            this.make = make;
        }

        /** Records this fact as the corrected version of {@code original}. */
        public Pending correcting(FactId original) {
            this.corrected = original;
            return this;
        }

        public FactId on(String iso) {
            return record(Occurrence.at(iso));
        }

        public FactId between(String from, String until) {
            return record(new Occurrence(from, until));
        }

        private FactId record(Occurrence when) {
            FactId id = owner.newId();
            if (corrected != null) {
                owner.record(new EventCorrected(owner.caseId, owner.newId(), owner.provenance(), corrected, id, "date corrected"));
            }
            owner.record(make.apply(id, when));
            return id;
        }
    }
}
