package org.casetimeline.projections.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.casetimeline.projections.audit.ChainReport.Break;
import org.casetimeline.projections.sql.LongReads;

/**
 * Re-reads the whole store and its chains in one pass and reports every break: an event whose bytes no longer
 * give its link (altered payload, metadata or timestamp), a link whose event is gone (deleted), an event with
 * no link (inserted behind the service's back), a hole in a sequence, a checkpoint whose heads were rewritten, an
 * event recorded well before the one ahead of it in its case (backdated, even with a link the forger computed), an
 * event moved in the store's order (its global index).
 * Plain JDBC over a cursor, so the command-line verifier runs it without the web service, in memory that grows with
 * the cases (the heads of the checkpoints an event is checked against), not with the events.
 */
public class ChainVerifier {

    private static final String SQL = "SELECT e." + ChainLink.COLUMNS.replace(", ", ", e.")
            + ", c.aggregateIdentifier, c.sequenceNumber, c.eventIdentifier, c.previous_link, c.link, e.globalIndex"
            + " FROM domainevententry e FULL OUTER JOIN event_chain c"
            + " ON c.aggregateIdentifier = e.aggregateIdentifier AND c.sequenceNumber = e.sequenceNumber"
            + " ORDER BY coalesce(e.aggregateIdentifier, c.aggregateIdentifier), coalesce(e.sequenceNumber, c.sequenceNumber)";

    /**
     * Appends to one case are serialised, so its events are recorded in order of their sequence, each by the clock of
     * the node that appended it: an event recorded more than this before the one ahead of it was backdated, which
     * would move it in every knownAt reading. The margin allows for the clocks of two nodes.
     */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * How long after an event was dated its transaction may still commit, past a checkpoint taken meanwhile: well above
     * the service's transaction timeout (case-timeline.database.transaction-timeout, 30 s), for the event store's gap
     * timeout holds it under a minute.
     */
    static final Duration OPEN_TRANSACTION = Duration.ofMinutes(5);

    /** The time a checkpoint was taken as its root hashes it: UTC, always six decimals (the database keeps microseconds). */
    private static final DateTimeFormatter TAKEN_AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final DataSource dataSource;
    private final Clock clock;

