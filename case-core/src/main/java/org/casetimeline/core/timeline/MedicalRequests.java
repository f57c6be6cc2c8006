package org.casetimeline.core.timeline;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.event.MedicalExaminationProvided;
import org.casetimeline.core.event.MedicalRequestDenied;
import org.casetimeline.core.event.MedicalRequestMade;
import org.casetimeline.core.shared.FactId;

/**
 * Each request for medical care with the fact that answered it, if any: a refusal or an examination naming the
 * request, or, when the answer names none, the first answer after the request. Shared by the status card and
 * the timeline drawing, so both agree on what is still waiting.
 */
public final class MedicalRequests {

    /** A request and its answer ({@code answer} null while none is recorded). */
    public record Waiting(TimelineFact request, TimelineFact answer) {

        public boolean openAt(Instant instant) {
            return !request.earliest().isAfter(instant) && (answer == null || answer.earliest().isAfter(instant));
        }
    }

    private MedicalRequests() {
    }

    public static List<Waiting> of(Timeline timeline) {
        List<TimelineFact> requests = new ArrayList<>(timeline.facts(MedicalRequestMade.class));
        List<Waiting> answered = new ArrayList<>();
        for (TimelineFact fact : timeline.facts()) {
            FactId names = fact.fact() instanceof MedicalRequestDenied denied ? denied.requestFactId()
                    : fact.fact() instanceof MedicalExaminationProvided examined ? examined.requestFactId() : null;
            if (!fact.is(MedicalRequestDenied.class) && !fact.is(MedicalExaminationProvided.class)) {
                continue;
            }
            for (TimelineFact request : List.copyOf(requests)) {
                boolean answers = names != null ? request.isNamedBy(names)
                        : !request.earliest().isAfter(fact.earliest());
                if (answers) {
                    answered.add(new Waiting(request, fact));
                    requests.remove(request);
                }
            }
        }
        requests.forEach(request -> answered.add(new Waiting(request, null)));
        answered.sort((one, other) -> Timeline.OCCURRENCE_ORDER.compare(one.request(), other.request()));
        return List.copyOf(answered);
    }
}
