package org.casetimeline.projections.status;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.casetimeline.core.event.CaseEvent;
import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.shared.Confidentiality;
import org.casetimeline.core.timeline.Recording;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.projections.alerts.FindingChanges;
import org.casetimeline.projections.casefile.CaseFiles;
import org.casetimeline.projections.casefile.CaseHistory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code case_status}, {@code case_finding} and {@code facility_stay} in step with the events. Any event of a
 * case recomputes that case from its whole stream, never patching a field, so a fact that lands late takes its place
 * in occurrence order; applying an event twice changes nothing. The whole stream is the one the batch delivered, a
 * kept one that the batch's events continue, or else a read of the store; in a replay, it ends at the case's last
 * replayed event, so that facts recorded meanwhile are compared, and alerted, in their own batches. One row set per
 * clearance level, each computed only from the facts visible at that level.
 */
@Component
@ProcessingGroup(CaseStatusProjection.NAME)
public class CaseStatusProjection {

    public static final String NAME = "case-status";
    private static final String DUE = CaseStatusProjection.class.getName() + ".due";
    private static final String GAPS_AT_RESET = CaseStatusProjection.class.getName() + ".gapsAtReset";

    private final CaseFiles files;
    private final CaseEvaluator evaluator;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final CaseStatusRows rows;
    private final Counter recomputedFromDelivered;
    private final Counter recomputedFromKept;
    private final Counter recomputedFromStore;
    private final KeptStreams kept;

    public CaseStatusProjection(CaseFiles files, CaseEvaluator evaluator, JdbcClient jdbc, Clock clock, CaseStatusRows rows,
                                MeterRegistry meters, @Value("${case-timeline.projection.kept-events:100000}") long keptEvents) {
        this.recomputedFromDelivered = recomputed(meters, "delivered");
        this.recomputedFromKept = recomputed(meters, "kept");
        this.recomputedFromStore = recomputed(meters, "read");
        this.kept = new KeptStreams(keptEvents);
        this.files = files;
        this.evaluator = evaluator;
        this.jdbc = jdbc;
        this.clock = clock;
        this.rows = rows;
    }

    /**
     * A replay rebuilds the rows without raising alerts again: they were raised when the facts first landed (what
     * time alone opened since a case was last evaluated before the reset was not, and is alerted then). The
     * cases of a batch of events are recomputed together just before the batch commits, each once however many of
     * its events the batch holds (the processor's batch size decides how many; with one event a batch this is once
     * per event).
     */
    @EventHandler
    void on(CaseEvent event, @SequenceNumber long sequence, ReplayStatus replay, EventMessage<?> message, UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        Map<CaseId, Due> due = batch.getOrComputeResource(DUE, key -> {
            Map<CaseId, Due> cases = new LinkedHashMap<>();
            batch.onPrepareCommit(u -> refresh(cases, true, batch.getOrDefaultResource(GAPS_AT_RESET, Set.of())));
            return cases;
        });
        // a replayed event may leave its case to a later replayed event only: a live one would find the case's rows
        // truncated by the reset and raise every old finding again as new. The reset position is read from the
        // message's own token: a TrackingToken parameter is unwrapped by Axon and no longer names it.
        TrackingToken token = message instanceof TrackedEventMessage<?> tracked ? tracked.trackingToken() : null;
        OptionalLong resetPosition = token == null ? OptionalLong.empty() : ReplayToken.getTokenAtReset(token);
        // appends in flight when the replay began left gaps in the token at the reset: Axon hands their events over
        // as replayed when they commit, though no alert was ever raised for them (see Due#inFlightAtTheReset)
        Set<Long> gaps = token == null ? Set.of() : WrappedToken.unwrap(token, ReplayToken.class)
                .flatMap(replayToken -> WrappedToken.unwrap(replayToken.getTokenAtReset(), GapAwareTrackingToken.class))
                .<Set<Long>>map(GapAwareTrackingToken::getGaps).orElse(Set.of());
        if (!gaps.isEmpty()) {
            batch.getOrComputeResource(GAPS_AT_RESET, key -> new HashSet<Long>()).addAll(gaps);
        }
        long leaveToLaterUpTo = !replay.isReplay() ? Long.MAX_VALUE : resetPosition.orElse(Long.MIN_VALUE);
        due.computeIfAbsent(event.caseId(), caseId -> new Due()).add(sequence, !replay.isReplay(), leaveToLaterUpTo,
                message instanceof DomainEventMessage<?> domain ? domain : null, resetPosition.orElse(Long.MIN_VALUE));
    }

