package org.casetimeline.core.compliance;

import java.time.Instant;
import java.util.List;

import org.casetimeline.core.timeline.FactKinds;
import org.casetimeline.core.timeline.Timeline;

/**
 * One check of rules.md: a pure function of a person's timeline, an as-of instant and thresholds. It reads
 * no clock and does no I/O; facts that may only have happened after {@code asOf} do not count.
 */
public interface ComplianceRule {

    /** The check's id in rules.md, such as {@code MR44-PROLONGED-SOLITARY}. */
    String id();

    /** The rule numbers it enforces, such as {@code ["43(1)(b)", "44"]}. */
    List<String> ruleNumbers();

    Severity defaultSeverity();

    /**
     * The kinds of fact the check reads: it sees no other, so a fact of another kind changes none of its findings, and
     * the same case seen at two clearance levels that differ only in other kinds has the same findings of it at both.
     */
    FactKinds reads();

    List<Finding> evaluate(Timeline timeline, Instant asOf, Thresholds thresholds);
}
