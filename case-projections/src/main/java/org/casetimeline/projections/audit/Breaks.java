package org.casetimeline.projections.audit;

import java.util.ArrayList;
import java.util.List;

import org.casetimeline.projections.audit.ChainReport.Break;

/**
 * The breaks one verification finds: every one counted, the first {@value #LISTED} kept, in the order found. A store
 * rewritten wholesale breaks at every event, and a list of millions held for one answer would take the service's
 * memory with it; the first thousand name where to look, and the count says how far it goes.
 */
final class Breaks {

    static final int LISTED = 1000;

    private final List<Break> listed = new ArrayList<>();
    private long found;

    void add(Break found) {
        this.found++;
        if (listed.size() < LISTED) {
            listed.add(found);
        }
    }

    long found() {
        return found;
    }

    List<Break> listed() {
        return List.copyOf(listed);
    }
}
