package org.casetimeline.projections.status;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.SolitarySpell;
import org.casetimeline.core.event.AppealDecided;
import org.casetimeline.core.event.FactBounds;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.event.MedicalConditionReported;
import org.casetimeline.core.event.MedicalRequestMade;
import org.casetimeline.core.event.PersonTransferred;
import org.casetimeline.core.event.SentenceCommuted;
import org.casetimeline.core.event.SentenceImposed;
import org.casetimeline.core.shared.Place;
import org.casetimeline.core.timeline.CustodyEnds;
import org.casetimeline.core.timeline.CustodyHistory;
import org.casetimeline.core.timeline.MedicalRequests;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;
import org.casetimeline.projections.status.CaseStatusView.Dated;

/**
 * Reads a person's status off a timeline as of an instant: a pure function, recomputed whole whenever a fact
 * lands (late facts included), and the same code for the live projection and for as-of reads.
 */
public final class CaseStatusReport {

    private static final String WHEREABOUTS = "MR68-WHEREABOUTS";

    private CaseStatusReport() {
    }

    public static CaseStatusView of(String caseId, Timeline timeline, Instant asOf, Instant knownAt, List<Finding> findings) {
        CustodyHistory custody = CustodyHistory.of(timeline);
        List<TimelineFact> facts = timeline.factsUpTo(asOf);
        Place home = timeline.home(asOf);
        var placement = custody.placementAt(asOf).filter(p -> custody.inCustodyAt(asOf));
        CaseStatusView.Placement facility = placement.map(p -> {
            var registered = timeline.facility(p.facilityId());
            return new CaseStatusView.Placement(p.inTransit() ? null : p.facilityId().toString(),
                    registered.map(f -> f.name()).orElse(null), registered.map(f -> f.officialCode()).orElse(null),
                    registered.map(f -> f.city()).orElse(null), registered.map(f -> f.country()).orElse(null),
                    p.inTransit(), dated(p.start()));
        }).orElse(null);
        Double distance = placement.flatMap(p -> timeline.facility(p.facilityId()))
                .filter(f -> f.coordinates() != null && home != null && home.coordinates() != null)
                .map(f -> Math.round(f.coordinates().kilometresTo(home.coordinates()) * 10) / 10.0).orElse(null);
        Integer travel = placement.map(p -> p.start().fact() instanceof PersonTransferred t ? t.reportedTravelKm() : null)
                .orElse(null);
        long version = timeline.recordings().isEmpty() ? -1 : timeline.recordings().get(timeline.recordings().size() - 1).sequence();
        CustodyDays days = custodyDays(facts, asOf);
        return new CaseStatusView(caseId, timeline.names(), home, custody.stateAt(asOf), facility, distance, travel,
                sentence(facts, custody, asOf), regime(timeline, asOf), health(timeline, facts, asOf),
                familyContact(facts, findings), days.days(), days.approximate(), Conflicts.in(timeline, asOf), openFlags(findings), asOf, knownAt, version);
    }

    private static CaseStatusView.Sentence sentence(List<TimelineFact> facts, CustodyHistory custody, Instant asOf) {
        TimelineFact imposed = null;
        Integer months = null;
        for (TimelineFact fact : facts) {
            if (fact.fact() instanceof SentenceImposed sentence) {
                imposed = fact;
                months = sentence.termMonths();
            } else if (fact.fact() instanceof AppealDecided appeal && appeal.newTermMonths() != null && imposed != null) {
                months = appeal.newTermMonths();
            } else if (fact.fact() instanceof SentenceCommuted commuted && commuted.newTermMonths() != null && imposed != null) {
                months = commuted.newTermMonths();
            }
        }
        if (imposed == null) {
            return null;
        }
        Optional<TimelineFact> from = custody.custodySince(imposed.latest());
        String expectedEnd = null;
        Long remaining = null;
        // a term stored before terms were held to their range gives no end: a date a hundred million years on says nothing
        if (FactBounds.TERM_MONTHS.holds(months) && from.isPresent()) {
            var end = from.get().earliest().atZone(ZoneOffset.UTC).toLocalDate().plusMonths(months);
            expectedEnd = end.toString();
            remaining = custody.inCustodyAt(asOf)
                    ? Math.max(0, Duration.between(asOf, end.atStartOfDay(ZoneOffset.UTC).toInstant()).toDays()) : null;
        }
        return new CaseStatusView.Sentence(dated(imposed), months, from.map(CaseStatusReport::dated).orElse(null),
                expectedEnd, remaining);
    }

