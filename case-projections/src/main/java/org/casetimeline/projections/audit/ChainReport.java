package org.casetimeline.projections.audit;

import java.time.Instant;
import java.util.List;

/**
 * What a verification found: how many events and chains it checked, the root over every chain head, how many breaks,
 * and the first thousand of them ({@code breaks}), each naming the event. {@code intact} only when there is no break
 * at all.
 */
public record ChainReport(Instant verifiedAt, long eventsChecked, long chains, String headsRoot, long checkpointsChecked,
                          long breaksFound, List<Break> breaks, boolean intact) {

    public record Break(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String problem) {
    }
}
