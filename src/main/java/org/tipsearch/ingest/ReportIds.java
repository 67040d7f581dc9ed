package org.tipsearch.ingest;

import java.util.HashMap;
import java.util.Map;

/**
 * The report ids a build has given out, each to the file it was read from: two files of one id ("a.txt" and
 * "a.pdf") would have the second silently replace the first, so the second fails instead.
 */
public final class ReportIds {

    private final Map<String, String> sources = new HashMap<>();

    /** Takes the report's id for its file, or fails naming the file that took it first. */
    public void claim(Report report) throws InvalidReportException {
        String earlier = sources.putIfAbsent(report.metadata().id(), report.metadata().source());
        if (earlier != null) {
            throw new InvalidReportException(report.metadata().source() + ": its report id " + report.metadata().id()
                    + " is already taken by " + earlier + "; rename the file or set an id in its sidecar");
        }
    }
}
