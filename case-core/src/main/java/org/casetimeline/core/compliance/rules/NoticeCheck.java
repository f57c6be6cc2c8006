package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.ComplianceRule;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * "Tell the family within a threshold of an event": a late notice is a FLAG; no notice is a FLAG only when a
 * fact shows the family was not told (not notified, a refused inquiry, a notice naming the wrong place, a notice
 * that came only after the as-of instant), and otherwise an UNKNOWN, since a missing record is not proof either way. The same shape serves any "answered
 * within a threshold" duty (a person told of news, examined, brought before a judge); {@link Told} words it.
 */
record NoticeCheck(
        ComplianceRule rule,
        Duration threshold,
        Predicate<TimelineFact> notifies,
        Predicate<TimelineFact> showsNotTold,
        Predicate<TimelineFact> endsWithoutNotice,
        Told told) {

    /** Who is owed the answer and what it is: "the family" "told" / "not told of it". */
    record Told(String who, String done, String notDone) {
        static final Told FAMILY = new Told("the family", "told", "not told of it");

        static Told person(String done) {
            return new Told("the person", done, "not " + done);
        }
    }

    NoticeCheck(ComplianceRule rule, Duration threshold, Predicate<TimelineFact> notifies,
            Predicate<TimelineFact> showsNotTold, Predicate<TimelineFact> endsWithoutNotice) {
        this(rule, threshold, notifies, showsNotTold, endsWithoutNotice, Told.FAMILY);
    }

    Optional<Finding> check(CaseFacts facts, TimelineFact trigger, boolean triggerShowsNotTold, String what) {
        // One pass in occurrence order: the first notice, or the first fact that ends the wait without one. A notice
        // that began together with that fact still answers it (CaseFacts.earlier prefers the notice on a tie); one that
        // began after it cannot. A long case has thousands of facts, so the rest are not read.
        TimelineFact notice = null;
        TimelineFact cutoff = null;
        for (Iterator<TimelineFact> later = facts.from(trigger).iterator(); later.hasNext(); ) {
            TimelineFact fact = later.next();
            if (cutoff != null && fact.earliest().isAfter(cutoff.earliest())) {
                break;
            }
            if (notifies.test(fact)) {
                notice = fact;
                break;
            }
            if (cutoff == null && endsWithoutNotice.test(fact)) {
                cutoff = fact;
            }
        }
        TimelineFact end = CaseFacts.earlier(notice, cutoff);
        boolean toldAtEnd = end != null && end == notice;
        Span span = new Span(Moment.startOf(trigger), end == null ? null : Moment.startOf(end));
        Optional<FindingKind> late = span.exceeds(threshold, facts.asOf());
        if (late.isEmpty()) {
            return Optional.empty();
        }
        Instant endsAt = end == null ? null : Moment.startOf(end).latest();
        List<TimelineFact> notTold = facts.from(trigger) // in order of their earliest instant, so the rest begin later
                .takeWhile(fact -> endsAt == null || !fact.earliest().isAfter(endsAt))
                .filter(showsNotTold)
                .toList();
        // still waiting at the as-of instant, with a notice on record that came after it: the notice proves that none
        // had come by then (an as-of reading uses every fact known now, not only those up to the instant). Only one that
        // came before the wait ended otherwise (a release): a notice in a later custody answers another trigger.
        Optional<TimelineFact> laterNotice = Optional.empty();
        if (end == null) {
            TimelineFact ended = null; // as in the pass above, a notice that began together with the end still counts
            for (TimelineFact fact : facts.timeline().facts()) {
                if (!fact.earliest().isAfter(facts.asOf()) || fact == trigger) {
                    continue;
                }
                if (ended != null && fact.earliest().isAfter(ended.earliest())) {
                    break;
                }
                if (notifies.test(fact)) {
                    laterNotice = Optional.of(fact);
                    break;
                }
                if (ended == null && endsWithoutNotice.test(fact)) {
                    ended = fact;
                }
            }
        }
        boolean established = toldAtEnd || triggerShowsNotTold || !notTold.isEmpty() || laterNotice.isPresent();
        FindingKind kind = established ? late.get() : FindingKind.UNKNOWN;
        String length = span.length(late.get(), facts.asOf());
        String who = told.who();
        String outcome = toldAtEnd ? who + " was " + told.done() + " only on " + span.end().text() + ", " + length + " later"
                : !established ? "no record shows " + who + " was " + told.done() + " within " + Wording.duration(threshold)
                : end == null ? who + " had still not been " + told.done() + " on " + Wording.instant(facts.asOf()) + ", " + length + " later"
                : who + " was " + told.notDone() + " for " + length;
        return Optional.of(FindingDraft.of(rule).kind(kind).over(span).threshold(Wording.duration(threshold))
                .evidence(trigger).evidence(notTold).evidence(end == null ? laterNotice.stream().toList() : List.of(end))
                .says(what + "; " + outcome));
    }
}
