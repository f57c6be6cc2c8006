package org.casetimeline.projections.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;

import org.casetimeline.core.compliance.Finding;

/**
 * The SHA-256 of a finding's JSON, in hex: what a refresh compares a stored finding row by, instead of reading its JSON
 * back and decoding it. Equal JSON is equal content, since the JSON is all the row's finding holds. PostgreSQL digests
 * the same UTF-8 text as it stores a row ({@code sha256(convert_to(finding, 'UTF8'))}), so only findings compared with a
 * stored row are digested here, and a finding that levels share only once. One instance serves one write, on one thread.
 */
final class FindingDigests {

    private final Function<Finding, String> json;
    private final MessageDigest sha256;
    private final Map<Finding, String> digests = new IdentityHashMap<>();

    FindingDigests(Function<Finding, String> json) {
        this.json = json;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    String of(Finding finding) {
        return digests.computeIfAbsent(finding,
                f -> HexFormat.of().formatHex(sha256.digest(json.apply(f).getBytes(StandardCharsets.UTF_8))));
    }
}
