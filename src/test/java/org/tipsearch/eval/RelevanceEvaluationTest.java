package org.tipsearch.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tipsearch.eval.RelevanceEvaluation.Measure;
import org.tipsearch.eval.RelevanceEvaluation.RankedText;

class RelevanceEvaluationTest {

    private static final JudgedQueries.JudgedQuery QUERY = new JudgedQueries.JudgedQuery("q1", "x", List.of(
            new JudgedQueries.Judgment("a.txt", "alpha", 2),
            new JudgedQueries.Judgment("a.txt", "beta", 1),
            new JudgedQueries.Judgment("b.txt", "gamma", 2)));

    @Test
    void ndcgWithLinearGainsAndRecall() {
        // ranks: miss, alpha (2), gamma (2); beta never found
        var ranking = List.of(new RankedText("a.txt", "nothing"), new RankedText("a.txt", "the alpha text"),
                new RankedText("b.txt", "a gamma here"));
        var scores = RelevanceEvaluation.score(QUERY, ranking);
        double dcg = 2 / log2(3) + 2 / log2(4);
        double idcg = 2 / log2(2) + 2 / log2(3) + 1 / log2(4);
        assertEquals(dcg / idcg, scores.ndcg10(), 1e-9);
        assertEquals(2.0 / 3, scores.recall20(), 1e-9);
    }

    @Test
    void eachHitClaimsOneJudgedParagraphAndEachParagraphIsClaimedOnce() {
        // one hit holding both phrases claims only the first; a second copy of alpha counts for nothing
        var ranking = List.of(new RankedText("a.txt", "alpha and beta"), new RankedText("a.txt", "alpha again"),
                new RankedText("c.txt", "alpha elsewhere"));
        var scores = RelevanceEvaluation.score(QUERY, ranking);
        assertEquals(1.0 / 3, scores.recall20(), 1e-9);
        assertEquals(2 / (2 / log2(2) + 2 / log2(3) + 1 / log2(4)), scores.ndcg10(), 1e-9);
    }

    @Test
    void onlyTheFirstTwentyHitsCount() {
        var ranking = new java.util.ArrayList<RankedText>();
        for (int i = 0; i < 20; i++) {
            ranking.add(new RankedText("z.txt", "filler"));
        }
        ranking.add(new RankedText("a.txt", "alpha"));
        assertEquals(0.0, RelevanceEvaluation.score(QUERY, ranking).recall20());
    }

    @Test
    void successAtThreeAsksForATruePrecedentAmongTheFirstThree() {
        var related = List.of(new RankedText("a.txt", "beta"), new RankedText("z.txt", "x"),
                new RankedText("z.txt", "y"), new RankedText("a.txt", "alpha"));
        assertEquals(0.0, RelevanceEvaluation.score(QUERY, related).get(Measure.SUCCESS_3), "grade 1 is no precedent");
        var precedent = List.of(new RankedText("z.txt", "x"), new RankedText("z.txt", "y"), new RankedText("b.txt", "gamma"));
        assertEquals(1.0, RelevanceEvaluation.score(QUERY, precedent).get(Measure.SUCCESS_3));
        double dcg5 = 2 / log2(4);
        assertEquals(dcg5 / (2 / log2(2) + 2 / log2(3) + 1 / log2(4)),
                RelevanceEvaluation.score(QUERY, precedent).get(Measure.NDCG_5), 1e-9);
    }

    @Test
    void meansAreGivenKindByKind() {
        var question = new JudgedQueries.JudgedQuery("q", "question", "x", QUERY.relevant());
        var theme = new JudgedQueries.JudgedQuery("t", "theme", "x", QUERY.relevant());
        var scores = List.of(RelevanceEvaluation.score(question, List.of(new RankedText("a.txt", "alpha"))),
                RelevanceEvaluation.score(theme, List.of()), RelevanceEvaluation.score(QUERY, List.of()));
        var byKind = RelevanceEvaluation.meansByKind(scores);
        assertEquals(List.of("kind:question", "kind:theme"), byKind.stream().map(s -> s.id()).toList());
        assertEquals(1.0 / 3, byKind.get(0).recall20(), 1e-9);
        assertEquals(0.0, byKind.get(1).recall20());
        assertEquals(1.0 / 9, RelevanceEvaluation.mean(scores).recall20(), 1e-9);
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
