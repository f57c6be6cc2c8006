package org.casetimeline.projections.status;

import java.util.List;
import java.util.function.Function;

/**
 * The key a stored stay row goes by: {@code since#ordinal}, the date the stay began as the fact records it (with its
 * precision) and the ordinal counting the case's earlier stays begun on that date. A transfer learned late splits one
 * stay and leaves the later ones under their keys; numbered by position, every later stay moved one place and was
 * written again. Migration V109 writes the same text for rows stored before it.
 */
public final class StayKeys {

    private StayKeys() {
    }

    /** One key per stay, given the dates the case's stays began in the order of its placements. */
    public static List<String> of(List<String> sinces) {
        return RowKeys.of(sinces, Function.identity());
    }
}
