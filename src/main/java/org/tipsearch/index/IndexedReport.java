package org.tipsearch.index;

import java.time.Instant;
import java.util.Objects;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportMetadata;
import org.tipsearch.ingest.TextAccount;

/**
 * A report as the index holds it: its metadata, the fingerprint of its content and when this version of it was
 * added.
 */
public record IndexedReport(ReportMetadata metadata, String fingerprint, Instant addedAt, TextAccount account) {
    public IndexedReport {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** A report read now, as an index takes it in: its fingerprint taken, added at {@code addedAt}. */
    public static IndexedReport of(Report report, Instant addedAt) {
        return new IndexedReport(report.metadata(), ReportFingerprint.of(report), addedAt, report.account());
    }

    public String id() {
        return metadata.id();
    }
}
