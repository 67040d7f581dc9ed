package org.tipsearch.search.lucene;

import org.apache.lucene.search.ScoreDoc;
import org.tipsearch.search.Match;

/**
 * A hit of a page as it was ranked, with its score (NaN when unscored), why it matched (null if unranked) and, in
 * the precedent finder, how similar its meaning is (null elsewhere).
 */
final class PageDoc extends ScoreDoc {

    final Match match;
    final Float similarity;

    private PageDoc(int doc, float score, int shardIndex, Match match, Float similarity) {
        super(doc, score, shardIndex);
        this.match = match;
        this.similarity = similarity;
    }

    /** The hit with why it matched; its score read where its ranking left it (see {@link PageOfHits#score}). */
    static PageDoc of(ScoreDoc hit, Match match) {
        return of(hit, match, null);
    }

    /** The hit with the cosine similarity of its meaning to what it was found for. */
    static PageDoc similar(ScoreDoc hit, float similarity) {
        return of(hit, null, similarity);
    }

    private static PageDoc of(ScoreDoc hit, Match match, Float similarity) {
        Float score = PageOfHits.score(hit);
        return new PageDoc(hit.doc, score == null ? Float.NaN : score, hit.shardIndex, match, similarity);
    }

    static Float similarityOf(ScoreDoc hit) {
        return hit instanceof PageDoc page ? page.similarity : null;
    }

    /** Why a hit of a page matched, or null. */
    static Match matchOf(ScoreDoc hit) {
        return hit instanceof PageDoc page ? page.match : null;
    }
}
