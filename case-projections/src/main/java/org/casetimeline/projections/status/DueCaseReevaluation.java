package org.casetimeline.projections.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.casetimeline.core.shared.CaseId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Findings that open by time alone (a request unanswered for 24 hours, solitary past 15 days, whereabouts
 * unknown past 48 hours) open without a new event: cases whose next due instant has passed are recomputed.
 * The work follows the number of cases due, found through an index, not the number of cases. Each run that
 * found cases due is timed ({@code case_timeline.reevaluation} in /actuator/metrics), and how many it recomputed
 * is counted ({@code case_timeline.reevaluation.cases}), so its cost per case can be watched. Every node runs it, and
 * each case due is recomputed by one of them ({@link CaseStatusRows#lockDue}).
 */
@Component
public class DueCaseReevaluation {

    /** The most cases one run recomputes; the rest wait for the next. */
    private static final int CASES_PER_RUN = 1000;
    private static final int CASES_PER_TRANSACTION = 100;
    /**
     * How long a case whose evaluation failed waits before it is tried again: long enough that cases that keep failing
     * take few of the places a run has, short enough that a passing failure delays its alerts little.
     */
    static final Duration FAILED_RETRY = Duration.ofMinutes(15);
    private static final Logger LOG = LoggerFactory.getLogger(DueCaseReevaluation.class);

    private final JdbcClient jdbc;
    private final CaseStatusProjection projection;
    private final Clock clock;

    private final Timer runs;
    private final Counter recomputed;

    public DueCaseReevaluation(JdbcClient jdbc, CaseStatusProjection projection, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.projection = projection;
        this.clock = clock;
        this.runs = Timer.builder("case_timeline.reevaluation").description("runs of the due-case re-evaluation that found cases due")
                .register(meters);
        this.recomputed = Counter.builder("case_timeline.reevaluation.cases").description("cases recomputed because they fell due")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${case-timeline.reevaluation-interval:PT1M}", initialDelayString = "${case-timeline.reevaluation-first-after:PT30S}")
    public int reevaluateDueCases() {
        List<UUID> due = due(clock.instant(), CASES_PER_RUN);
        if (due.isEmpty()) {
            return 0;
        }
        // a hundred cases a transaction: batched writes, yet short transactions beside the live projection
        List<CaseId> cases = due.stream().map(CaseId::new).toList();
        int done = runs.record(() -> {
            int refreshed = 0;
            for (int from = 0; from < cases.size(); from += CASES_PER_TRANSACTION) {
                refreshed += refresh(cases.subList(from, Math.min(cases.size(), from + CASES_PER_TRANSACTION)));
            }
            return refreshed;
        });
        recomputed.increment(done);
        return done;
    }

    /**
     * Up to {@code limit} cases due at {@code now}, those due longest first: by id, the same lowest ids came first in
     * every run, so while more than a run's worth were due, the others waited without end.
     */
    public List<UUID> due(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT case_id FROM case_status WHERE next_due_at <= :now
                        GROUP BY case_id ORDER BY min(next_due_at), case_id LIMIT :limit""")
                .param("limit", limit)
                .param("now", Timestamp.from(now))
                .query(UUID.class).list();
    }

    /**
     * A case that cannot be evaluated must not hold back the others of its transaction: they are then taken one by one.
     * One that still fails is tried again {@link #FAILED_RETRY} later: it kept its due instant, and, the longest due
     * coming first, it took a place in every run ahead of the cases due after it.
     */
    private int refresh(List<CaseId> chunk) {
        try {
            return projection.refreshDue(chunk);
        } catch (RuntimeException chunkFailed) {
            int refreshed = 0;
            for (CaseId caseId : chunk) {
                try {
                    refreshed += projection.refreshDue(List.of(caseId));
                } catch (RuntimeException e) {
                    LOG.warn("case {} could not be re-evaluated, tried again in {}: {}", caseId, FAILED_RETRY,
                            e.getClass().getName()); // the message may quote recorded text
                    try {
                        // only while still due: the failed transaction's claim is gone, and another node that has
                        // recomputed the case since set when it next falls due
                        Instant now = clock.instant();
                        jdbc.sql("UPDATE case_status SET next_due_at = :retry WHERE case_id = :id AND next_due_at <= :now")
                                .param("retry", Timestamp.from(now.plus(FAILED_RETRY))).param("now", Timestamp.from(now))
                                .param("id", caseId.value()).update();
                    } catch (RuntimeException notPostponed) {
                        LOG.warn("case {} stays due: {}", caseId, notPostponed.getClass().getName());
                    }
                }
            }
            return refreshed;
        }
    }
}
