package org.tipsearch.search;

import org.apache.lucene.search.ScoreDoc;

/** A hit of a page as it was ranked, with its score (NaN when unscored) and why it matched (null if unranked). */
final class PageDoc extends ScoreDoc {

    final Match match;

    private PageDoc(int doc, float score, int shardIndex, Match match) {
        super(doc, score, shardIndex);
        this.match = match;
    }

    /** The hit with why it matched; its score read where its ranking left it (see {@link PageOfHits#score}). */
    static PageDoc of(ScoreDoc hit, Match match) {
        Float score = PageOfHits.score(hit);
        return new PageDoc(hit.doc, score == null ? Float.NaN : score, hit.shardIndex, match);
    }

    /** Why a hit of a page matched, or null. */
    static Match matchOf(ScoreDoc hit) {
        return hit instanceof PageDoc page ? page.match : null;
    }
}
