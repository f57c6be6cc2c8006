package org.casetimeline.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.event.ClaimDisputed;
import org.casetimeline.core.event.EventCorrected;
import org.casetimeline.core.event.EventRetracted;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.event.NamedFacilities;
import org.casetimeline.core.event.PrisonerDetailsAmended;
import org.casetimeline.core.event.PrisonerRegistered;
import org.casetimeline.core.event.RecordedFact;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.shared.FacilityId;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.Place;

/**
 * A person's case folded into occurrence order: the pure function every status, finding and export is
 * computed from. Recording order only breaks ties; retractions and corrections are applied, disputes marked.
 * The same recordings in any order give the same timeline.
 */
public final class Timeline {

    /**
     * Occurrence order: earliest possible start, then latest possible start, then recording order. A timeline's facts
     * follow it, except that a release or death that would end no custody comes after the custody it ends
     * ({@link CustodyEnds}).
     */
    public static final Comparator<TimelineFact> OCCURRENCE_ORDER = Comparator
            .comparing(TimelineFact::earliest)
            .thenComparing(TimelineFact::latest)
            .thenComparingLong(fact -> fact.recording().sequence());

    private final List<Recording> recordings;
    private final Map<FacilityId, FacilityRegistered> facilities;
    private final PrisonerRegistered registration;
    private final List<TimelineFact> all;
    private final List<TimelineFact> current;
    private final FactKinds kinds;
    private volatile FactsUpTo lastFactsUpTo;
    private volatile Map<FactId, Confidentiality> heldLevels;
    private final Timeline whole;
    private volatile Map<FacilityId, Set<Class<? extends RecordedFact>>> kindsNaming;

    private Timeline(List<Recording> recordings, Map<FacilityId, FacilityRegistered> facilities) {
        this.recordings = recordings.stream().sorted(Comparator.comparingLong(Recording::sequence)).toList();
        this.facilities = Map.copyOf(facilities);
        this.registration = this.recordings.stream().map(Recording::event)
                .filter(PrisonerRegistered.class::isInstance).map(PrisonerRegistered.class::cast)
                .findFirst().orElse(null);
        this.all = fold(this.recordings);
        this.current = all.stream().filter(TimelineFact::counts).toList();
        this.kinds = null;
        this.whole = null;
    }

    private Timeline(Timeline whole, FactKinds kinds) {
        this.recordings = whole.recordings;
        this.facilities = whole.facilities;
        this.registration = whole.registration;
        // plain loops: every check of every evaluation makes one of these
        List<TimelineFact> all = new ArrayList<>();
        List<TimelineFact> current = new ArrayList<>();
        for (TimelineFact fact : whole.all) {
            if (kinds.includes(fact)) {
                all.add(fact);
                if (fact.counts()) {
                    current.add(fact);
                }
            }
        }
        this.all = Collections.unmodifiableList(all);
        this.current = Collections.unmodifiableList(current);
        this.kinds = kinds;
        this.whole = whole;
        this.heldLevels = whole.heldLevels;
    }

    public static Timeline of(List<Recording> recordings, Map<FacilityId, FacilityRegistered> facilities) {
        return new Timeline(recordings, facilities);
    }

