package org.casetimeline.core.shared;

import java.util.Arrays;
import java.util.List;

/** Who may see a fact: everyone, case workers (restricted), or only users cleared for confidential facts. */
public enum Confidentiality {
    PUBLIC, RESTRICTED, CONFIDENTIAL;

    /** Whether a reader cleared to {@code clearance} may see a fact at this level. */
    public boolean visibleTo(Confidentiality clearance) {
        return this.ordinal() <= clearance.ordinal();
    }

    /** The names of the levels a reader cleared to {@code clearance} may see, as rows store them. */
    public static List<String> namesVisibleTo(Confidentiality clearance) {
        return Arrays.stream(values()).filter(level -> level.visibleTo(clearance)).map(Enum::name).toList();
    }
}
