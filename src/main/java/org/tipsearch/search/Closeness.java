package org.tipsearch.search;

/**
 * How close a precedent's meaning is to a draft, in plain words, from the cosine similarity of their embeddings.
 * Calibrated on the tuning half of the judged drafts (src/test/resources/eval/drafts-tune.json): every draft there
 * with a true precedent has a first hit at {@link #RELATED} or closer, off-subject text stays below it; the upper
 * bands split the true precedents' similarities into their top quarter and the rest above the median.
 */
public enum Closeness {
    VERY_CLOSE("very-close", 0.78f),
    CLOSE("close", 0.70f),
    RELATED("related", 0.63f),
    /** Nearest, but nothing close: below every first hit of a draft with a true precedent. */
    DISTANT("distant", Float.NEGATIVE_INFINITY);

    private final String id;
    private final float least;

    Closeness(String id, float least) {
        this.id = id;
        this.least = least;
    }

    public String id() {
        return id;
    }

    public static Closeness of(float similarity) {
        for (Closeness band : values()) {
            if (similarity >= band.least) {
                return band;
            }
        }
        return DISTANT;
    }
}
