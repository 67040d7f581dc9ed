package org.tipsearch.ingest;

import java.util.Locale;

/** What a searchable unit of a report is. */
public enum UnitKind {
    /** A numbered (or, in an article, a plain) paragraph. */
    PARAGRAPH,
    /** A "Recommendation N" block. */
    RECOMMENDATION,
    /** A bulleted line of an unnumbered article. */
    BULLET;

    /** The lower-case name used in ids, facets and the API. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static UnitKind fromId(String id) {
        return valueOf(id.toUpperCase(Locale.ROOT));
    }
}
