package org.casetimeline.core.bench;

import static org.casetimeline.core.compliance.CaseFixture.ARKALYK;
import static org.casetimeline.core.compliance.CaseFixture.KARAGANDY;
import static org.casetimeline.core.compliance.CaseFixture.PAVLODAR;
import static org.casetimeline.core.compliance.CaseFixture.aCase;
import static org.casetimeline.core.compliance.CaseFixture.at;
import static org.casetimeline.core.compliance.CaseFixture.from;
import static org.casetimeline.core.compliance.CaseFixture.to;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.ComplianceRules;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.timeline.Timeline;

/**
 * A benchmark, run by a person (./bench/run.sh --evaluation), never by the tests: how the cost of evaluating every
 * compliance rule over one case grows with the case's length. Each case repeats a week of a long detention (a
 * transfer, a late family notice, a medical request refused, family contact denied, a lawyer requested, a spell of
 * solitary confinement, a complaint), so every rule that pairs facts has many facts to pair. The figure to read is
 * the cost per fact against the shortest case, measured in the same run: 1.0 means the cost grows with the case.
 */
public final class LongCaseEvaluation {

    private static final Instant AS_OF = Instant.parse("2030-01-01T00:00:00Z");
    private static final List<FacilityRegistered> PRISONS = List.of(ARKALYK, KARAGANDY, PAVLODAR);

    public static void main(String[] args) {
        int[] lengths = {100, 500, 1_000, 2_000, 4_000};
        System.out.println("| facts in the case | findings | ms per evaluation | ms per fact | per fact / at " + lengths[0] + " facts |");
        System.out.println("| --- | --- | --- | --- | --- |");
        double baseline = 0;
        for (int length : lengths) {
            Timeline timeline = caseOf(length);
            double ms = millisPerEvaluation(timeline);
            int findings = ComplianceRules.evaluate(timeline, AS_OF, Thresholds.defaults()).size();
            double perFact = ms / length;
            if (baseline == 0) {
                baseline = perFact;
            }
            System.out.println(String.format(Locale.ROOT, "| %,d | %,d | %.1f | %.4f | %.2f |", length, findings, ms, perFact,
                    perFact / baseline));
        }
    }

    static Timeline caseOf(int facts) {
        CaseFixture person = aCase();
        LocalDate day = LocalDate.of(2005, 1, 3);
        person.detained(at(ARKALYK)).on(day.toString());
        int recorded = 1;
        for (int week = 0; recorded < facts; week++) {
            LocalDate monday = day.plusWeeks(week);
            FacilityRegistered here = PRISONS.get(week % PRISONS.size());
            FacilityRegistered next = PRISONS.get((week + 1) % PRISONS.size());
            person.transferred(from(here), to(next)).on(monday.toString());
            person.familyNotified(NoticeSubject.TRANSFER, at(next)).on(monday.plusDays(4).toString());
            FactId request = person.medicalRequest(false).on(monday.plusDays(1).toString());
            person.medicalRequestDenied(request).on(monday.plusDays(2).toString());
            person.familyContactDenied(ContactChannel.VISIT, 30, true).on(monday.plusDays(2).toString());
            person.legalAccessRequested().on(monday.plusDays(3).toString());
            person.solitary().on(monday.plusDays(3).toString());
            person.solitaryEnded().on(monday.plusDays(5).toString());
            person.complaintFiled().on(monday.plusDays(6).toString());
            recorded += 9;
        }
        return person.timeline();
    }

    /** Warms up, then evaluates for about two seconds. */
    static double millisPerEvaluation(Timeline timeline) {
        for (int i = 0; i < 3; i++) {
            ComplianceRules.evaluate(timeline, AS_OF, Thresholds.defaults());
        }
        long start = System.nanoTime();
        int runs = 0;
        while (System.nanoTime() - start < 2_000_000_000L || runs < 3) {
            ComplianceRules.evaluate(timeline, AS_OF, Thresholds.defaults());
            runs++;
        }
        return (System.nanoTime() - start) / 1e6 / runs;
    }
}
