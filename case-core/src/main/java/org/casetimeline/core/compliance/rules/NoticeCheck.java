package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.util.Comparator;
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
 * fact shows the family was not told (not notified, a refused inquiry, a notice naming the wrong place), and
 * otherwise an UNKNOWN, since a missing record is not proof either way. The same shape serves any "answered
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
        List<TimelineFact> later = facts.all().stream()
                .filter(fact -> fact != trigger && CaseFacts.notBefore(fact, trigger)).toList();
        Optional<TimelineFact> notice = later.stream().filter(notifies).findFirst();
        Optional<TimelineFact> cutoff = later.stream().filter(endsWithoutNotice).findFirst();
        TimelineFact end = earlier(notice.orElse(null), cutoff.orElse(null));
        boolean toldAtEnd = end != null && notice.isPresent() && end == notice.get();
        Span span = new Span(Moment.startOf(trigger), end == null ? null : Moment.startOf(end));
        Optional<FindingKind> late = span.exceeds(threshold, facts.asOf());
        if (late.isEmpty()) {
            return Optional.empty();
        }
        List<TimelineFact> notTold = later.stream().filter(showsNotTold)
                .filter(fact -> end == null || !Moment.startOf(fact).earliest().isAfter(Moment.startOf(end).latest()))
                .toList();
        boolean established = toldAtEnd || triggerShowsNotTold || !notTold.isEmpty();
        FindingKind kind = established ? late.get() : FindingKind.UNKNOWN;
        String length = span.length(late.get(), facts.asOf());
        String who = told.who();
        String outcome = toldAtEnd ? who + " was " + told.done() + " only on " + span.end().text() + ", " + length + " later"
                : !established ? "no record shows " + who + " was " + told.done() + " within " + Wording.duration(threshold)
                : end == null ? who + " had still not been " + told.done() + " on " + Wording.instant(facts.asOf()) + ", " + length + " later"
                : who + " was " + told.notDone() + " for " + length;
        return Optional.of(FindingDraft.of(rule).kind(kind).over(span).threshold(Wording.duration(threshold))
                .evidence(trigger).evidence(notTold).evidence(end == null ? List.of() : List.of(end))
                .says(what + "; " + outcome));
    }

    /** The one of two facts (either may be null) that began first; {@code a} on a tie. */
    static TimelineFact earlier(TimelineFact a, TimelineFact b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return Comparator.comparing((TimelineFact fact) -> Moment.startOf(fact).earliest())
                .thenComparing(fact -> fact == a ? 0 : 1).compare(a, b) <= 0 ? a : b;
    }
}
