package org.casetimeline.core.shared;

/** How a detained person keeps in touch with the outside world. */
public enum ContactChannel {
    VISIT, CALL, LETTER, ANY
}
