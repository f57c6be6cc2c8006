package org.casetimeline.projections.status;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.casetimeline.core.shared.CaseId;
import org.casetimeline.core.timeline.Recording;

/**
 * The streams of the cases the status projection computed last, so that a case's next event is added to what was
 * read before instead of the whole stream being read and decoded again. Stored events never change, so a kept
 * stream stays a true beginning of its case's stream; it is used only when the events a batch delivers continue it
 * exactly up to the stored head. The least recently used cases go first.
 */
final class KeptStreams {

    private final Map<CaseId, List<Recording>> streams;

    KeptStreams(int capacity) {
        this.streams = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CaseId, List<Recording>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The stream kept of this case, from sequence 0 on; null when none is kept. */
    synchronized List<Recording> get(CaseId caseId) {
        return streams.get(caseId);
    }

    synchronized void keep(CaseId caseId, List<Recording> wholeStream) {
        streams.put(caseId, List.copyOf(wholeStream));
    }

    synchronized void clear() {
        streams.clear();
    }
}