    /**
     * What the organisation knew at {@code instant}: only what had been recorded by then. A correction and its
     * replacement are stored together but each carries the instant it was created, which may differ by a few
     * milliseconds; they count as known together, once the later of the two was, or the corrected fact would vanish.
     */
    public Timeline knownAt(Instant instant) {
        Map<FactId, Instant> recordedAt = new HashMap<>();
        recordings.forEach(recording -> recordedAt.put(recording.event().factId(), recording.recordedAt()));
        Map<FactId, Instant> knownTogether = new HashMap<>();
        for (Recording recording : recordings) {
            if (recording.event() instanceof EventCorrected corrected) {
                Instant replaced = recordedAt.getOrDefault(corrected.replacementFactId(), recording.recordedAt());
                Instant both = replaced.isAfter(recording.recordedAt()) ? replaced : recording.recordedAt();
                knownTogether.put(corrected.factId(), both);
                knownTogether.merge(corrected.replacementFactId(), both, (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        return filtered(recording -> !knownTogether.getOrDefault(recording.event().factId(), recording.recordedAt())
                .isAfter(instant));
    }

    /**
     * What a reader with {@code clearance} may see; nothing derived from hidden facts survives. Each event counts at the
     * level it is {@link #heldLevel held at}.
     */
    public Timeline visibleTo(Confidentiality clearance) {
        return filtered(recording -> heldLevel(recording).visibleTo(clearance));
    }

    /**
     * The level readers are filtered by and shown for this recording of the case: its own, or that of the fact it
     * amends when it was stored below it ({@link HeldLevels}).
     */
    public Confidentiality heldLevel(Recording recording) {
        Map<FactId, Confidentiality> held = heldLevels;
        if (held == null) {
            // computed once, on first use (never changed after, so a race between two threads costs only a recomputation)
            held = HeldLevels.byFact(recordings);
            heldLevels = held;
        }
        return held.getOrDefault(recording.event().factId(), recording.event().provenance().confidentiality());
    }

    /**
     * The same case with only the facts of {@code kinds} (of those this one holds): what a compliance check reads, so that
     * no fact of another kind can change its findings, and two timelines {@link #sameFactsAs with the same such facts}
     * give the same findings. Registration and recordings stay the whole case's; the facilities are those its facts name.
     */
    public Timeline restrictedTo(FactKinds kinds) {
        if (kinds.equals(this.kinds)) {
            return this;
        }
        // a restriction only narrows: a check cannot read kinds it was not given by restricting again
        return this.kinds == null ? new Timeline(this, kinds) : new Timeline(whole, this.kinds.common(kinds));
    }

    /**
     * Whether this and {@code other} hold the same registration and the same facts (with what later records say of
     * each), so that a pure function of a {@link #restrictedTo restricted} timeline gives both the same answer: a
     * restricted timeline's facilities are the ones its facts name.
     */
    public boolean sameFactsAs(Timeline other) {
        return Objects.equals(registration, other.registration) && all.equals(other.all);
    }

    /**
     * The recordings kept, with the facilities they name: a facility only a hidden fact names is no reader's to see,
     * whatever a caller does with {@link #facilities()}. A restricted timeline stays restricted to its kinds.
     */
    private Timeline filtered(Predicate<Recording> keep) {
        List<Recording> kept = recordings.stream().filter(keep).toList();
        Timeline whole = kept.size() == recordings.size() ? new Timeline(kept, facilities)
                : new Timeline(kept, facilitiesNamedBy(kept.stream().map(Recording::event)
                        .filter(RecordedFact.class::isInstance).map(RecordedFact.class::cast).toList()));
        return kinds == null ? whole : whole.restrictedTo(kinds);
    }

    private Map<FacilityId, FacilityRegistered> facilitiesNamedBy(List<RecordedFact> facts) {
        Map<FacilityId, FacilityRegistered> named = new HashMap<>();
        for (RecordedFact fact : facts) {
            NamedFacilities.in(fact).values().forEach(id -> {
                FacilityRegistered facility = facilities.get(id);
                if (facility != null) {
                    named.put(id, facility);
                }
            });
        }
        return Map.copyOf(named);
    }

    public Optional<PrisonerRegistered> registration() {
        return Optional.ofNullable(registration);
    }

    /** Every fact, including retracted and superseded ones, in occurrence order: what a reader of the record sees. */
    public List<TimelineFact> all() {
        return all;
    }

    /** The facts that count, with corrections applied, in occurrence order: what statuses and findings use. */
    public List<TimelineFact> facts() {
        return current;
    }

    public <T extends RecordedFact> List<TimelineFact> facts(Class<T> type) {
        requireHeld(type);
        return current.stream().filter(fact -> fact.is(type)).toList();
    }

    /**
     * Fails when this timeline is {@link #restrictedTo restricted} to kinds without {@code kind}: a question about facts
     * it cannot hold would be answered "none", and a check that asks it reads {@code kind} without saying so.
     */
    public void requireHeld(Class<? extends RecordedFact> kind) {
        if (kinds != null && !kinds.includes(kind)) {
            throw new IllegalStateException("a timeline restricted to " + kinds + " holds no " + kind.getSimpleName());
        }
    }

    /** Facts that count and may have happened at or before {@code instant}. */
    public List<TimelineFact> factsUpTo(Instant instant) {
        // every rule of an evaluation asks this with the same instant; the last answer is kept (immutable, so a race
        // between two threads costs only a recomputation)
        FactsUpTo last = lastFactsUpTo;
        if (last != null && last.instant().equals(instant)) {
            return last.facts();
        }
        List<TimelineFact> facts = new ArrayList<>(current.size());
        for (TimelineFact fact : current) {
            if (!fact.earliest().isAfter(instant)) {
                facts.add(fact);
            }
        }
        facts = Collections.unmodifiableList(facts);
        lastFactsUpTo = new FactsUpTo(instant, facts);
        return facts;
    }

    private record FactsUpTo(Instant instant, List<TimelineFact> facts) {
    }

    public List<Recording> recordings() {
        return recordings;
    }

    public Optional<FacilityRegistered> facility(FacilityId id) {
        return Optional.ofNullable(id == null || !names(id) ? null : facilities.get(id));
    }

    /** The facilities its facts name: for a restricted timeline, those a fact of its kinds names. */
    public Map<FacilityId, FacilityRegistered> facilities() {
        if (kinds == null) {
            return facilities;
        }
        Map<FacilityId, FacilityRegistered> named = new HashMap<>();
        facilities.forEach((id, facility) -> {
            if (names(id)) {
                named.put(id, facility);
            }
        });
        return Map.copyOf(named);
    }

    /** Whether a fact of this timeline names the facility: any, unless restricted; else one of its kinds. */
    private boolean names(FacilityId id) {
        if (kinds == null) {
            return true;
        }
        Map<FacilityId, Set<Class<? extends RecordedFact>>> naming = whole.kindsNaming;
        if (naming == null) {
            // read once for the whole timeline, on first use, rather than for each check's restriction (a race between two
            // threads costs only a recomputation); the restriction holds every fact of its kinds, so the kinds suffice
            Map<FacilityId, Set<Class<? extends RecordedFact>>> read = new HashMap<>();
            for (TimelineFact fact : whole.all) {
                NamedFacilities.in(fact.fact()).values()
                        .forEach(named -> read.computeIfAbsent(named, any -> new HashSet<>()).add(fact.fact().getClass()));
            }
            naming = read;
            whole.kindsNaming = naming;
        }
        Set<Class<? extends RecordedFact>> by = naming.get(id);
        return by != null && by.stream().anyMatch(kinds::includes);
    }

    /** The names the latest details amendment that lists them anew gives, whatever its date; else the registration's. */
    public List<String> names() {
        return amendedBy(Instant.MAX, PrisonerDetailsAmended::names)
                .map(fact -> fact.as(PrisonerDetailsAmended.class).names())
                .orElse(registration == null ? List.of() : registration.names());
    }

    /**
     * The person's known conditions on record by {@code by}: the registration's, unless a details amendment that may
     * date from then or before lists them anew. One dated later was not on record then, as a condition reported later
     * was not.
     */
    public List<String> knownConditions(Instant by) {
        return amendedBy(by, PrisonerDetailsAmended::knownConditions)
                .map(fact -> fact.as(PrisonerDetailsAmended.class).knownConditions())
                .orElse(registration == null ? List.of() : registration.knownConditions());
    }

    /** The person's home on record by {@code by}: the registration's, unless a details amendment dated by then moves it. */
    public Place home(Instant by) {
        return amendedBy(by, PrisonerDetailsAmended::home).map(fact -> fact.as(PrisonerDetailsAmended.class).home())
                .orElse(registration == null ? null : registration.home());
    }

    /**
     * The details amendment that gives {@code field} anew (a list: not empty) latest in the order of occurrence among
     * those that may date from {@code by} or before; the evidence for the value it gives.
     */
    public Optional<TimelineFact> amendedBy(Instant by, Function<PrisonerDetailsAmended, ?> field) {
        TimelineFact latest = null;
        for (TimelineFact fact : facts(PrisonerDetailsAmended.class)) {
            Object anew = field.apply(fact.as(PrisonerDetailsAmended.class));
            if (!fact.earliest().isAfter(by) && anew != null && !(anew instanceof List<?> list && list.isEmpty())) {
                latest = fact;
            }
        }
        return Optional.ofNullable(latest);
    }

    private static List<TimelineFact> fold(List<Recording> recordings) {
        Map<FactId, Recording> retractions = new HashMap<>();
        Map<FactId, Recording> corrections = new HashMap<>();
        Map<FactId, FactId> replacedBy = new HashMap<>();
        Map<FactId, FactId> corrects = new HashMap<>();
        Map<FactId, List<Recording>> disputes = new HashMap<>();
        for (Recording recording : recordings) {
            CaseEvent event = recording.event();
            if (event instanceof EventRetracted retracted) {
                retractions.putIfAbsent(retracted.retractedFactId(), recording);
            } else if (event instanceof EventCorrected corrected) {
                corrections.putIfAbsent(corrected.correctedFactId(), recording);
                replacedBy.putIfAbsent(corrected.correctedFactId(), corrected.replacementFactId());
                corrects.put(corrected.replacementFactId(), corrected.correctedFactId());
            } else if (event instanceof ClaimDisputed disputed) {
                disputes.computeIfAbsent(disputed.disputedFactId(), id -> new ArrayList<>()).add(recording);
            }
        }
        List<TimelineFact> facts = new ArrayList<>();
        for (Recording recording : recordings) {
            if (recording.event() instanceof RecordedFact fact) {
                FactId id = fact.factId();
                FactStatus status = retractions.containsKey(id) ? FactStatus.RETRACTED
                        : replacedBy.containsKey(id) ? FactStatus.SUPERSEDED : FactStatus.CURRENT;
                // the case never corrects a retracted fact nor retracts a superseded one, so no version here is retracted
                List<FactId> earlierVersions = new ArrayList<>();
                for (FactId earlier = corrects.get(id); earlier != null && !earlierVersions.contains(earlier);
                     earlier = corrects.get(earlier)) {
                    earlierVersions.add(earlier);
                }
                Disputes raised = Disputes.of(disputes, retractions, id, earlierVersions);
                facts.add(new TimelineFact(fact, recording, status, retractions.get(id), corrections.get(id),
                        replacedBy.get(id), corrects.get(id), raised.standing(), raised.withdrawn(), earlierVersions));
            }
        }
        facts.sort(OCCURRENCE_ORDER);
        return List.copyOf(CustodyEnds.settle(facts));
    }

    /**
     * The disputes raised against a fact or a version it replaced (a correction of the date does not answer a
     * counter-claim that it never happened): those standing, and those withdrawn since with their withdrawal; each in
     * the order recorded.
     */
    private record Disputes(List<Recording> standing, List<WithdrawnDispute> withdrawn) {

        private static final Disputes NONE = new Disputes(List.of(), List.of());

        static Disputes of(Map<FactId, List<Recording>> disputes, Map<FactId, Recording> retractions, FactId id,
                           List<FactId> earlierVersions) {
            if (disputes.isEmpty()) {
                return NONE;
            }
            List<Recording> raised = new ArrayList<>();
            for (int i = earlierVersions.size() - 1; i >= -1; i--) {
                raised.addAll(disputes.getOrDefault(i < 0 ? id : earlierVersions.get(i), List.of()));
            }
            raised.sort(Comparator.comparingLong(Recording::sequence));
            List<Recording> standing = new ArrayList<>();
            List<WithdrawnDispute> withdrawn = new ArrayList<>();
            for (Recording dispute : raised) {
                Recording withdrawal = retractions.get(dispute.event().factId());
                if (withdrawal == null) {
                    standing.add(dispute);
                } else {
                    withdrawn.add(new WithdrawnDispute(dispute, withdrawal));
                }
            }
            return new Disputes(List.copyOf(standing), List.copyOf(withdrawn));
        }
    }
}
