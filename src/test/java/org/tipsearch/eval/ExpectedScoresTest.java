package org.tipsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipsearch.eval.RelevanceEvaluation.Measure;
import org.tipsearch.eval.RelevanceEvaluation.QueryScores;

class ExpectedScoresTest {

    private static QueryScores means(String id, String kind, double ndcg10, double recall20) {
        return new QueryScores(id, kind, Map.of(Measure.NDCG_10, ndcg10, Measure.RECALL_20, recall20,
                Measure.NDCG_5, 0.0, Measure.SUCCESS_3, 0.0));
    }

    private static final ExpectedScores FLOORS = new ExpectedScores("x", Map.of("hybrid", Map.of(
            "all", Map.of("ndcg_cut_10", 0.8, "recall_20", 0.85),
            "question", Map.of("ndcg_cut_10", 0.7))));

    @Test
    void everyMeanItNamesMustHoldItsFloor() {
        var all = means("all", null, 0.81, 0.86);
        assertEquals(List.of(), FLOORS.shortfalls("hybrid", all, List.of(means("kind:question", "question", 0.7, 0))));
        assertEquals(List.of("kind:question ndcg_cut_10 0.6999 < 0.7000"),
                FLOORS.shortfalls("hybrid", all, List.of(means("kind:question", "question", 0.6999, 1))));
        assertEquals(List.of("all recall_20 0.8400 < 0.8500"), FLOORS.shortfalls("hybrid", means("all", null, 0.9, 0.84),
                List.of(means("kind:question", "question", 0.9, 1))));
        assertEquals(List.of("no queries of the kind question"), FLOORS.shortfalls("hybrid", all, List.of()));
        assertTrue(FLOORS.covers("hybrid"));
        assertTrue(!FLOORS.covers("bm25"));
    }

    @Test
    void anUnknownMeasureIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ExpectedScores("x", Map.of("bm25", Map.of("all", Map.of("ndcg@10", 0.5)))));
    }
}
