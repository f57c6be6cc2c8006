package org.casetimeline.core.shared;

/** How a person left custody. */
public enum ReleaseKind {
    END_OF_TERM, PARDON, AMNESTY, PAROLE, NON_CUSTODIAL_CONVERSION, ACQUITTAL, CHARGES_DROPPED, BAIL, OTHER
}
