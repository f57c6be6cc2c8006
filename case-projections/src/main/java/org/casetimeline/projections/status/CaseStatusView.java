package org.casetimeline.projections.status;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.shared.DatePrecision;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.timeline.CustodyState;

/**
 * One person's status as of an instant, from the facts a reader may see: custody, place, distance from home,
 * sentence, regime, health, family contact, conflicts between sources and open findings by severity. Dates
 * keep the precision their sources gave ({@code since} "2013-10" is a month, not the 1st).
 */
public record CaseStatusView(
        String caseId,
        List<String> names,
        Place home,
        CustodyState custodyState,
        Placement facility,
        Double distanceFromHomeKm,
        Integer reportedTravelKm,
        Sentence sentence,
        Regime regime,
        Health health,
        FamilyContact familyContact,
        Long daysInCustody,
        boolean daysInCustodyApproximate,
        List<Conflict> conflicts,
        Map<String, Integer> openFlags,
        Instant asOf,
        Instant knownAt,
        long version) {

    public record Dated(String date, DatePrecision precision) {
    }

    public record Placement(String facilityId, String name, String officialCode, String city, String country,
                            boolean inTransit, Dated since) {
    }

    public record Sentence(Dated imposed, Integer termMonths, Dated countsFrom, String expectedEnd, Long remainingDays) {
    }

    public record Regime(Dated solitarySince) {
    }

    public record Health(List<String> knownConditions, List<WaitingRequest> openMedicalRequests) {
    }

    public record WaitingRequest(String factId, String request, Dated requested, long waitingDays) {
    }

    public record FamilyContact(Dated lastContact, Boolean familyKnowsWhereabouts, Dated whereaboutsUnknownSince) {
    }

    public record Conflict(String kind, List<String> factIds, String description) {
    }
}