    /**
     * The solitary confinement open as of {@code asOf}, from the spells the solitary-confinement checks read, so that the
     * status and their findings agree: a spell ends at its own end date, a recorded end, or release or death.
     */
    private static CaseStatusView.Regime regime(Timeline timeline, Instant asOf) {
        TimelineFact since = SolitarySpell.of(CaseFacts.of(timeline, asOf), Duration.ZERO).stream()
                .filter(SolitarySpell::open).map(spell -> spell.impositions().get(0)).findFirst().orElse(null);
        return new CaseStatusView.Regime(since == null ? null : dated(since));
    }

    private static CaseStatusView.Health health(Timeline timeline, List<TimelineFact> facts, Instant asOf) {
        List<String> conditions = new ArrayList<>(timeline.knownConditions(asOf));
        for (TimelineFact fact : facts) {
            if (fact.fact() instanceof MedicalConditionReported reported && !conditions.contains(reported.condition())) {
                conditions.add(reported.condition());
            }
        }
        return new CaseStatusView.Health(List.copyOf(conditions), MedicalRequests.of(timeline).stream()
                .filter(waiting -> waiting.openAt(asOf))
                .map(waiting -> new CaseStatusView.WaitingRequest(waiting.request().factId().toString(),
                        waiting.request().as(MedicalRequestMade.class).request(), dated(waiting.request()),
                        Duration.between(waiting.request().earliest(), asOf).toDays()))
                .toList());
    }

    private static CaseStatusView.FamilyContact familyContact(List<TimelineFact> facts, List<Finding> findings) {
        TimelineFact last = null;
        for (TimelineFact fact : facts) {
            if (fact.is(FamilyContactOccurred.class)) {
                last = fact;
            }
        }
        Optional<Finding> unknown = findings.stream()
                .filter(f -> f.ruleId().equals(WHEREABOUTS) && f.open() && f.kind() != FindingKind.UNKNOWN).findFirst();
        return new CaseStatusView.FamilyContact(last == null ? null : dated(last), unknown.isEmpty(),
                unknown.map(f -> new Dated(f.start().toString(), null)).orElse(null));
    }

    private record CustodyDays(Long days, boolean approximate) {
    }

    private static CustodyDays custodyDays(List<TimelineFact> facts, Instant asOf) {
        Instant spellStart = null;
        boolean approximate = false;
        long days = 0;
        boolean any = false;
        for (TimelineFact fact : facts) {
            boolean ends = CustodyEnds.ends(fact);
            if (ends && spellStart != null) {
                // an end read after the custody it ends may begin before it (released in the month of the arrest)
                days += Math.max(0, Duration.between(spellStart, fact.earliest()).toDays());
                approximate |= fact.approximate();
                spellStart = null;
            } else if (!ends && spellStart == null && CustodyEnds.starts(fact)) {
                spellStart = fact.earliest();
                approximate |= fact.approximate();
                any = true;
            }
        }
        if (spellStart != null) {
            days += Duration.between(spellStart, asOf).toDays();
        }
        return any ? new CustodyDays(days, approximate) : new CustodyDays(null, false);
    }

    private static Map<String, Integer> openFlags(List<Finding> findings) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Severity severity : Severity.values()) {
            counts.put(severity.name(), 0);
        }
        findings.stream().filter(f -> f.open() && f.kind() != FindingKind.UNKNOWN)
                .forEach(f -> counts.merge(f.severity().name(), 1, Integer::sum));
        return counts;
    }

    private static Dated dated(TimelineFact fact) {
        return new Dated(fact.fact().occurred().at(), fact.fact().occurred().precision());
    }
}
