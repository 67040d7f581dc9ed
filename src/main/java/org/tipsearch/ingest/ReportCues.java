package org.tipsearch.ingest;

import java.util.List;
import java.util.Objects;
import org.tipsearch.curation.CuratorFiles;

/**
 * The curator-editable cues for reading metadata from report text, loaded from {@code report-cues.json}.
 */
record ReportCues(
        String about,
        List<String> frontMatterNoise,
        String symbol,
        String meetingLine,
        List<String> pageFurniture,
        List<KindCue> kinds,
        List<String> bodies,
        List<String> sessionPatterns,
        List<String> ordinals) {

    /** Title patterns that mark a report kind. */
    record KindCue(String kind, List<String> titlePatterns) {
        KindCue {
            ReportKind.fromId(kind); // fails early on a typo in the resource
            titlePatterns = List.copyOf(titlePatterns);
        }
    }

    ReportCues {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(meetingLine, "meetingLine");
        pageFurniture = List.copyOf(pageFurniture);
        frontMatterNoise = List.copyOf(frontMatterNoise);
        kinds = List.copyOf(kinds);
        bodies = List.copyOf(bodies);
        sessionPatterns = List.copyOf(sessionPatterns);
        ordinals = List.copyOf(ordinals);
    }

    static ReportCues load() {
        return CuratorFiles.json(ReportCues.class, "report-cues.json", ReportCues.class);
    }
}
