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
import java.util.function.IntSupplier;

import org.casetimeline.core.compliance.CaseFixture;
import org.casetimeline.core.compliance.ComplianceRules;
import org.casetimeline.core.compliance.Evaluation;
import org.casetimeline.core.compliance.Thresholds;
import org.casetimeline.core.event.FacilityRegistered;
import org.casetimeline.core.shared.ContactChannel;
import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.shared.NoticeSubject;
import org.casetimeline.core.timeline.Recording;
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
        System.out.println();
        levels();
    }

    /**
     * The bench's imported case (bench/append/LoadGenerator: ten facts, one restricted and one confidential) at its three
     * clearance levels: each level evaluated from scratch, against each evaluated over the level below, which reruns only
     * the checks whose facts differ there (the status projection's way).
     */
    static void levels() {
        CaseFixture person = aCase();
        person.admitted(to(ARKALYK)).on("2012");
        person.solitary().on("2012-11");
        person.transferred(from(ARKALYK), to(KARAGANDY), false, false).on("2013-10-05");
        person.familyNotNotified(NoticeSubject.TRANSFER).on("2013-10-05");
        FactId unknown = person.whereaboutsUnknown().on("2013-10");
        person.inquiryRefused().on("2013-10");
        person.familyContactDenied(ContactChannel.CALL, null, null).on("2013-10");
        person.conditions().heldWithOtherLegalStatus(true).on("2013-10");
        FactId cold = person.conditions().heldWithOtherLegalStatus(false).on("2013-11");
        List<Recording> all = person.recordings();
        Timeline confidential = person.timeline();
        Timeline restricted = person.timelineOf(all.stream().filter(r -> !r.event().factId().equals(cold)).toList());
        Timeline open = person.timelineOf(all.stream()
                .filter(r -> !r.event().factId().equals(cold) && !r.event().factId().equals(unknown)).toList());
        Thresholds thresholds = Thresholds.defaults();
        double scratch = millisPer(2_000, () -> ComplianceRules.evaluate(open, AS_OF, thresholds).size()
                + ComplianceRules.evaluate(restricted, AS_OF, thresholds).size()
                + ComplianceRules.evaluate(confidential, AS_OF, thresholds).size());
        double over = millisPer(2_000, () -> {
            Evaluation below = Evaluation.of(open, AS_OF, thresholds);
            Evaluation middle = below.over(restricted);
            return below.findings().size() + middle.findings().size() + middle.over(confidential).findings().size();
        });
        Evaluation top = Evaluation.of(open, AS_OF, thresholds).over(restricted).over(confidential);
        System.out.println("| the bench's case at three clearance levels | us a case | checks run at the top level |");
        System.out.println("| --- | --- | --- |");
        System.out.println(String.format(Locale.ROOT, "| each level from scratch | %.1f | %d |", scratch * 1000,
                ComplianceRules.all().size()));
        System.out.println(String.format(Locale.ROOT, "| each level over the one below | %.1f (%.2f of from scratch) | %d |",
                over * 1000, over / scratch, top.checksRun().size()));
    }

    /** Runs {@code warmUp} times unmeasured, then for about two seconds (at least three times); the result is kept. */
    static double millisPer(int warmUp, IntSupplier evaluation) {
        long sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += evaluation.getAsInt();
        }
        long start = System.nanoTime();
        int runs = 0;
        while (System.nanoTime() - start < 2_000_000_000L || runs < 3) {
            sink += evaluation.getAsInt();
            runs++;
        }
        if (sink < 0) {
            throw new IllegalStateException();
        }
        return (System.nanoTime() - start) / 1e6 / runs;
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
        return millisPer(3, () -> ComplianceRules.evaluate(timeline, AS_OF, Thresholds.defaults()).size());
    }
}