    private static Counter recomputed(MeterRegistry meters, String stream) {
        return Counter.builder("case_timeline.projection.cases")
                .description("cases the status projection recomputed because events of theirs arrived; by whether their"
                        + " stream came whole with the batch (delivered), continued one kept from before (kept), or was"
                        + " read from the store (read)")
                .tag("stream", stream).register(meters);
    }

    @ResetHandler
    void reset() {
        kept.clear();
        rows.reset();
    }

    /**
     * Recomputes as of now, raising alerts, those of these cases that are still due and that no other re-evaluation
     * holds ({@link CaseStatusRows#lockDue}); what the scheduled re-evaluation calls, on every node. Returns how many it
     * recomputed. Each case is computed up to the event its stored rows were computed at: a fact stored since is
     * alerted by its own batch, and alerted here too, it would be alerted again if a rebuild began before that batch.
     * A rebuild may have emptied the cases' rows since they were found due: a case with none is left to the rebuild
     * (which alerts what time alone opened), since, written into the emptied table, every finding of the case would be
     * new to the comparison and raised again; the rows stay locked, so a reset waits for this.
     */
    @Transactional
    public int refreshDue(Collection<CaseId> cases) {
        Map<CaseId, Due> due = new LinkedHashMap<>();
        rows.lockDue(cases, clock.instant()).forEach((caseId, computedUpTo) ->
                due.put(caseId, new Due().add(computedUpTo, true, Long.MIN_VALUE, null, Long.MIN_VALUE)));
        refresh(due, false, Set.of());
        return due.size();
    }

    /**
     * With {@code skipSuperseded}, a case whose stream already holds an event later than the batch's last one for
     * it is left alone: that event reaches this projection in a later batch (events of one case are stored in
     * order of their sequence, so in order of the global index too) and the case is recomputed then, from the same
     * whole stream. A replay or a backlog thus computes each case about once, not once per event.
     */
    private void refresh(Map<CaseId, Due> due, boolean skipSuperseded, Set<Long> gapsAtReset) {
        String gaps = "{" + gapsAtReset.stream().map(String::valueOf).collect(Collectors.joining(",")) + "}";
        if (!gapsAtReset.isEmpty()) {
            Set<String> inFlight = new HashSet<>(jdbc.sql("""
                            SELECT aggregateIdentifier || '/' || sequenceNumber FROM domainevententry
                            WHERE globalIndex = ANY(CAST(:gaps AS bigint[]))""")
                    .param("gaps", gaps).query(String.class).list());
            due.forEach((caseId, caseDue) -> caseDue.inFlightAtTheReset(caseId, inFlight));
        }
        long resetPosition = due.values().stream().mapToLong(caseDue -> caseDue.resetAt).max().orElse(Long.MIN_VALUE);
        Map<String, long[]> latest = skipSuperseded ? latestEvents(due.keySet(), resetPosition, gaps) : Map.of();
        if (skipSuperseded) {
            // the rows are locked before the clock is read (the re-evaluation's are already): a writer that waits for
            // another's rows then evaluates as of a later instant than the other did, so the later write is never the
            // one evaluated earlier, which would close again a finding the other had just alerted as opened by time
            rows.lockComputed(due.keySet());
        }
        Instant now = clock.instant();
        List<CaseStatusRows.Level> evaluated = new ArrayList<>();
        List<CaseStatusRows.Level> replayedFirst = new ArrayList<>();
        for (Map.Entry<CaseId, Due> entry : due.entrySet()) {
            CaseId caseId = entry.getKey();
            Due caseDue = entry.getValue();
            long[] last = latest.get(caseId.toString());
            if (caseDue.meetsTheReplay() && last != null && last[2] != Long.MIN_VALUE) {
                // live events that meet the replay (in the batch where it catches up, beside the case's last replayed
                // events, or in flight when it began) may find the case's rows emptied by the reset: the rows are
                // first restored up to the case's last replayed event without alerts, so that the live events (in
                // this batch or, when left, in a later one) alert what they change, not every finding again. A
                // restore never overwrites rows of a later version, nor takes in a live event.
                files.open(caseId, last[2])
                        .ifPresent(timeline -> replayedFirst.addAll(evaluate(caseId, timeline, now, false)));
            }
            List<Recording> continued = caseDue.continued(kept.get(caseId));
            if (caseDue.leavesTo(last)) {
                // the batch that computes the case then continues from here, rather than reading its stream again
                if (continued != null) {
                    kept.keep(caseId, continued);
                }
                continue;
            }
            // a case is computed up to its last event found here, not to one stored since. Of replayed events only:
            // computed (without alerts) up to a live event, the case's rows would already hold the findings that event
            // opens, and its own batch, comparing with them, would raise no alert for them. Alerting: that event's own
            // batch alerts it, and alerted here too, it would be alerted again if a rebuild began before that batch
            boolean replayedOnly = !caseDue.alert;
            List<Recording> wholeStream = continued != null
                    && (replayedOnly || last != null && continued.size() == last[0] + 1) ? continued : null;
            Optional<Timeline> file = wholeStream != null ? files.of(wholeStream) : files.open(caseId, caseDue.lastSequence);
            file.ifPresent(timeline -> {
                kept.keep(caseId, timeline.recordings());
                evaluated.addAll(evaluate(caseId, timeline, now, caseDue.alert));
            });
            if (skipSuperseded) {
                (wholeStream == null ? recomputedFromStore
                        : wholeStream.size() > caseDue.delivered.size() ? recomputedFromKept : recomputedFromDelivered)
                        .increment();
            }
        }
        int raised = replayedFirst.isEmpty() ? 0 : rows.write(replayedFirst, now);
        raised += rows.write(evaluated, now);
        if (skipSuperseded && raised == 0 && due.values().stream().noneMatch(caseDue -> caseDue.alert)) {
            // a batch of replayed events alone that raised no alert can be replayed again: its commit (rows and token
            // together) need not wait for the disk. A crash of PostgreSQL or its machine loses the last such batches
            // whole, in order, and the replay resumes from the token before them; a batch with a live event or an alert
            // still waits
            jdbc.sql("SET LOCAL synchronous_commit = off").update();
        }
    }

