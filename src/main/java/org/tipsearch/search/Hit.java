package org.tipsearch.search;

import java.util.Objects;
import org.tipsearch.index.IndexedUnit;
import org.tipsearch.ingest.ReportMetadata;

/**
 * One unit in a result.
 *
 * @param unit      the unit, its ids and annotations
 * @param document  the report it belongs to
 * @param score     the relevance score, or null when results are listed in report order
 * @param highlight the best passages with matches in {@code <mark>}, everything else HTML-escaped
 * @param match     whether the unit contains the query's words or is only related in meaning; null when unranked
 * @param similarity in the precedent finder, the cosine similarity of the unit's meaning to the draft's or the
 *                   paragraph's; null elsewhere
 */
public record Hit(IndexedUnit unit, ReportMetadata document, Float score, String highlight, Match match,
        Float similarity) {
    public Hit {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(document, "document");
        Objects.requireNonNull(highlight, "highlight");
    }
}
