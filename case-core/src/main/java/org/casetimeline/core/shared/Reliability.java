package org.casetimeline.core.shared;

/** The Admiralty grade of a source: A completely reliable ... E unreliable, F cannot be judged. */
public enum Reliability {
    A, B, C, D, E, F
}
