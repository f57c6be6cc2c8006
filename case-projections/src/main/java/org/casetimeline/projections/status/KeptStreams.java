package org.casetimeline.projections.status;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.timeline.Recording;

/**
 * The streams of the cases the status projection computed last, so that a case's next event is added to what was
 * read before instead of the whole stream being read and decoded again. Stored events never change, so a kept
 * stream stays a true beginning of its case's stream; it is continued only by events that follow it without a gap,
 * and a case is computed from it only when it then reaches the stored head (or, in a replay, the case's last replayed
 * event). Bounded by the number of events kept, not of cases, since one case may hold thousands: the least recently
 * used cases go first, and a case longer than the bound is not kept.
 */
final class KeptStreams {

    private final long capacity;
    private final Map<CaseId, List<Recording>> streams = new LinkedHashMap<>(16, 0.75f, true);
    private long events;

    /** @param capacity the most events kept, over all cases; 0 keeps none */
    KeptStreams(long capacity) {
        this.capacity = capacity;
    }

    /** The stream kept of this case, from sequence 0 on; null when none is kept. */
    synchronized List<Recording> get(CaseId caseId) {
        return streams.get(caseId);
    }

    synchronized void keep(CaseId caseId, List<Recording> wholeStream) {
        List<Recording> before = streams.remove(caseId);
        events -= before == null ? 0 : before.size();
        if (wholeStream.size() > capacity) {
            return;
        }
        streams.put(caseId, List.copyOf(wholeStream));
        events += wholeStream.size();
        for (Iterator<List<Recording>> eldest = streams.values().iterator(); events > capacity && eldest.hasNext(); ) {
            events -= eldest.next().size();
            eldest.remove();
        }
    }

    synchronized void clear() {
        streams.clear();
        events = 0;
    }
}
