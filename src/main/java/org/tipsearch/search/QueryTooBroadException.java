package org.tipsearch.search;

/**
 * A query that expands (wildcards, fuzzy terms) to more terms than a search may look for, or whose expansion alone
 * would cost more than a search may: the client's to narrow.
 */
public final class QueryTooBroadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public QueryTooBroadException(Throwable cause) {
        super("the query expands to too many terms (wildcards or fuzzy words); make it more specific", cause);
    }

    /** @param message what is too broad, and the limit */
    public QueryTooBroadException(String message) {
        super(message + "; make the query more specific");
    }
}
