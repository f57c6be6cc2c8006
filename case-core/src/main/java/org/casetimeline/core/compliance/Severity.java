package org.casetimeline.core.compliance;

/** How grave a finding is, gravest first. */
public enum Severity {
    /** Life, liberty, disappearance, torture. */
    CRITICAL,
    /** A clear breach. */
    SERIOUS,
    /** A pattern, a delay or an advisory. */
    CONCERN
}
