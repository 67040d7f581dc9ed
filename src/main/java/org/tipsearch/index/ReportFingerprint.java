package org.tipsearch.index;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.tipsearch.ingest.Paragraph;
import org.tipsearch.ingest.Report;

/**
 * What a report says, as a SHA-256: its metadata and units, but not its id or file name, so that the same
 * report ingested again — as the same file, under another name, or in another format that reads the same —
 * is recognised and changes nothing.
 */
final class ReportFingerprint {

    private ReportFingerprint() {}

    static String of(Report report) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        // the same placeholder for every report where the fingerprint leaves its id and file name out
        update(digest, StoredJson.write(report.metadata().withId("report").withSource("report")));
        for (Paragraph unit : report.paragraphs()) {
            update(digest, StoredJson.write(unit));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Each part with its length first, so that moving text from one part to the next changes the digest. */
    private static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) ':');
        digest.update(bytes);
    }
}
