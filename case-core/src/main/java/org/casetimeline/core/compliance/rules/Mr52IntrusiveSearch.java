package org.casetimeline.core.compliance.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.IntrusiveSearchReported;
import org.casetimeline.core.shared.SearchKind;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 50-52: strip and cavity searches only when absolutely necessary, in private, by staff of the same sex,
 * never to humiliate. A search with no individual reason, routine (daily or more), filmed, not in private or by
 * staff of the other sex is flagged; a routine practice stays open until the person leaves that place.
 */
public final class Mr52IntrusiveSearch extends RuleBase {

    public Mr52IntrusiveSearch() {
        super("MR52-INTRUSIVE-SEARCH", Severity.SERIOUS, "50", "51", "52");
    }

    @Override
    public List<Finding> evaluate(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact fact : facts.of(IntrusiveSearchReported.class, search -> search.kind() != SearchKind.PAT_DOWN)) {
            IntrusiveSearchReported search = fact.as(IntrusiveSearchReported.class);
            List<String> faults = new ArrayList<>();
            boolean routine = Boolean.TRUE.equals(search.daily());
            if (routine) {
                faults.add("routinely, daily or more often");
            }
            if (Boolean.FALSE.equals(search.individualReason())) {
                faults.add("with no individual reason");
            }
            if (Boolean.TRUE.equals(search.filmed())) {
                faults.add("filmed");
            }
            if (Boolean.FALSE.equals(search.inPrivate())) {
                faults.add("not in private");
            }
            if (Boolean.FALSE.equals(search.sameSexStaff())) {
                faults.add("by staff of the other sex");
            }
            if (faults.isEmpty()) {
                continue;
            }
            Optional<TimelineFact> ended = routine
                    ? facts.movedOutAfter(fact).or(() -> facts.custodyEndAfter(fact)) : Optional.of(fact);
            findings.add(FindingDraft.of(this).between(fact.earliest(), ended.map(TimelineFact::earliest).orElse(null))
                    .threshold("daily").evidence(fact).evidence(ended.filter(end -> end != fact).stream().toList())
                    .says((search.kind() == SearchKind.CAVITY ? "Body cavity" : "Strip") + " searches" + Wording.at(facts, fact)
                            + " reported " + Moment.startOf(fact).on()
                            + ", " + String.join(", ", faults)
                            + "; the Rules allow them only when absolutely necessary, in private and never to humiliate"));
        }
        return findings;
    }
}
