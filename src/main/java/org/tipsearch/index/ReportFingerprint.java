package org.tipsearch.index;

import org.tipsearch.curation.Fingerprint;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;

/**
 * What a report says, as a SHA-256: its metadata and units, but not its id or file name, so that the same
 * report ingested again — as the same file, under another name, or in another format that reads the same —
 * is recognised and changes nothing.
 */
final class ReportFingerprint {

    private ReportFingerprint() {}

    static String of(Report report) {
        // the same placeholder for every report where the fingerprint leaves its id and file name out
        var fingerprint = new Fingerprint()
                .add(StoredJson.write(report.metadata().withId("report").withSource("report")));
        for (Unit unit : report.units()) {
            fingerprint.add(StoredJson.write(unit));
        }
        return fingerprint.hex(32);
    }
}
