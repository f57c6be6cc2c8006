package org.casetimeline.core.prisonercase;

/**
 * The case refuses to record something because it would break the record itself (not because it contradicts
 * other facts: contradictions are kept and shown). Carries the field at fault and a code to match on.
 */
public class RecordingRefused extends RuntimeException {

    public enum Reason {
        UNKNOWN_FACT, FACT_RETRACTED, FACT_SUPERSEDED, FACT_ID_REUSED, NOT_CORRECTABLE, TYPE_MISMATCH, CASE_MISMATCH,
        LEVEL_MISMATCH
    }

    private final Reason reason;
    private final String field;

    public RecordingRefused(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    public Reason reason() {
        return reason;
    }

    public String field() {
        return field;
    }
}
