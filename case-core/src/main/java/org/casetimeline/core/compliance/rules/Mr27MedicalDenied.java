package org.casetimeline.core.compliance.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.casetimeline.core.compliance.CaseFacts;
import org.casetimeline.core.compliance.Finding;
import org.casetimeline.core.compliance.FindingDraft;
import org.casetimeline.core.compliance.Moment;
import org.casetimeline.core.compliance.RuleBase;
import org.casetimeline.core.compliance.Severity;
import org.casetimeline.core.compliance.Span;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.compliance.Wording;
import org.casetimeline.core.event.MedicalExaminationProvided;
import org.casetimeline.core.event.MedicalRequestDenied;
import org.casetimeline.core.event.MedicalRequestMade;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Rules 24 and 27(1): prompt medical care, and a hospital when needed. A refused request is flagged until care is
 * given; a request left unmet past the threshold (24 hours if urgent or for a hospital, 7 days otherwise) too.
 */
public final class Mr27MedicalDenied extends RuleBase {

    private static final FactKinds READS = FactKinds.of(MedicalExaminationProvided.class, MedicalRequestDenied.class,
            MedicalRequestMade.class).and(CaseFacts.CUSTODY);

    public Mr27MedicalDenied() {
        super("MR27-MEDICAL-DENIED", Severity.SERIOUS, READS, "24", "27(1)");
    }

    @Override
    protected List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds) {
        CaseFacts facts = CaseFacts.of(timeline, asOf);
        List<Finding> findings = new ArrayList<>();
        List<TimelineFact> denials = facts.of(MedicalRequestDenied.class);
        for (TimelineFact denial : denials) {
            FactId requestId = denial.as(MedicalRequestDenied.class).requestFactId();
            Optional<TimelineFact> request = facts.of(MedicalRequestMade.class).stream()
                    .filter(fact -> fact.isNamedBy(requestId)).findFirst();
            TimelineFact care = careAfter(facts, denial,
                    named -> named.equals(requestId) || request.map(r -> r.isNamedBy(named)).orElse(false)).orElse(null);
            // release or death ends what the prison owed; care in a later custody does not answer this refusal
            TimelineFact end = CaseFacts.earlier(care, facts.custodyEndAfter(denial).orElse(null));
            boolean hospital = request.map(r -> Boolean.TRUE.equals(r.as(MedicalRequestMade.class).hospitalTransferRequested())).orElse(false);
            Span span = new Span(Moment.startOf(denial), end == null ? null : Moment.startOf(end));
            findings.add(FindingDraft.of(this).over(span).threshold("none").evidence(request.stream().toList())
                    .evidence(denial).evidence(end == null ? List.of() : List.of(end))
                    .says((hospital ? "A transfer to hospital" : "Medical care") + " was refused" + Wording.at(facts, denial)
                            + " " + span.start().on() + (end == null ? "; no care is recorded since"
                                    : end == care ? "; care came only " + span.end().on()
                                    : "; no care is recorded before custody ended " + span.end().on())));
        }
        for (TimelineFact requested : facts.of(MedicalRequestMade.class)) {
            if (denials.stream().anyMatch(denial -> requested.isNamedBy(denial.as(MedicalRequestDenied.class).requestFactId()))) {
                continue;
            }
            MedicalRequestMade request = requested.as(MedicalRequestMade.class);
            boolean urgent = Boolean.TRUE.equals(request.urgent()) || Boolean.TRUE.equals(request.hospitalTransferRequested());
            Duration threshold = urgent ? thresholds.urgentMedicalResponse() : thresholds.medicalResponse();
            Optional<TimelineFact> care = Optional.ofNullable(CaseFacts.earlier(
                    careAfter(facts, requested, requested::isNamedBy).orElse(null), facts.custodyEndAfter(requested).orElse(null)));
            Span span = new Span(Moment.startOf(requested), care.map(Moment::startOf).orElse(null));
            span.exceeds(threshold, asOf).ifPresent(kind -> findings.add(FindingDraft.of(this).kind(kind).over(span)
                    .threshold(Wording.duration(threshold)).evidence(requested).evidence(care.stream().toList())
                    .says((urgent ? "An urgent request" : "A request") + " for " + request.request() + Wording.at(facts, requested)
                            + " " + span.start().on() + " went unmet for " + span.length(kind, asOf)
                            + "; the Rules require prompt care, here within " + Wording.duration(threshold))));
        }
        return findings;
    }

    /** The first examination from {@code after} on that answers the request (names it, or names none). */
    private static Optional<TimelineFact> careAfter(CaseFacts facts, TimelineFact after, Predicate<FactId> namesTheRequest) {
        return facts.firstFrom(after, MedicalExaminationProvided.class,
                exam -> exam.requestFactId() == null || namesTheRequest.test(exam.requestFactId()));
    }
}
