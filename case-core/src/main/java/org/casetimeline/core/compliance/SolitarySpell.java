package org.casetimeline.core.compliance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.event.SolitaryConfinementEnded;
import org.casetimeline.core.event.SolitaryConfinementImposed;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * One unbroken stretch of solitary confinement: from an imposition to its own end date (or a release or death before
 * it), the next recorded end, or release or death; open while none has come. Spells less than {@code joinGap} apart
 * are one spell.
 */
public record SolitarySpell(Span span, List<TimelineFact> impositions, List<TimelineFact> evidence) {

    /** The kinds of fact spells are read from: impositions, recorded ends, and the release or death that ends one. */
    public static final FactKinds READS = FactKinds.of(SolitaryConfinementImposed.class, SolitaryConfinementEnded.class)
            .and(CaseFacts.CUSTODY);


    public static List<SolitarySpell> of(CaseFacts facts, Duration joinGap) {
        List<SolitarySpell> spells = new ArrayList<>();
        for (TimelineFact imposed : facts.of(SolitaryConfinementImposed.class)) {
            List<TimelineFact> evidence = new ArrayList<>(List.of(imposed));
            Moment end = Moment.endOf(imposed);
            if (end == null) {
                // the release or death ends the spell at the latest: a recorded end surely after it (a later custody's)
                // does not carry the spell over it, and one that may be on either side (known to the month) ends it
                // somewhere between its own first day and the release
                TimelineFact recorded = facts.firstFrom(imposed, SolitaryConfinementEnded.class, any -> true).orElse(null);
                TimelineFact freed = facts.custodyEndAfter(imposed).orElse(null);
                Moment recordedEnd = recorded == null ? null : Moment.startOf(recorded);
                Moment freedAt = freed == null ? null : Moment.startOf(freed);
                if (recorded != null && (freed == null || !recordedEnd.latest().isAfter(freedAt.earliest()))) {
                    evidence.add(recorded);
                    end = recordedEnd;
                } else if (recorded != null && !recordedEnd.earliest().isAfter(freedAt.earliest())) {
                    evidence.add(recorded);
                    evidence.add(freed);
                    end = new Moment(recordedEnd.earliest(), freedAt.earliest(), true, recordedEnd.text());
                } else if (freed != null) {
                    evidence.add(freed);
                    end = freedAt;
                }
            } else {
                // a term ordered to a date ends sooner if the person is released or dies before it
                TimelineFact freed = facts.custodyEndAfter(imposed).orElse(null);
                if (freed != null && Moment.startOf(freed).latest().isBefore(end.earliest())) {
                    evidence.add(freed);
                    end = Moment.startOf(freed);
                }
            }
            if (end != null && end.earliest().isAfter(facts.asOf())) {
                end = null;
            }
            spells.add(new SolitarySpell(new Span(Moment.startOf(imposed), end), List.of(imposed), evidence));
        }
        return joined(spells, joinGap);
    }

    private static List<SolitarySpell> joined(List<SolitarySpell> spells, Duration joinGap) {
        List<SolitarySpell> sorted = new ArrayList<>(spells);
        sorted.sort((a, b) -> a.span().start().earliest().compareTo(b.span().start().earliest()));
        List<SolitarySpell> joined = new ArrayList<>();
        for (SolitarySpell spell : sorted) {
            SolitarySpell last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
            if (last != null && (last.span().end() == null
                    || Duration.between(last.span().end().earliest(), spell.span().start().latest()).compareTo(joinGap) < 0)) {
                joined.set(joined.size() - 1, last.join(spell));
            } else {
                joined.add(spell);
            }
        }
        return List.copyOf(joined);
    }

    private SolitarySpell join(SolitarySpell later) {
        Moment end = span.end() == null || later.span().end() == null ? null
                : later.span().end().latest().isAfter(span.end().latest()) ? later.span().end() : span.end();
        List<TimelineFact> imposed = new ArrayList<>(impositions);
        imposed.addAll(later.impositions());
        List<TimelineFact> all = new ArrayList<>(evidence);
        later.evidence().stream().filter(fact -> !all.contains(fact)).forEach(all::add);
        return new SolitarySpell(new Span(span.start(), end), List.copyOf(imposed), List.copyOf(all));
    }

    public boolean open() {
        return span.end() == null;
    }
}
