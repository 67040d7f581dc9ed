package org.tipsearch.search.lucene;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.PostingsOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;

/**
 * The offsets of a hit's matches, from the postings, as Lucene's strategy finds them, but with one weight of the
 * query a segment rather than one a hit: Lucene rewrites the query, makes its weight and looks its terms up again
 * for every hit, a fifth of the highlighting of a page. The highlighter visits a segment's hits in turn, one
 * segment after another.
 */
final class SegmentWeightOffsets extends PostingsOffsetStrategy {

    private LeafReader segment;
    private Weight weight;

    SegmentWeightOffsets(UHComponents components) {
        super(components);
    }

    @Override
    protected void createOffsetsEnumsWeightMatcher(LeafReader leafReader, int docId, List<OffsetsEnum> results)
            throws IOException {
        if (leafReader != segment) {
            // on the segment alone, as Lucene's strategy searches it; the highlighted field is the only one matched
            var searcher = new IndexSearcher(leafReader);
            searcher.setQueryCache(null);
            weight = searcher.rewrite(components.query()).createWeight(searcher, ScoreMode.COMPLETE_NO_SCORES, 1f);
            segment = leafReader;
        }
        Matches matches = weight.matches(leafReader.getContext(), docId);
        if (matches == null) {
            return;
        }
        for (String field : matches) {
            MatchesIterator iterator = components.fieldMatcher().test(field) ? matches.getMatches(field) : null;
            if (iterator != null) {
                results.add(new OffsetsEnum.OfMatchesIteratorWithSubs(iterator));
            }
        }
    }
}
