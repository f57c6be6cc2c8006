package org.casetimeline.core.shared;

/** How far a fact is established; sources disagree, so the record says which. */
public enum ClaimStatus {
    ALLEGED, CORROBORATED, OFFICIALLY_ACKNOWLEDGED
}
