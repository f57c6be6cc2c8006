package org.casetimeline.core.timeline;

/** Where a person stands with respect to liberty at a given moment. */
public enum CustodyState {
    AT_LIBERTY, DETAINED_PRE_TRIAL, SERVING_SENTENCE, RELEASED, DECEASED, UNKNOWN
}
