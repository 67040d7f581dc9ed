package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class DistinctTermsPassageScorerTest {

    private static final String[] WORDS = {"victims", "trafficking", "organ", "removal", "non-punishment", "states"};

    @Test
    void scoresEveryPassageExactlyAsLuceneDoes() {
        var lucene = new PassageScorer();
        var distinct = new DistinctTermsPassageScorer();
        var random = new Random(20261206);
        for (int round = 0; round < 10_000; round++) {
            var passage = new Passage();
            int start = random.nextInt(2_000);
            passage.setStartOffset(start);
            passage.setEndOffset(start + 20 + random.nextInt(600));
            int offset = start;
            int matches = random.nextInt(12); // none too: a passage without matches scores 0
            for (int i = 0; i < matches && offset < passage.getEndOffset(); i++) {
                int end = offset + 1 + random.nextInt(15);
                // a fresh BytesRef each match, as the highlighter makes them: equal terms are not the same object
                var term = new BytesRef(WORDS[random.nextInt(WORDS.length)]);
                passage.addMatch(offset, end, term, 1 + random.nextInt(20));
                offset = end + random.nextInt(40);
            }
            int contentLength = passage.getEndOffset() + random.nextInt(3_000);
            assertEquals(lucene.score(passage, contentLength), distinct.score(passage, contentLength),
                    () -> "passage " + passage);
        }
    }

    @Test
    void countsARepeatedTermOnce() {
        var passage = new Passage();
        passage.setStartOffset(0);
        passage.setEndOffset(100);
        passage.addMatch(0, 7, new BytesRef("victims"), 3);
        passage.addMatch(20, 27, new BytesRef("victims"), 3);
        var scorer = new DistinctTermsPassageScorer();
        float expected = (float) (scorer.tf(2, 100) * scorer.weight(500, 3) * (double) scorer.norm(0));
        assertEquals(expected, scorer.score(passage, 500));
    }
}
