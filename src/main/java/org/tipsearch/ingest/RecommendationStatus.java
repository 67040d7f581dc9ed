package org.tipsearch.ingest;

import java.util.Locale;

/** Whether a recommendation was agreed by the Working Group or only put forward by its Co-Chairs. */
public enum RecommendationStatus {
    /** Adopted by the Working Group for the Conference of the Parties. */
    ADOPTED,
    /** Proposed by the Co-Chairs (printed in the annex) but not agreed. */
    PROPOSED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RecommendationStatus fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
