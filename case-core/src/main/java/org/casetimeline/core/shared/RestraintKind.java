package org.casetimeline.core.shared;

/** Instruments of restraint; chains and irons are banned outright (rule 47(1)). */
public enum RestraintKind {
    HANDCUFFS, CHAINS, IRONS, HOOD, BODY_BELT, RESTRAINT_CHAIR, STRAITJACKET, OTHER
}
