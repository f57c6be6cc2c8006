package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.casetimeline.core.timeline.Timeline;

/**
 * The findings of every check over one timeline as of an instant, kept check by check with the facts each read. A
 * case seen at a higher clearance level mostly holds the same facts plus a few: {@link #over} runs again only the
 * checks whose facts differ there. A check sees nothing but the kinds of fact it {@link ComplianceRule#reads reads}, so
 * one whose facts are the same would find the same.
 */
public final class Evaluation {

    private final Instant asOf;
    private final Thresholds thresholds;
    private final List<Timeline> read;
    private final List<List<Finding>> byCheck;
    private final List<String> checksRun;
    private final List<Finding> findings;

    private Evaluation(Timeline timeline, Instant asOf, Thresholds thresholds, Evaluation known) {
        this.asOf = asOf;
        this.thresholds = thresholds;
        List<ComplianceRule> checks = ComplianceRules.all();
        List<Timeline> read = new ArrayList<>(checks.size());
        List<List<Finding>> byCheck = new ArrayList<>(checks.size());
        List<String> run = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < checks.size(); i++) {
            ComplianceRule check = checks.get(i);
            Timeline facts = timeline.restrictedTo(check.reads());
            List<Finding> found;
            if (known != null && facts.sameFactsAs(known.read.get(i))) {
                found = known.byCheck.get(i);
            } else {
                found = List.copyOf(check.evaluate(facts, asOf, thresholds));
                run.add(check.id());
            }
            read.add(facts);
            byCheck.add(found);
            findings.addAll(found);
        }
        findings.sort(ComplianceRules.LISTED);
        this.read = List.copyOf(read);
        this.byCheck = List.copyOf(byCheck);
        this.checksRun = List.copyOf(run);
        this.findings = List.copyOf(findings);
    }

    /** Every check run over {@code timeline} as of {@code asOf}. */
    public static Evaluation of(Timeline timeline, Instant asOf, Thresholds thresholds) {
        return new Evaluation(timeline, asOf, thresholds, null);
    }

    /**
     * The same checks as of the same instant over {@code other}, such as the same case at another clearance level:
     * a check whose facts are the same there keeps its findings from this evaluation, the others run.
     */
    public Evaluation over(Timeline other) {
        return new Evaluation(other, asOf, thresholds, this);
    }

    /** Every finding of every check, in the {@link ComplianceRules#LISTED} order. */
    public List<Finding> findings() {
        return findings;
    }

    /** The ids of the checks this evaluation ran, rather than kept from the one it was made {@link #over} from. */
    public List<String> checksRun() {
        return checksRun;
    }

    public Instant asOf() {
        return asOf;
    }
}
