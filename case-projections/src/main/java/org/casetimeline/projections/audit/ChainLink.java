package org.casetimeline.projections.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * The canonical form of one stored event and its link: SHA-256 over the previous link and every column of the
 * stored row (ids, sequence, type, timestamp, payload type and revision, payload bytes, metadata bytes, which
 * holds who recorded it), each length-prefixed so that no two rows serialise alike.
 */
public record ChainLink(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String type,
                        String timeStamp, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

    public static final String GENESIS = "0".repeat(64);

    static final String COLUMNS = "aggregateIdentifier, sequenceNumber, eventIdentifier, type, timeStamp, payloadType,"
            + " payloadRevision, payload, metaData";

    static ChainLink read(ResultSet rs) throws SQLException {
        return new ChainLink(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9));
    }

    public String linkAfter(String previous) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previous.getBytes(StandardCharsets.US_ASCII));
            for (String text : new String[] {aggregateIdentifier, Long.toString(sequenceNumber), eventIdentifier, type,
                    timeStamp, payloadType, payloadRevision}) {
                field(sha, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
            }
            field(sha, payload);
            field(sha, metaData);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A null field and an empty one must differ, as must ("ab","c") and ("a","bc"). */
    private static void field(MessageDigest sha, byte[] bytes) {
        sha.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            sha.update(bytes);
        }
    }
}
