package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static ScoreDoc[] ranking(int... docs) {
        return Arrays.stream(docs).mapToObj(doc -> new ScoreDoc(doc, 0)).toArray(ScoreDoc[]::new);
    }

    private static List<Integer> docs(ScoreDoc[] fused) {
        return Arrays.stream(fused).map(sd -> sd.doc).toList();
    }

    @Test
    void aUnitInBothRankingsRisesAboveOneInOnlyOne() {
        assertEquals(List.of(2, 1, 3, 9), docs(RankFusion.fuse(ranking(1, 2, 3), ranking(9, 2))));
    }

    @Test
    void aRankingReadDeeperBeginsWithTheSameFusion() {
        var random = new SplittableRandom(3);
        int[] words = IntStream.range(0, 5_000).map(i -> i * 7 % 5_003).toArray();
        int[] meaning = random.ints(50, 0, 5_003).distinct().toArray();
        int depth = 1_000;
        List<Integer> page = docs(RankFusion.fuse(ranking(Arrays.copyOf(words, depth)), ranking(meaning), depth, RankFusion.Weights.DEFAULT));
        List<Integer> export = docs(RankFusion.fuse(ranking(words), ranking(meaning), depth, RankFusion.Weights.DEFAULT));
        assertEquals(page, export.subList(0, page.size()));
        // Below the depth, the words' order, without the units already placed.
        List<Integer> rest = Arrays.stream(words).skip(depth).boxed().filter(doc -> !page.contains(doc)).toList();
        assertEquals(rest, export.subList(page.size(), export.size()));
    }
}
