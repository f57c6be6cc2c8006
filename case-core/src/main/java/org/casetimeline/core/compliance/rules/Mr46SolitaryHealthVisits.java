package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.SolitarySpell;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.MedicalExaminationProvided;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 46: health staff visit people in solitary confinement every day. Within a spell, every stretch between
 * recorded health visits (or the spell's start and end) longer than the threshold is flagged; a spell with no
 * recorded visit at all is a data gap (UNKNOWN), since monitors rarely learn of every visit.
 */
public final class Mr46SolitaryHealthVisits extends RuleBase {

    private static final FactKinds READS = FactKinds.of(MedicalExaminationProvided.class).and(SolitarySpell.READS);

    public Mr46SolitaryHealthVisits() {
        super("MR46-SOLITARY-HEALTH-VISITS", Severity.SERIOUS, READS, "46");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        Duration limit = thresholds.solitaryHealthVisit();
        List<Finding> findings = new ArrayList<>();
        for (SolitarySpell spell : SolitarySpell.of(facts, thresholds.solitaryJoinGap())) {
            Instant until = spell.open() ? asOf : spell.span().end().latest();
            List<TimelineFact> visits = facts.of(MedicalExaminationProvided.class).stream()
                    .filter(visit -> CaseFacts.notBefore(visit, spell.impositions().get(0)) && !visit.earliest().isAfter(until))
                    .toList();
            String where = "in solitary confinement" + Wording.at(facts, spell.impositions().get(0));
            if (visits.isEmpty()) {
                spell.span().exceeds(limit, asOf).ifPresent(kind -> findings.add(finding(facts, FindingKind.UNKNOWN, spell.span(),
                        limit, spell.evidence(), "No health visit is recorded " + where)));
                continue;
            }
            Moment from = spell.span().start();
            List<TimelineFact> after = spell.impositions();
            for (int i = 0; i <= visits.size(); i++) {
                TimelineFact next = i < visits.size() ? visits.get(i) : null;
                Span gap = new Span(from, next == null ? spell.span().end() : Moment.startOf(next));
                List<TimelineFact> evidence = new ArrayList<>(after);
                evidence.addAll(next == null ? spell.evidence() : List.of(next));
                dayWithoutVisit(gap, limit, asOf).ifPresent(kind -> findings.add(finding(facts, kind, gap, limit, evidence,
                        "No health visit to the person " + where)));
                from = next == null ? null : gap.end();
                after = next == null ? List.of() : List.of(next);
            }
        }
        return findings;
    }

    /**
     * Whether a whole calendar day (UTC) between two visits, or between the spell's start or end and a visit, went by
     * without one ({@code limit} in whole days, a day by default): a FLAG on the narrowest reading of the dates, a
     * POSSIBLE on the widest only. Rule 46 asks for a visit every day, so visits on consecutive days meet it whatever
     * their hours (08:00 one day and 18:00 the next are 34 hours apart).
     */
    private static Optional<FindingKind> dayWithoutVisit(Span gap, Duration limit, Instant asOf) {
        long days = Math.max(1, limit.toDays());
        Instant end = gap.end() == null ? asOf : gap.end().earliest();
        Instant widestEnd = gap.end() == null ? asOf : gap.end().latest();
        if (wholeDaysBetween(gap.start().latest(), end) >= days) {
            return Optional.of(FindingKind.FLAG);
        }
        return wholeDaysBetween(gap.start().earliest(), widestEnd) >= days ? Optional.of(FindingKind.POSSIBLE) : Optional.empty();
    }

    private static long wholeDaysBetween(Instant from, Instant to) {
        return ChronoUnit.DAYS.between(from.truncatedTo(ChronoUnit.DAYS), to.truncatedTo(ChronoUnit.DAYS)) - 1;
    }

    private Finding finding(CaseFacts facts, FindingKind kind, Span span, Duration limit, List<TimelineFact> evidence, String what) {
        Instant asOf = facts.asOf();
        return FindingDraft.of(this).kind(kind).over(span).threshold(Wording.duration(limit)).evidence(evidence)
                .says(what + " from " + span.start().text() + " to " + (span.end() == null ? Wording.instant(asOf) : span.end().text())
                        + ", " + span.length(kind == FindingKind.UNKNOWN ? FindingKind.FLAG : kind, asOf)
                        + "; the Rules require health staff to visit people in solitary confinement every day");
    }
}
