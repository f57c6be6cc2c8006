package org.casetimeline.core.compliance;

/** Whether the condition a finding describes still holds at the as-of instant. */
public enum FindingState {
    OPEN, CLOSED
}
