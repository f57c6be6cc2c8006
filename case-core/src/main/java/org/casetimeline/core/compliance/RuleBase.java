package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;

/**
 * What every check states about itself (its id, the rule numbers it enforces, its default severity and the kinds of
 * fact it reads), and the one way it is run: over the timeline {@link Timeline#restrictedTo restricted} to those kinds.
 */
public abstract class RuleBase implements ComplianceRule {

    private final String id;
    private final Severity severity;
    private final FactKinds reads;
    private final List<String> ruleNumbers;

    protected RuleBase(String id, Severity severity, FactKinds reads, String... ruleNumbers) {
        this.id = id;
        this.severity = severity;
        this.reads = reads;
        this.ruleNumbers = List.of(ruleNumbers);
    }

    @Override
    public final List<Finding> evaluate(Timeline timeline, Instant asOf, Thresholds thresholds) {
        return findings(timeline.restrictedTo(reads), asOf, thresholds);
    }

    /** The check itself, over a timeline that holds only the kinds of fact it {@link #reads}. */
    protected abstract List<Finding> findings(Timeline timeline, Instant asOf, Thresholds thresholds);

    @Override
    public final FactKinds reads() {
        return reads;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final List<String> ruleNumbers() {
        return ruleNumbers;
    }

    @Override
    public final Severity defaultSeverity() {
        return severity;
    }

    @Override
    public String toString() {
        return id;
    }
}
