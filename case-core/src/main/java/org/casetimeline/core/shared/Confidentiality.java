package org.casetimeline.core.shared;

/** Who may see a fact: everyone, case workers (restricted), or only users cleared for confidential facts. */
public enum Confidentiality {
    PUBLIC, RESTRICTED, CONFIDENTIAL;

    /** Whether a reader cleared to {@code clearance} may see a fact at this level. */
    public boolean visibleTo(Confidentiality clearance) {
        return this.ordinal() <= clearance.ordinal();
    }
}
