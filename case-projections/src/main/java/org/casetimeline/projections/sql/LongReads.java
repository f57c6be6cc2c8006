package org.casetimeline.projections.sql;

import java.util.List;

/**
 * A read-only transaction inserts nothing, so it leaves no gap in the global order for the event processors to wait
 * out: the service's limit on how long a transaction stays open (ServiceRoleConfiguration, 30 s) is raised, within
 * such a transaction, for a read of the whole store or of every case, which may take longer when the store is large or
 * its reader slow, to the time the web layer gives a streamed answer (spring.mvc.async.request-timeout): still bounded,
 * as each holds a pooled connection.
 */
public final class LongReads {

    /** Run in order at the start of the read-only transaction. */
    public static final List<String> TRANSACTION_TIMEOUT = List.of(
            // PostgreSQL arms the timer anew only once it was stopped: a higher value set while it runs is not taken
            "SET LOCAL transaction_timeout = 0", "SET LOCAL transaction_timeout = '30min'");

    private LongReads() {
    }
}
