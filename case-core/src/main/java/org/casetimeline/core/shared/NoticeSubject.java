package org.casetimeline.core.shared;

/** What the family was (or was not) told about. */
public enum NoticeSubject {
    DETENTION, TRANSFER, ILLNESS, INJURY, DEATH, WHEREABOUTS
}
