package org.casetimeline.core.timeline;

/** Whether a recorded fact still counts: current, withdrawn, or replaced by a correction. */
public enum FactStatus {
    CURRENT, RETRACTED, SUPERSEDED
}
