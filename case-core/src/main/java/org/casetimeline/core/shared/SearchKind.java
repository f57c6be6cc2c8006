package org.casetimeline.core.shared;

/** Kinds of search of a person; strip and cavity searches are intrusive (rules 50-52). */
public enum SearchKind {
    PAT_DOWN, STRIP, CAVITY
}