    /**
     * One evaluation per clearance level; levels that see the same facts share one (most cases hold no secret), and a
     * level above another reruns only the checks whose facts differ (most secrets are a fact or two).
     * Without {@code alert} (replayed events), each level can also be evaluated as of an earlier instant, for
     * {@link CaseStatusRows} to alert what time alone opened since the level was last evaluated before the reset.
     */
    private List<CaseStatusRows.Level> evaluate(CaseId caseId, Timeline file, Instant now, boolean alert) {
        List<CaseStatusRows.Level> levels = new ArrayList<>();
        Map<Integer, CaseEvaluation> byVisibleCount = new HashMap<>();
        CaseEvaluation below = null;
        for (Confidentiality clearance : Confidentiality.values()) {
            Timeline visible = file.visibleTo(clearance);
            // visibility only widens with clearance, so as many visible recordings means the very same ones
            CaseEvaluation evaluation = null;
            if (visible.registration().isPresent()) {
                evaluation = byVisibleCount.get(visible.recordings().size());
                if (evaluation == null) {
                    evaluation = evaluator.evaluate(caseId.toString(), visible, now, null, below);
                    byVisibleCount.put(visible.recordings().size(), evaluation);
                }
                below = evaluation;
            }
            levels.add(new CaseStatusRows.Level(caseId, clearance, evaluation, alert, alert ? null
                    : earlier -> evaluator.evaluate(caseId.toString(), visible, earlier, null).findings().stream()
                            .map(finding -> FindingChanges.Standing.of(FindingKeys.identity(finding), finding)).toList()));
        }
        return levels;
    }

