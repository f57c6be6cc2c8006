package org.casetimeline.core.shared;

/**
 * When an instrument of restraint was used. Rule 47 allows restraints only when strictly necessary, as a
 * precaution against escape during a transfer or on medical grounds, so the occasion decides whether a restraint
 * is a breach: during exercise or in the cell it is (rules.md, MR47-RESTRAINTS).
 */
public enum RestraintOccasion {
    EXERCISE, IN_CELL, ESCORT, TRANSPORT, COURT, MEDICAL, INTERROGATION, OTHER
}
