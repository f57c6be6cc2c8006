package org.casetimeline.core.shared;

/** Who stands behind a fact. */
public enum SourceKind {
    FAMILY, LAWYER, JOURNALIST, NGO_REPORT, OFFICIAL_DOCUMENT, COURT_RECORD, MEDIA, THE_PERSON, UN_MECHANISM, OTHER
}
