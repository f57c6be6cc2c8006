package org.casetimeline.core.shared;

/** What an appeal court decided. */
public enum AppealOutcome {
    UPHELD, QUASHED, SENTENCE_REDUCED, SENTENCE_INCREASED, RETRIAL_ORDERED
}
