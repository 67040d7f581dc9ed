package org.tipsearch.search;

import java.util.Objects;
import org.tipsearch.enrich.Recommendation;
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
        return Citation.of(document, entry.unit()) + pointSuffix();
    }

    /** "Recommendation 7 (proposed)", "Para. 42", "Para. 9, point 1": how a list of entries names this one. */
    public String label() {
        return Citation.heading(entry.unit(), entry.recommendation().status()) + pointSuffix();
    }

    /** ", point N" when the entry is one of the numbered points of its unit. */
    private String pointSuffix() {
        Recommendation r = entry.recommendation();
        return r.entryId().equals(entry.unit().unitId()) ? "" : ", point " + r.number();
    }
}
