package org.tipsearch.search;

/**
 * Why a unit is in a ranked result: it contains the query's words (as the analysis reads them: stems, synonyms),
 * or it is only related to the query's meaning.
 */
public enum Match {
    WORDS("words"),
    MEANING("meaning");

    private final String id;

    Match(String id) {
        this.id = id;
    }

    /** The API's name of it. */
    public String id() {
        return id;
    }
}