    public ChainVerifier(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    public ChainReport verify() {
        return verify(List.of());
    }

    /**
     * Verifies, and checks that each of {@code publishedRoots} (roots of checkpoints published outside the service) is
     * still the root of a stored checkpoint whose heads the chains hold: one who rewrites a chain and its checkpoints
     * alike leaves no stored trace, but cannot give them a root published before.
     */
    public ChainReport verify(List<String> publishedRoots) {
        Breaks breaks = new Breaks();
        Map<String, String> heads = new TreeMap<>();
        long events = 0;
        long checkpoints;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement longer = connection.createStatement()) {
                for (String timeout : LongReads.TRANSACTION_TIMEOUT) {
                    longer.execute(timeout);
                }
            }
            List<Covering> covering = covering(connection, publishedRoots);
            try (PreparedStatement statement = connection.prepareStatement(SQL)) {
                statement.setFetchSize(1000);
                try (ResultSet rs = statement.executeQuery()) {
                    String aggregate = null;
                    String previous = ChainLink.GENESIS;
                    long expected = 0;
                    Instant lastRecorded = null;
                    long lastGlobalIndex = -1;
                    while (rs.next()) {
                        boolean stored = rs.getString(1) != null;
                        String id = stored ? rs.getString(1) : rs.getString(10);
                        long sequence = stored ? rs.getLong(2) : rs.getLong(11);
                        String eventId = stored ? rs.getString(3) : rs.getString(12);
                        if (!id.equals(aggregate)) {
                            aggregate = id;
                            previous = ChainLink.GENESIS;
                            expected = 0;
                            lastRecorded = null;
                            lastGlobalIndex = -1;
                        }
                        if (sequence != expected) {
                            breaks.add(new Break(id, expected, null, "events " + expected + " to " + (sequence - 1)
                                    + " are missing from the store and the chain"));
                        }
                        expected = sequence + 1;
                        String link = rs.getString(14);
                        if (!stored) {
                            breaks.add(new Break(id, sequence, eventId, "the event was deleted: its link remains"));
                        } else if (link == null) {
                            events++;
                            breaks.add(new Break(id, sequence, eventId,
                                    "the event is not in the chain: it was stored behind the service's back"));
                        } else {
                            events++;
                            Instant recorded = recordedAt(rs.getString(5));
                            if (recorded == null) {
                                breaks.add(new Break(id, sequence, eventId, "the event's time cannot be read"));
                            }
                            for (Covering checkpoint : covering) {
                                if (recorded != null && !checkpoint.holds(id, sequence, recorded)) {
                                    breaks.add(new Break(id, sequence, eventId, "the event is dated before checkpoint "
                                            + checkpoint.id() + " but was not in it: it was inserted later and backdated"));
                                }
                            }
                            if (recorded != null && lastRecorded != null && recorded.isBefore(lastRecorded.minus(CLOCK_SKEW))) {
                                breaks.add(new Break(id, sequence, eventId, "the event is recorded as " + recorded
                                        + ", before the event ahead of it (" + lastRecorded + "): it was backdated"));
                            }
                            lastRecorded = recorded != null && (lastRecorded == null || recorded.isAfter(lastRecorded))
                                    ? recorded : lastRecorded;
                            // appends to a case are serialised, so its events take the store's order in theirs; the
                            // global index is not in the link, and a changed one would reorder every replay
                            long globalIndex = rs.getLong(15);
                            if (globalIndex <= lastGlobalIndex) {
                                breaks.add(new Break(id, sequence, eventId, "the event stands before the event ahead of it"
                                        + " in the store's order (global index " + globalIndex + " after " + lastGlobalIndex
                                        + "): the order replays read was changed"));
                            }
                            lastGlobalIndex = globalIndex;
                            if (!rs.getString(13).equals(previous)) {
                                breaks.add(new Break(id, sequence, eventId, "the chain does not continue from the previous event"));
                            }
                            if (!ChainLink.read(rs).linkAfter(rs.getString(13)).equals(link)) {
                                breaks.add(new Break(id, sequence, eventId,
                                        "the stored event no longer matches its link: payload, metadata or timestamp changed"));
                            }
                        }
                        if (link != null) {
                            previous = link;
                            heads.put(id, sequence + ":" + link);
                        }
                    }
                }
            }
            checkpoints = checkCheckpoints(connection, breaks, publishedRoots);
            connection.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the event store: " + e.getMessage(), e);
        }
        return new ChainReport(clock.instant(), events, heads.size(), root(heads), checkpoints, breaks.found(),
                breaks.listed(), breaks.found() == 0);
    }

    /**
     * Every checkpoint's heads must still be links of the chains, and its root must still be their hash (with the time it
     * was taken and its link count, format 2); every published root must be one of theirs. A copy of a store from before
     * V116 has no format column: all its checkpoints are format 1.
     */
    private static long checkCheckpoints(Connection connection, Breaks breaks, List<String> publishedRoots)
            throws SQLException {
        long count = 0;
        Set<String> roots = new HashSet<>();
        boolean formats;
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'chain_checkpoint'::regclass
                                                        AND attname = 'root_format' AND NOT attisdropped)""");
             ResultSet rs = statement.executeQuery()) {
            formats = rs.next() && rs.getBoolean(1);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT checkpoint_id, root, heads::text, " + (formats ? "root_format" : "1")
                        + ", created_at, events FROM chain_checkpoint ORDER BY checkpoint_id");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                count++;
                roots.add(rs.getString(2));
                if (!rs.getString(3).startsWith("{")) {
                    breaks.add(new Break("checkpoint", rs.getLong(1), null,
                            "the checkpoint's heads are no map of chains to their heads: the checkpoint was rewritten"));
                }
                int format = rs.getInt(4);
                String root = checkpointRoot(format, rs.getTimestamp(5).toInstant(), rs.getLong(6),
                        CheckpointHeads.parse(rs.getString(3)));
                if (!root.equals(rs.getString(2))) {
                    breaks.add(new Break("checkpoint", rs.getLong(1), null, format == 1
                            ? "the checkpoint's root does not match its heads"
                            : "the checkpoint's root does not match its heads, the time it was taken and its link count"));
                }
            }
        }
        // every head of every checkpoint against the chains in one statement: one lookup a head, each a round trip,
        // grew with the checkpoints times the cases. Heads rewritten out of shape (no map, a position no number) are
        // reported, not cast: a failed cast would end the verification and lose every break found
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT checkpoint.checkpoint_id, head.key, head.sequence, head.value
                FROM chain_checkpoint AS checkpoint
                CROSS JOIN LATERAL (
                    SELECT key, value, CASE WHEN pg_input_is_valid(split_part(value, ':', 1), 'bigint')
                                            THEN split_part(value, ':', 1)::bigint END AS sequence
                    FROM jsonb_each_text(CASE jsonb_typeof(checkpoint.heads) WHEN 'object' THEN checkpoint.heads
                                                                             ELSE '{}' END)) AS head
                LEFT JOIN event_chain AS chain ON chain.aggregateIdentifier = head.key
                      AND chain.sequenceNumber = head.sequence
                WHERE chain.link IS DISTINCT FROM split_part(head.value, ':', 2) OR head.sequence IS NULL
                ORDER BY checkpoint.checkpoint_id, head.key""");
             ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                long sequence = rs.getLong(3);
                breaks.add(rs.wasNull()
                        ? new Break(rs.getString(2), -1, null, "checkpoint " + rs.getLong(1) + " records \""
                                + shortened(rs.getString(4)) + "\" as this chain's head, which is no position in a chain:"
                                + " the checkpoint was rewritten")
                        : new Break(rs.getString(2), sequence, null,
                                "checkpoint " + rs.getLong(1) + " recorded another link here: the chain was rewritten"));
            }
        }
        for (String published : publishedRoots) {
            if (!roots.contains(published)) {
                breaks.add(new Break("checkpoint", -1, null, "the published root " + published
                        + " is the root of no stored checkpoint: checkpoints were rewritten or removed"));
            }
        }
        return count;
    }

    /**
     * A checkpoint an event dated well before it must be held by: its chain's head there reaches the event. Events dated
     * within the margin of it may have committed after its heads were read (the clocks of two nodes, a transaction
     * still open when it was taken).
     */
    private record Covering(long id, Instant takenBy, Map<String, Long> heads) {

        boolean holds(String aggregate, long sequence, Instant recorded) {
            return !recorded.isBefore(takenBy) || heads.getOrDefault(aggregate, -1L) >= sequence;
        }
    }

    /**
     * The checkpoints every event dated before them must be in: the latest (one forged with the event would be the
     * latest too, which is why published roots count) and those whose roots were published. Their heads are read once,
     * for the scan to look an event's case up in memory.
     */
    private static List<Covering> covering(Connection connection, List<String> publishedRoots) throws SQLException {
        List<Covering> covering = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                SELECT checkpoint_id, created_at, heads::text FROM chain_checkpoint
                WHERE checkpoint_id = (SELECT max(checkpoint_id) FROM chain_checkpoint) OR root = ANY (?)
                ORDER BY checkpoint_id""")) {
            statement.setArray(1, connection.createArrayOf("text", publishedRoots.toArray()));
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    Map<String, Long> heads = new HashMap<>();
                    CheckpointHeads.parse(rs.getString(3)).forEach((aggregate, head) -> {
                        try {
                            heads.put(aggregate, Long.parseLong(head.substring(0, head.indexOf(':'))));
                        } catch (RuntimeException unreadable) {
                            // a head rewritten out of shape: the checkpoint's root no longer matches, reported there
                        }
                    });
                    covering.add(new Covering(rs.getLong(1),
                            rs.getTimestamp(2).toInstant().minus(CLOCK_SKEW).minus(OPEN_TRANSACTION), heads));
                }
            }
        }
        return covering;
    }

    /** Stored text quoted in a report, cut short: a rewritten row may hold anything. */
    private static String shortened(String text) {
        return text == null ? "null" : text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }

    /** When an event was recorded, as stored; null when the text is no instant (its link then shows the change). */
    private static Instant recordedAt(String timestamp) {
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** SHA-256 over the sorted chain heads, one "aggregate:sequence:link" line each: the chains as they are, in a report. */
    static String root(Map<String, String> heads) {
        return root(null, heads);
    }

    /**
     * A checkpoint's root: since V116 (format 2) the line "taken 2026-11-25T07:01:21.123400Z over 65 links" (UTC, always
     * six decimals: the database keeps microseconds), then its heads as {@link #root(Map)} hashes them; before (format 1),
     * the heads alone.
     */
    static String checkpointRoot(int format, Instant takenAt, long links, Map<String, String> heads) {
        return root(format == 1 ? null : "taken " + TAKEN_AT.format(takenAt) + " over " + links + " links\n", heads);
    }

    private static String root(String firstLine, Map<String, String> heads) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            if (firstLine != null) {
                sha.update(firstLine.getBytes(StandardCharsets.UTF_8));
            }
            new TreeMap<>(heads).forEach((aggregate, head) ->
                    sha.update((aggregate + ":" + head + "\n").getBytes(StandardCharsets.UTF_8)));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
