package org.casetimeline.core.compliance;

/** How firmly the recorded facts establish a breach. */
public enum FindingKind {
    /** The recorded facts establish the breach, even on the narrowest reading of their dates. */
    FLAG,
    /** Only the widest reading of imprecise dates crosses the threshold. */
    POSSIBLE,
    /** The check applies but the facts it needs are missing: a data gap, never compliance. */
    UNKNOWN
}
