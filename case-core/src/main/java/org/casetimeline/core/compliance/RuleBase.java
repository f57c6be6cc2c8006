package org.casetimeline.core.compliance;

import java.util.List;

/** What every check states about itself: its id, the rule numbers it enforces and its default severity. */
public abstract class RuleBase implements ComplianceRule {

    private final String id;
    private final Severity severity;
    private final List<String> ruleNumbers;

    protected RuleBase(String id, Severity severity, String... ruleNumbers) {
        this.id = id;
        this.severity = severity;
        this.ruleNumbers = List.of(ruleNumbers);
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
