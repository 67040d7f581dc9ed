package org.tipsearch.ingest;

import java.util.Arrays;
import java.util.Locale;

/** The family a report belongs to. */
public enum ReportKind {
    CONSTRUCTIVE_DIALOGUE_SUMMARY,
    WORKING_GROUP_REPORT,
    ARTICLE,
    /** Any other report of the bodies covered. */
    REPORT;

    /** The hyphenated name used in facets, the API and sidecar files, e.g. "working-group-report". */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ReportKind fromId(String id) {
        return Arrays.stream(values())
                .filter(kind -> kind.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown report kind '" + id + "'; known: "
                        + Arrays.stream(values()).map(ReportKind::id).toList()));
    }
}
