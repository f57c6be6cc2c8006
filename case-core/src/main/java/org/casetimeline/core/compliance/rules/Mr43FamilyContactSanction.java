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
import org.casetimeline.core.event.FactBounds;
import org.casetimeline.core.event.FamilyContactDenied;
import org.casetimeline.core.event.FamilyContactOccurred;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rule 43(3): a disciplinary sanction may never ban family contact, and may limit its means only briefly. A total
 * ban as a sanction is flagged; a sanction limiting one channel is flagged once it runs past the threshold. Either
 * ends when its stated length runs out, contact through the channel resumes, or custody ends.
 */
public final class Mr43FamilyContactSanction extends RuleBase {

    private static final FactKinds READS = FactKinds.of(FamilyContactDenied.class,
            FamilyContactOccurred.class).and(CaseFacts.CUSTODY);

    public Mr43FamilyContactSanction() {
        super("MR43-FAMILY-CONTACT-SANCTION", Severity.SERIOUS, READS, "43(3)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        for (TimelineFact fact : facts.of(FamilyContactDenied.class, denied -> Boolean.TRUE.equals(denied.asSanction()))) {
            FamilyContactDenied denied = fact.as(FamilyContactDenied.class);
            boolean total = denied.channel() == null || denied.channel() == ContactChannel.ANY;
            // release or death ends the ban; contact in a later custody says nothing of when it ended
            Optional<TimelineFact> resumed = Optional.ofNullable(CaseFacts.earlier(facts.firstFrom(fact, FamilyContactOccurred.class,
                    contact -> total || contact.channel() == denied.channel()).orElse(null), facts.custodyEndAfter(fact).orElse(null)));
            Moment end = resumed.map(Moment::startOf).orElse(null);
            // a length stored before lengths were held to their range is read as not given: minus three million days
            // would end the ban before the first date a finding can be stored with
            Integer banDays = FactBounds.DAYS.holds(denied.banDays()) ? denied.banDays() : null;
            if (banDays != null) {
                Moment runsOut = Moment.startOf(fact).plus(Duration.ofDays(banDays));
                if (!runsOut.earliest().isAfter(asOf) && (end == null || runsOut.earliest().isBefore(end.earliest()))) {
                    end = runsOut;
                    resumed = Optional.empty();
                }
            }
            Span span = new Span(Moment.startOf(fact), end);
            Duration limit = thresholds.familyContactRestriction();
            Optional<FindingKind> kind = total ? Optional.of(FindingKind.FLAG)
                    : banDays != null && banDays <= limit.toDays() ? Optional.empty()
                    : banDays != null ? Optional.of(FindingKind.FLAG) : span.exceeds(limit, asOf);
            String what = total ? "all family contact" : denied.channel().name().toLowerCase() + "s with family";
            String length = banDays != null ? " for " + Wording.plural(banDays, "day")
                    : ", " + span.length(kind.orElse(FindingKind.FLAG), asOf) + (span.end() == null ? " so far" : "");
            List<TimelineFact> closing = resumed.stream().toList();
            kind.ifPresent(k -> findings.add(FindingDraft.of(this).kind(k).over(span)
                    .threshold(total ? "no ban" : Wording.duration(limit)).evidence(fact).evidence(closing)
                    .says("A disciplinary sanction" + Wording.at(facts, fact) + " " + span.start().on() + " banned " + what + length
                            + "; the Rules forbid sanctions that ban family contact and allow limits only for a short time")));
        }
        return findings;
    }
}
