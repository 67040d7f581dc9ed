package org.tipsearch.search;

import java.util.Objects;
import org.tipsearch.index.IndexedRecommendation;
import org.tipsearch.ingest.ReportMetadata;

/** One entry of the recommendations register in a result; score and highlight as for {@link Hit}. */
public record RecommendationHit(IndexedRecommendation entry, ReportMetadata document, Float score, String highlight) {
    public RecommendationHit {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(highlight, "highlight");
    }

    /** "…, para. 9, point 1" for a stakeholder's point, else the unit's citation. */
    public String citation() {
        String unit = Citation.of(document, entry.unit());
        String entryId = entry.recommendation().entryId();
        return entryId.equals(entry.unit().unitId()) ? unit : unit + ", point " + entry.recommendation().number();
    }
}
