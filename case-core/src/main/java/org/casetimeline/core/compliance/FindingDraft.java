package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.shared.FactId;
import org.casetimeline.core.timeline.TimelineFact;

/**
 * Builds a {@link Finding} for a rule: the rule's id, numbers and default severity, with {@code approximate}
 * and {@code disputed} read off the evidence so that no check forgets them.
 */
public final class FindingDraft {

    private final ComplianceRule rule;
    private FindingKind kind = FindingKind.FLAG;
    private Severity severity;
    private Instant start;
    private Instant end;
    private String threshold;
    /** By fact id: a fact's id names it in its timeline, and hashing the fact itself hashes all it holds. */
    private final Map<FactId, TimelineFact> evidence = new LinkedHashMap<>();
    private boolean approximate;
    private List<String> ruleNumbers;

    private FindingDraft(ComplianceRule rule) {
        this.rule = rule;
        this.severity = rule.defaultSeverity();
        this.ruleNumbers = rule.ruleNumbers();
    }

    public static FindingDraft of(ComplianceRule rule) {
        return new FindingDraft(rule);
    }

    public FindingDraft kind(FindingKind kind) {
        this.kind = kind;
        return this;
    }

    public FindingDraft severity(Severity severity) {
        this.severity = severity;
        return this;
    }

    /** From {@code start} until {@code end}; a null end leaves the finding open. */
    public FindingDraft between(Instant start, Instant end) {
        this.start = start;
        this.end = end;
        return this;
    }

    /** Covers a span: from its start's earliest reading to its end's (open when the span has no end). */
    public FindingDraft over(Span span) {
        this.approximate |= span.approximate();
        return between(span.start().earliest(), span.end() == null ? null : span.end().earliest());
    }

    /** The rule numbers this finding rests on, where they are fewer than the check's: one point of several it checks. */
    public FindingDraft citing(String... numbers) {
        this.ruleNumbers = List.of(numbers);
        return this;
    }

    public FindingDraft threshold(String threshold) {
        this.threshold = threshold;
        return this;
    }

    public FindingDraft evidence(Collection<TimelineFact> facts) {
        facts.forEach(fact -> evidence.putIfAbsent(fact.factId(), fact));
        return this;
    }

    public FindingDraft evidence(TimelineFact... facts) {
        return evidence(List.of(facts));
    }

    public FindingDraft approximate(boolean approximate) {
        this.approximate |= approximate;
        return this;
    }

    public Finding says(String explanation) {
        List<TimelineFact> facts = new ArrayList<>(evidence.values());
        boolean onImpreciseDate = approximate || facts.stream().anyMatch(TimelineFact::approximate);
        boolean disputed = facts.stream().anyMatch(TimelineFact::disputed);
        return new Finding(rule.id(), ruleNumbers, kind, severity,
                end == null ? FindingState.OPEN : FindingState.CLOSED, start, end, threshold,
                facts.stream().map(TimelineFact::factId).toList(), onImpreciseDate, disputed, explanation);
    }
}
