package org.casetimeline.core.shared;

/** A fact that cannot be recorded as given: names the field at fault and why, in words a monitor can act on. */
public class InvalidFact extends IllegalArgumentException {

    private final String field;

    public InvalidFact(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
