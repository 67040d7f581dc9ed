package org.tipsearch.curation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of texts taken in turn, each with its length first, so that moving text from one part to the next
 * changes the digest: what a report says, or what the curator's files say.
 */
public final class Fingerprint {

    private final MessageDigest digest;

    public Fingerprint() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public Fingerprint add(String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
        return this;
    }

    /** The first bytes of the digest (32 in all), in hex; the fingerprint takes no more parts after. */
    public String hex(int bytes) {
        return HexFormat.of().formatHex(digest.digest(), 0, bytes);
    }
}