    /**
     * Each case's last stored event, its sequence number and global index, and the sequence number of its last
     * replayed event: up to the reset position, less the appends that were in flight then (at the reset's gaps, a
     * {@code bigint[]} literal); {@link Long#MIN_VALUE} when none or no replay.
     */
    private Map<String, long[]> latestEvents(Collection<CaseId> cases, long resetPosition, String gapsAtReset) {
        if (cases.isEmpty()) {
            return Map.of();
        }
        Map<String, long[]> latest = new HashMap<>();
        jdbc.sql("""
                        SELECT aggregateIdentifier, max(sequenceNumber), max(globalIndex),
                               max(sequenceNumber) FILTER (WHERE globalIndex <= :resetPosition
                                                           AND NOT globalIndex = ANY(CAST(:gaps AS bigint[])))
                        FROM domainevententry WHERE aggregateIdentifier IN (:ids) GROUP BY aggregateIdentifier""")
                .param("ids", cases.stream().map(CaseId::toString).toList()).param("resetPosition", resetPosition)
                .param("gaps", gapsAtReset)
                .query(rs -> {
                    long lastReplayed = rs.getLong(4);
                    latest.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3),
                            rs.wasNull() ? Long.MIN_VALUE : lastReplayed});
                });
        return latest;
    }

    /**
     * What a batch holds of one case: its last sequence number there, and its last replayed one; whether any of its
     * events is live (not replayed, or in flight at the reset), and whether a live one met a replay; up to which global
     * index a later stored event may take the case over (the replay's reset position when every event is replayed;
     * any when one is live; none for the scheduled re-evaluation); the reset position its events' tokens name, if
     * any; and the events themselves in the order delivered.
     */
    private static final class Due {
        private long lastSequence = Long.MIN_VALUE;
        private long lastReplayed = Long.MIN_VALUE;
        private long resetAt = Long.MIN_VALUE;
        private boolean liveMetTheReplay;
        private boolean alert;
        private long leaveToLaterUpTo = Long.MIN_VALUE;
        private final List<DomainEventMessage<?>> delivered = new ArrayList<>();
        private boolean deliveredAll = true;

        Due add(long sequence, boolean live, long leaveToLater, DomainEventMessage<?> message, long resetPosition) {
            lastSequence = Math.max(lastSequence, sequence);
            resetAt = Math.max(resetAt, resetPosition);
            if (!live) {
                lastReplayed = Math.max(lastReplayed, sequence);
            } else {
                liveMetTheReplay |= resetPosition != Long.MIN_VALUE;
            }
            alert |= live;
            leaveToLaterUpTo = Math.max(leaveToLaterUpTo, leaveToLater);
            if (message == null) {
                deliveredAll = false;
            } else {
                delivered.add(message);
            }
            return this;
        }

        /**
         * Counts as live the events of the case whose appends were in flight when the replay began (in the set as
         * {@code case/sequence}): their global indexes lie in gaps of the token at the reset, so Axon hands them over
         * as replayed when they commit, yet no alert was ever raised for them.
         */
        void inFlightAtTheReset(CaseId caseId, Set<String> inFlight) {
            for (DomainEventMessage<?> message : delivered) {
                if (inFlight.contains(caseId + "/" + message.getSequenceNumber())) {
                    alert = true;
                    leaveToLaterUpTo = Long.MAX_VALUE;
                    liveMetTheReplay = true;
                }
            }
        }

        /**
         * Whether live events here may find the case's rows emptied by a reset: the batch also holds replayed events
         * of the case (the replay catches up here), or a live event was in flight at the reset or came while its
         * token still names the reset.
         */
        boolean meetsTheReplay() {
            return alert && (lastReplayed != Long.MIN_VALUE || liveMetTheReplay);
        }

        /**
         * Whether a later stored event ({@link #latestEvents}) will recompute the case: with a live event here, any
         * later one; with replayed events only, a later replayed one. A live event after them does not take the case
         * over, or the rows emptied by the reset would be compared with it and every finding raised again; nor may
         * the case be computed here when more of its replayed events follow, or a scheduled re-evaluation in between
         * would alert what they hold.
         */
        boolean leavesTo(long[] last) {
            if (last == null) {
                return false;
            }
            return alert ? last[0] > lastSequence && last[1] <= leaveToLaterUpTo : last[2] > lastSequence;
        }

        /**
         * The case's stream from sequence 0 to the batch's last event of it: the events the batch delivered, after the
         * stream kept from before when they continue it. A new case in an import or a replay mostly arrives whole, a
         * live event mostly continues a kept stream, and a case longer than a batch continues what the batches before
         * kept. Null when neither, and the stream is read. The whole stream when its last is the stored head.
         */
        List<Recording> continued(List<Recording> keptStream) {
            if (!deliveredAll || delivered.isEmpty()) {
                return null;
            }
            long first = delivered.get(0).getSequenceNumber();
            // a kept stream holds every sequence from 0 on, so its last is its size less one; checked, not assumed
            List<Recording> before = first == 0 ? List.of()
                    : keptStream != null && keptStream.size() == first && keptStream.get((int) first - 1).sequence() == first - 1
                    ? keptStream : null;
            if (before == null) {
                return null;
            }
            List<Recording> whole = new ArrayList<>(before);
            for (DomainEventMessage<?> message : delivered) {
                Recording recording = CaseHistory.recording(message);
                if (recording == null || message.getSequenceNumber() != whole.size()) {
                    return null;
                }
                whole.add(recording);
            }
            return whole;
        }
    }
}
