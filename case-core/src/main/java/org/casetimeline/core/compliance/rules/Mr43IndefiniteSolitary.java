package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.FindingKind;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.SolitarySpell;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.PersonReleased;
import org.casetimeline.core.event.SentenceCommuted;
import org.casetimeline.core.event.SentenceImposed;
import org.casetimeline.core.event.SolitaryConfinementImposed;
import org.casetimeline.core.shared.ReleaseKind;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 43(1)(a) and 45(1): no open-ended solitary confinement, and never because of the sentence or for what the
 * person wrote or said. An indefinite spell with no review past the threshold, or one imposed for expression or
 * as part of the sentence, is flagged.
 */
public final class Mr43IndefiniteSolitary extends RuleBase {

    private static final FactKinds READS = FactKinds.of(SentenceCommuted.class).and(SolitarySpell.READS);

    private static final Set<ReleaseKind> SENTENCE_ENDS = EnumSet.of(ReleaseKind.END_OF_TERM, ReleaseKind.PARDON,
            ReleaseKind.AMNESTY, ReleaseKind.NON_CUSTODIAL_CONVERSION, ReleaseKind.ACQUITTAL, ReleaseKind.CHARGES_DROPPED);

    public Mr43IndefiniteSolitary() {
        super("MR43-INDEFINITE-SOLITARY", Severity.CRITICAL, READS, "43(1)(a)", "45(1)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<TimelineFact> sentencedToSolitary = facts.of(SentenceImposed.class, s -> Boolean.TRUE.equals(s.includesSolitary()));
        // a commutation names neither the sentence nor solitary: only one to a non-custodial measure surely ends it
        List<TimelineFact> sentenceEnds = new ArrayList<>(facts.of(SentenceCommuted.class, c -> Boolean.TRUE.equals(c.nonCustodial())));
        // so does a release that ends the sentence (not parole or bail, which a recall under the same sentence may follow)
        sentenceEnds.addAll(facts.of(PersonReleased.class, released -> SENTENCE_ENDS.contains(released.kind())));
        List<Finding> findings = new ArrayList<>();
        for (SolitarySpell spell : SolitarySpell.of(facts, thresholds.solitaryJoinGap())) {
            List<String> reasons = new ArrayList<>();
            List<TimelineFact> evidence = new ArrayList<>(spell.evidence());
            List<SolitaryConfinementImposed> imposed = spell.impositions().stream()
                    .map(fact -> fact.as(SolitaryConfinementImposed.class)).toList();
            if (imposed.stream().anyMatch(i -> Boolean.TRUE.equals(i.forExpression()))) {
                reasons.add("imposed for what the person published or said");
            }
            List<TimelineFact> sentences = inForceAt(spell.impositions().get(spell.impositions().size() - 1),
                    sentencedToSolitary, sentenceEnds);
            if (imposed.stream().anyMatch(i -> Boolean.TRUE.equals(i.partOfSentence())) || !sentences.isEmpty()) {
                reasons.add("imposed as part of the sentence");
                evidence.addAll(sentences);
            }
            Optional<FindingKind> unreviewed = imposed.stream().anyMatch(i -> i.indefinite() && isBlank(i.reviewedBy()))
                    ? spell.span().exceeds(thresholds.solitaryReview(), asOf) : Optional.empty();
            unreviewed.ifPresent(kind -> reasons.add("with no end date and no review for "
                    + spell.span().length(kind, asOf)));
            if (reasons.isEmpty()) {
                continue;
            }
            FindingKind kind = reasons.size() > 1 || unreviewed.isEmpty() ? FindingKind.FLAG : unreviewed.get();
            findings.add(FindingDraft.of(this).kind(kind).over(spell.span())
                    .threshold(Wording.duration(thresholds.solitaryReview()) + " without review")
                    .evidence(evidence)
                    .says("Solitary confinement" + Wording.at(facts, spell.impositions().get(0)) + " from "
                            + spell.span().start().text() + (spell.open() ? "" : " to " + spell.span().end().text())
                            + " was " + String.join(" and ", reasons)
                            + "; the Rules allow it only as a last resort, for as short a time as possible, under review"));
        }
        return findings;
    }

    /**
     * The sentences to solitary that may have been in force when the spell's last imposition came (a spell may join a
     * disciplinary imposition and one the sentence ordered): passed before it on some reading of their dates, and not
     * commuted to a non-custodial measure, or ended by a release, surely between. One passed later, or so ended before,
     * says nothing of this spell.
     */
    private static List<TimelineFact> inForceAt(TimelineFact imposition, List<TimelineFact> sentences,
                                                List<TimelineFact> sentenceEnds) {
        return sentences.stream()
                .filter(sentence -> !sentence.earliest().isAfter(imposition.latest()))
                .filter(sentence -> sentenceEnds.stream().noneMatch(end -> end.earliest().isAfter(sentence.latest())
                        && end.latest().isBefore(imposition.earliest())))
                .toList();
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
