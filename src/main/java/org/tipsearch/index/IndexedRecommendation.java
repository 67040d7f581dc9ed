package org.tipsearch.index;

import java.util.Objects;
import org.tipsearch.enrich.Recommendation;
import org.tipsearch.ingest.Unit;

/** An entry of the recommendations register as read back from the index, with the unit it stands in. */
public record IndexedRecommendation(String id, String reportId, String unitId, Recommendation recommendation,
        Unit unit) {
    public IndexedRecommendation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(recommendation, "recommendation");
        Objects.requireNonNull(unit, "unit");
    }
}
