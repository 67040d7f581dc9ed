package org.tipsearch.ingest;

import java.util.Locale;

/**
 * The standing of a recommendation. The parser tells adopted from proposed; enrichment adds the Co-Chairs'
 * observations and the recommendations of stakeholders.
 */
public enum RecommendationStatus {
    /** Adopted by the Working Group for the Conference of the Parties. */
    ADOPTED,
    /** Proposed by the Co-Chairs (printed in the annex) but not agreed. */
    PROPOSED,
    /** An observation of the Co-Chairs after a constructive dialogue. */
    OBSERVATION,
    /** A concrete recommendation made by a panellist or other stakeholder. */
    STAKEHOLDER;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecommendationStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
