package org.casetimeline.core.prisonercase;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.casetimeline.core.command.CorrectFact;
import org.casetimeline.core.command.DisputeClaim;
import org.casetimeline.core.command.RecordFact;
import org.casetimeline.core.command.RegisterPrisoner;
import org.casetimeline.core.command.RetractFact;
import org.casetimeline.core.event.ClaimDisputed;
import org.casetimeline.core.event.EventCorrected;
import org.casetimeline.core.event.EventRetracted;
import org.casetimeline.core.event.FamilyNotNotified;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.ClaimStatus;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.shared.Occurrence;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.shared.Provenance;
import org.casetimeline.core.shared.Reliability;
import org.casetimeline.core.shared.Source;
import org.casetimeline.core.shared.SourceKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrisonerCaseTest {

    private static final CaseId ATABEK = new CaseId(UUID.fromString("00000000-0000-4000-8000-00000000a7ab"));
    private static final FacilityId ARKALYK = new FacilityId(UUID.fromString("00000000-0000-4000-8000-0000000000a1"));
    private static final FacilityId KARAGANDY = new FacilityId(UUID.fromString("00000000-0000-4000-8000-0000000000a2"));
    private static final FacilityId PAVLODAR = new FacilityId(UUID.fromString("00000000-0000-4000-8000-0000000000a3"));
    private static final Provenance PEN = new Provenance(
            List.of(new Source(SourceKind.NGO_REPORT, "PEN International, RAN 41/13", Reliability.B)),
            ClaimStatus.ALLEGED, Confidentiality.PUBLIC);

    private AggregateTestFixture<PrisonerCase> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PrisonerCase.class);
        // the writer sees every fact unless a test says otherwise: the level rules are about the facts, not the writer
        fixture.registerCommandDispatchInterceptor(messages -> (index, command) ->
                command.getMetaData().containsKey(PrisonerCase.WRITER_CLEARANCE) ? command
                        : command.andMetaData(Map.of(PrisonerCase.WRITER_CLEARANCE, "CONFIDENTIAL")));
    }

    private static FactId fact(int n) {
        return new FactId(new UUID(0, n));
    }

    private static PrisonerRegistered registered() {
        return new PrisonerRegistered(ATABEK, fact(1), PEN, List.of("Aron Atabek", "Арон Атабек"), 1953, "male",
                "Kazakhstan", "poet", new Place("Almaty", "Almaty", "KZ", null), "his son", List.of());
    }

    private static PersonTransferred transferred(FactId id, FacilityId to, String on) {
        return transferred(id, to, on, Confidentiality.PUBLIC);
    }

    private static PersonTransferred transferred(FactId id, FacilityId to, String on, Confidentiality level) {
        return new PersonTransferred(ATABEK, id, Occurrence.at(on), at(level), ARKALYK, to, false, null, null, null, null);
    }

    private static Provenance at(Confidentiality level) {
        return new Provenance(PEN.sources(), PEN.claim(), level);
    }

    @Test
    void givenNoCase_whenRegisterPrisoner_thenPrisonerRegistered() {
        PrisonerRegistered expected = registered();
        fixture.givenNoPriorActivity()
                .when(new RegisterPrisoner(ATABEK, expected.factId(), PEN, expected.names(), 1953, "male", "Kazakhstan",
                        "poet", expected.home(), "his son", List.of()))
                .expectSuccessfulHandlerExecution()
                .expectEvents(expected);
    }

    @Test
    void givenRegisteredCase_whenRecordFact_thenTheFactIsAppliedAsGivenAndTheNewVersionAnswered() {
        PersonTransferred transfer = transferred(fact(2), KARAGANDY, "2013-10-05");
        fixture.given(registered())
                .when(new RecordFact(ATABEK, null, transfer))
                .expectEvents(transfer)
                .expectResultMessagePayload(1L);
    }

    @Test
    void givenLaterFacts_whenAnEarlierFactArrivesLate_thenItIsRecordedNotRefused() {
        PersonTransferred later = transferred(fact(2), PAVLODAR, "2014-03");
        PersonTransferred earlier = transferred(fact(3), KARAGANDY, "2013-10-05");
        fixture.given(registered(), later)
                .when(new RecordFact(ATABEK, null, earlier))
                .expectEvents(earlier);
    }

    @Test
    void givenContradictoryFacts_whenBothTransfersAreOnTheSameDay_thenBothAreKept() {
        PersonTransferred one = transferred(fact(2), KARAGANDY, "2013-10-05");
        PersonTransferred other = transferred(fact(3), PAVLODAR, "2013-10-05");
        fixture.given(registered(), one)
                .when(new RecordFact(ATABEK, null, other))
                .expectEvents(other);
    }

    @Test
    void givenAFactId_whenItIsReused_thenRefusedAndNothingApplied() {
        PersonTransferred transfer = transferred(fact(2), KARAGANDY, "2013-10-05");
        fixture.given(registered(), transfer)
                .when(new RecordFact(ATABEK, null, transferred(fact(2), PAVLODAR, "2014-03")))
                .expectNoEvents()
                .expectException(RecordingRefused.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(fact(2).toString()));
    }

    @Test
    void givenAFactOfAnotherCase_whenRecorded_thenRefused() {
        CaseId other = new CaseId(new UUID(9, 9));
        PersonTransferred foreign = new PersonTransferred(other, fact(2), Occurrence.at("2013-10-05"), PEN, ARKALYK,
                KARAGANDY, null, null, null, null, null);
        fixture.given(registered())
                .when(new RecordFact(ATABEK, null, foreign))
                .expectNoEvents()
                .expectException(RecordingRefused.class);
    }

    @Test
    void givenAFact_whenRetracted_thenEventRetracted() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", PEN))
                .expectEvents(new EventRetracted(ATABEK, fact(3), PEN, fact(2), "wrong person"));
    }

    @Test
    void givenARetractedFact_whenRetractedAgain_thenRefusedAsAlreadyRetracted() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"),
                        new EventRetracted(ATABEK, fact(3), PEN, fact(2), "wrong person"))
                .when(new RetractFact(ATABEK, null, fact(4), fact(2), "again", PEN))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.FACT_RETRACTED));
    }

    @Test
    void givenNoSuchFact_whenRetracted_thenRefusedAsUnknown() {
        fixture.given(registered())
                .when(new RetractFact(ATABEK, null, fact(4), fact(99), "typo", PEN))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.UNKNOWN_FACT));
    }

    @Test
    void givenTheRegistration_whenRetracted_thenRefusedAsNotCorrectable() {
        fixture.given(registered())
                .when(new RetractFact(ATABEK, null, fact(4), fact(1), "typo", PEN))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.NOT_CORRECTABLE));
    }

    @Test
    void givenAFact_whenCorrected_thenEventCorrectedFollowedByTheReplacement() {
        PersonTransferred replacement = transferred(fact(4), PAVLODAR, "2013-10-06");
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new CorrectFact(ATABEK, null, fact(3), fact(2), "the family confirmed the 6th", PEN, replacement))
                .expectEvents(new EventCorrected(ATABEK, fact(3), PEN, fact(2), fact(4), "the family confirmed the 6th"),
                        replacement)
                .expectResultMessagePayload(3L);
    }

    @Test
    void givenACorrectedFact_whenCorrectedAgain_thenRefusedNamingTheCurrentVersion() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"),
                        new EventCorrected(ATABEK, fact(3), PEN, fact(2), fact(4), "date"),
                        transferred(fact(4), KARAGANDY, "2013-10-06"))
                .when(new CorrectFact(ATABEK, null, fact(5), fact(2), "again", PEN, transferred(fact(6), PAVLODAR, "2013-10-07")))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.FACT_SUPERSEDED));
    }

    @Test
    void givenAFact_whenCorrectedWithAnotherType_thenRefused() {
        FamilyNotNotified other = new FamilyNotNotified(ATABEK, fact(4), Occurrence.at("2013-10-05"), PEN,
                NoticeSubject.TRANSFER, true);
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new CorrectFact(ATABEK, null, fact(3), fact(2), "type", PEN, other))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.TYPE_MISMATCH));
    }

    @Test
    void givenAFact_whenDisputed_thenClaimDisputedAndTheFactStaysCorrectable() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new DisputeClaim(ATABEK, null, fact(3), fact(2), "the prison service says he stayed in Arkalyk", PEN))
                .expectEvents(new ClaimDisputed(ATABEK, fact(3), PEN, fact(2), "the prison service says he stayed in Arkalyk"));
    }

    @Test
    void givenADispute_whenWithdrawn_thenRetracted_andItCanBeNeitherWithdrawnAgainNorCorrectedNorDisputed() {
        ClaimDisputed dispute = new ClaimDisputed(ATABEK, fact(3), PEN, fact(2), "the prison says he stayed in Arkalyk");
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"), dispute)
                .when(new RetractFact(ATABEK, null, fact(4), fact(3), "the register shows the move", PEN))
                .expectEvents(new EventRetracted(ATABEK, fact(4), PEN, fact(3), "the register shows the move"));
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"), dispute,
                        new EventRetracted(ATABEK, fact(4), PEN, fact(3), "the register shows the move"))
                .when(new RetractFact(ATABEK, null, fact(5), fact(3), "again", PEN))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.FACT_RETRACTED));
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"), dispute)
                .when(new CorrectFact(ATABEK, null, fact(4), fact(3), "wording", PEN, transferred(fact(5), PAVLODAR, "2013-10-06")))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.NOT_CORRECTABLE));
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"), dispute)
                .when(new DisputeClaim(ATABEK, null, fact(4), fact(3), "the prison is right", PEN))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.NOT_CORRECTABLE));
    }

    @Test
    void givenARetractedFact_whenDisputed_thenRefused() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"),
                        new EventRetracted(ATABEK, fact(3), PEN, fact(2), "wrong"))
                .when(new DisputeClaim(ATABEK, null, fact(4), fact(2), "no", PEN))
                .expectNoEvents()
                .expectException(refused(RecordingRefused.Reason.FACT_RETRACTED));
    }

    /** A case registered above the writer's clearance is no case to them: nothing is written, and nothing tells it exists. */
    @Test
    void givenAConfidentialCase_whenAWriterClearedOnlyForRestrictedRecordsOrAmends_thenItIsNoCaseToThem() {
        PrisonerRegistered secretCase = confidentialRegistration();
        PersonTransferred moved = transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL);
        MetaData restricted = MetaData.with(PrisonerCase.WRITER_CLEARANCE, "RESTRICTED");

        fixture.given(secretCase)
                .when(new RecordFact(ATABEK, null, transferred(fact(3), PAVLODAR, "2014-03-01")), restricted)
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
        fixture.given(secretCase, moved)
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", at(Confidentiality.CONFIDENTIAL)), restricted)
                .expectNoEvents()
                .expectException(AggregateNotFoundException.class);
        fixture.given(secretCase)
                .when(new RecordFact(ATABEK, null, transferred(fact(3), PAVLODAR, "2014-03-01")),
                        MetaData.with(PrisonerCase.WRITER_CLEARANCE, "CONFIDENTIAL"))
                .expectEvents(transferred(fact(3), PAVLODAR, "2014-03-01"));
    }

    @Test
    void givenAConfidentialFact_whenAWriterClearedOnlyForRestrictedAmendsIt_thenItIsNoFactToThem() {
        PersonTransferred secret = transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL);
        MetaData restricted = MetaData.with(PrisonerCase.WRITER_CLEARANCE, "RESTRICTED");
        // answered as an unknown fact, not with its level, type or state: the writer may not see it
        fixture.given(registered(), secret)
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", at(Confidentiality.CONFIDENTIAL)), restricted)
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.UNKNOWN_FACT, "retractedFactId"));
        fixture.given(registered(), secret)
                .when(new DisputeClaim(ATABEK, null, fact(3), fact(2), "no", at(Confidentiality.CONFIDENTIAL)), restricted)
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.UNKNOWN_FACT, "disputedFactId"));
        fixture.given(registered(), secret)
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", at(Confidentiality.CONFIDENTIAL)),
                        MetaData.with(PrisonerCase.WRITER_CLEARANCE, "CONFIDENTIAL"))
                .expectEvents(new EventRetracted(ATABEK, fact(3), at(Confidentiality.CONFIDENTIAL), fact(2), "wrong person"));
        // a command that names no clearance is taken as from a writer who sees public facts only
        new AggregateTestFixture<>(PrisonerCase.class).given(registered(), secret)
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", at(Confidentiality.CONFIDENTIAL)))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.UNKNOWN_FACT, "retractedFactId"));
    }

    @Test
    void givenAConfidentialFact_whenRetractedOrCorrectedAtAnotherLevel_thenRefusedNamingConfidentiality() {
        PersonTransferred secret = transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL);
        // below the fact, a correction would show the whole fact to public readers
        fixture.given(registered(), secret)
                .when(new CorrectFact(ATABEK, null, fact(3), fact(2), "the 6th", PEN, transferred(fact(4), PAVLODAR, "2013-10-06")))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.LEVEL_MISMATCH, "confidentiality"));
        fixture.given(registered(), secret)
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", PEN))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.LEVEL_MISMATCH, "confidentiality"));
        // above it, readers of the fact would go on counting a withdrawn fact
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new RetractFact(ATABEK, null, fact(3), fact(2), "wrong person", at(Confidentiality.RESTRICTED)))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.LEVEL_MISMATCH, "confidentiality"));
    }

    @Test
    void givenAConfidentialFact_whenCorrectedAtItsLevel_thenTheReplacementKeepsIt() {
        PersonTransferred replacement = transferred(fact(4), PAVLODAR, "2013-10-06", Confidentiality.CONFIDENTIAL);
        Provenance confidential = at(Confidentiality.CONFIDENTIAL);
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL))
                .when(new CorrectFact(ATABEK, null, fact(3), fact(2), "the 6th", confidential, replacement))
                .expectEvents(new EventCorrected(ATABEK, fact(3), confidential, fact(2), fact(4), "the 6th"), replacement);
    }

    @Test
    void givenAReplacementStoredBelowItsConfidentialFact_whenAmended_thenHeldToTheFactsLevel() {
        // stored before the case refused a correction below its fact: the replacement is read at the fact's level
        PersonTransferred oldReplacement = transferred(fact(4), PAVLODAR, "2013-10-06");
        Provenance confidential = at(Confidentiality.CONFIDENTIAL);
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL),
                        new EventCorrected(ATABEK, fact(3), PEN, fact(2), fact(4), "the 6th"), oldReplacement)
                .when(new RetractFact(ATABEK, null, fact(5), fact(4), "wrong person", confidential))
                .expectEvents(new EventRetracted(ATABEK, fact(5), confidential, fact(4), "wrong person"));
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL),
                        new EventCorrected(ATABEK, fact(3), PEN, fact(2), fact(4), "the 6th"), oldReplacement)
                .when(new RetractFact(ATABEK, null, fact(5), fact(4), "wrong person", PEN))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.LEVEL_MISMATCH, "confidentiality"));
    }

    @Test
    void givenAConfidentialFact_whenItsCorrectionCarriesAPublicReplacement_thenRefused() {
        Provenance confidential = at(Confidentiality.CONFIDENTIAL);
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL))
                .when(new CorrectFact(ATABEK, null, fact(3), fact(2), "the 6th", confidential,
                        transferred(fact(4), PAVLODAR, "2013-10-06")))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.LEVEL_MISMATCH, "confidentiality"));
    }

    @Test
    void givenAFact_whenDisputedFromAMoreConfidentialSource_thenRecordedButNeverFromALessConfidentialOne() {
        Provenance restricted = at(Confidentiality.RESTRICTED);
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new DisputeClaim(ATABEK, null, fact(3), fact(2), "a guard says he stayed", restricted))
                .expectEvents(new ClaimDisputed(ATABEK, fact(3), restricted, fact(2), "a guard says he stayed"));
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.RESTRICTED))
                .when(new DisputeClaim(ATABEK, null, fact(3), fact(2), "the prison service says he stayed", PEN))
                .expectNoEvents()
                .expectException(refusedAt(RecordingRefused.Reason.LEVEL_MISMATCH, "confidentiality"));
    }

    @Test
    void givenAnExpectedVersion_whenTheCaseMovedOn_thenConflictingVersionRefused() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new RecordFact(ATABEK, 0L, transferred(fact(3), PAVLODAR, "2014-03")))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
    }

    /** A writer not cleared for the case learns nothing from the version they name: not that it exists, nor its length. */
    @Test
    void givenAConfidentialCase_whenAWriterClearedOnlyForRestrictedNamesAnyVersion_thenItIsNoCaseToThem() {
        PrisonerRegistered secretCase = confidentialRegistration();
        MetaData restricted = MetaData.with(PrisonerCase.WRITER_CLEARANCE, "RESTRICTED");
        for (long version : new long[] {0L, 1L, 1_000_000L}) {
            fixture.given(secretCase, transferred(fact(2), KARAGANDY, "2013-10-05", Confidentiality.CONFIDENTIAL))
                    .when(new RecordFact(ATABEK, version, transferred(fact(3), PAVLODAR, "2014-03")), restricted)
                    .expectNoEvents()
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Test
    void givenAnExpectedVersionAheadOfTheCase_whenRecorded_thenConflictingVersionRefused() {
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new RecordFact(ATABEK, 7L, transferred(fact(3), PAVLODAR, "2014-03")))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.ConflictingAggregateVersionException.class);
        fixture.given(registered(), transferred(fact(2), KARAGANDY, "2013-10-05"))
                .when(new RecordFact(ATABEK, 1L, transferred(fact(3), PAVLODAR, "2014-03")))
                .expectEvents(transferred(fact(3), PAVLODAR, "2014-03"));
    }

    private static PrisonerRegistered confidentialRegistration() {
        return new PrisonerRegistered(ATABEK, fact(1), at(Confidentiality.CONFIDENTIAL), List.of("Aron Atabek"), 1953,
                "male", "Kazakhstan", "poet", new Place("Almaty", "Almaty", "KZ", null), "his son", List.of());
    }

    private static org.hamcrest.Matcher<RecordingRefused> refused(RecordingRefused.Reason reason) {
        return refusedAt(reason, null);
    }

    /** Refused for this reason and, unless null, naming this field. */
    private static org.hamcrest.Matcher<RecordingRefused> refusedAt(RecordingRefused.Reason reason, String field) {
        return new org.hamcrest.TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(RecordingRefused refused) {
                return refused.reason() == reason && (field == null || field.equals(refused.field()));
            }

            @Override
            public void describeTo(org.hamcrest.Description description) {
                description.appendText("recording refused for " + reason + (field == null ? "" : " at " + field));
            }
        };
    }
}
