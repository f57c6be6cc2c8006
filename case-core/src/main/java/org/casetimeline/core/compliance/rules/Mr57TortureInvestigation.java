package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.time.Instant;
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
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.ForensicExaminationRefused;
import org.casetimeline.core.event.IllTreatmentAlleged;
import org.casetimeline.core.event.InvestigationOpened;
import org.casetimeline.core.event.InvestigationRefused;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 57(3), 71(2) and 34: an allegation of ill-treatment is investigated promptly by a body independent of the
 * accused. Flags a refusal to investigate, an investigation by a body that is not independent, a refused forensic
 * examination, and no independent investigation opened within the threshold; open until one is.
 */
public final class Mr57TortureInvestigation extends RuleBase {

    private static final FactKinds READS = FactKinds.of(ForensicExaminationRefused.class, IllTreatmentAlleged.class,
            InvestigationOpened.class, InvestigationRefused.class).and(CaseFacts.CUSTODY);

    public Mr57TortureInvestigation() {
        super("MR57-TORTURE-INVESTIGATION", Severity.CRITICAL, READS, "57(3)", "71(2)", "34");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        List<TimelineFact> allegations = facts.of(IllTreatmentAlleged.class);
        for (TimelineFact allegation : allegations) {
            Duration window = thresholds.illTreatmentInvestigation();
            // a refusal that names no allegation concerns each allegation that may be the latest before it, and each
            // made within the investigation threshold before it, not one investigated in time years before
            List<TimelineFact> refused = facts.from(allegation, InvestigationRefused.class, any -> true).stream()
                    .filter(fact -> concerns(fact, fact.as(InvestigationRefused.class).allegationFactId(), allegation,
                            allegations, window)).toList();
            List<TimelineFact> biased = facts.from(allegation, InvestigationOpened.class,
                    o -> Boolean.FALSE.equals(o.independent())).stream()
                    .filter(fact -> concerns(fact, fact.as(InvestigationOpened.class).allegationFactId(), allegation,
                            allegations, window)).toList();
            List<TimelineFact> noForensics = facts.from(allegation).filter(fact -> fact.is(ForensicExaminationRefused.class)
                    && concerns(fact, null, allegation, allegations, window)).toList();
            Optional<TimelineFact> independent = facts.firstFrom(allegation, InvestigationOpened.class,
                    o -> about(o.allegationFactId(), allegation) && Boolean.TRUE.equals(o.independent()));
            Optional<TimelineFact> unrecorded = facts.firstFrom(allegation, InvestigationOpened.class,
                    o -> about(o.allegationFactId(), allegation) && o.independent() == null);
            // the first investigation not known to lack independence is timed as the one owed; when its independence is
            // not recorded, that is a data gap besides (missing data is never compliance, nor a breach)
            boolean independentInTime = independent.isPresent()
                    && new Span(Moment.startOf(allegation), Moment.startOf(independent.get())).exceeds(window, asOf).isEmpty();
            Optional<TimelineFact> opened = independentInTime ? independent : Optional.ofNullable(
                    CaseFacts.earlier(independent.orElse(null), unrecorded.orElse(null)));
            boolean uncertain = opened.isPresent() && opened.get() != independent.orElse(null);
            Span span = new Span(Moment.startOf(allegation), opened.map(Moment::startOf).orElse(null));
            Optional<FindingKind> late = span.exceeds(window, asOf);
            List<String> faults = new ArrayList<>();
            refused.forEach(fact -> faults.add("an investigation was refused " + Moment.startOf(fact).on()));
            biased.forEach(fact -> faults.add("the investigation opened " + Moment.startOf(fact).on() + " was by "
                    + fact.as(InvestigationOpened.class).body() + ", not independent of the accused"));
            noForensics.forEach(fact -> faults.add("an independent forensic examination was refused " + Moment.startOf(fact).on()));
            late.ifPresent(kind -> faults.add(opened.isEmpty()
                    ? "no independent investigation was opened in " + span.length(kind, asOf)
                    : (uncertain ? "an investigation" : "an independent investigation") + " opened only " + span.end().on()
                            + ", " + span.length(kind, asOf) + " later"));
            if (uncertain && !independentInTime) {
                faults.add("the body that opened the investigation " + span.end().on() + ", "
                        + opened.get().as(InvestigationOpened.class).body() + ", is not recorded as independent of the accused");
            }
            if (faults.isEmpty()) {
                continue;
            }
            boolean definite = !refused.isEmpty() || !biased.isEmpty() || !noForensics.isEmpty();
            findings.add(FindingDraft.of(this).kind(definite ? FindingKind.FLAG : late.orElse(FindingKind.UNKNOWN)).over(span)
                    .threshold(Wording.duration(window))
                    .evidence(allegation).evidence(refused).evidence(biased).evidence(noForensics).evidence(opened.stream().toList())
                    .says("Ill-treatment (" + allegation.as(IllTreatmentAlleged.class).kind() + ") alleged"
                            + Wording.at(facts, allegation) + " " + span.start().on() + ": " + String.join("; ", faults)
                            + "; the Rules require a prompt and impartial investigation by an independent body"));
        }
        return findings;
    }

    /**
     * Whether a refusal (or a biased investigation) concerns this allegation: the one it names; or, naming none, one
     * made within {@code window} before it, or possibly the latest allegation before it (on some reading of the dates).
     */
    private static boolean concerns(TimelineFact refusal, FactId named, TimelineFact allegation,
                                    List<TimelineFact> allegations, Duration window) {
        if (named != null) {
            return allegation.isNamedBy(named);
        }
        if (!refusal.earliest().isAfter(allegation.latest().plus(window))) {
            return true;
        }
        // of those that surely came before the refusal, the one that began last; an allegation whose date may reach past
        // its start may be the latest too
        Instant latestSure = allegations.stream().filter(other -> !other.latest().isAfter(refusal.earliest()))
                .map(TimelineFact::earliest).max(Instant::compareTo).orElse(null);
        return latestSure == null || !allegation.latest().isBefore(latestSure);
    }

    private static boolean about(FactId named, TimelineFact allegation) {
        return named == null || allegation.isNamedBy(named);
    }
}
