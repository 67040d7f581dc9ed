package org.tipsearch.eval;

import java.util.Comparator;
import java.util.List;

/**
 * nDCG@10 (graded, linear gain, as trec_eval's ndcg_cut) and recall@20 of ranked results against judgments.
 * A hit counts for a judged paragraph when it is from the judged report and its text holds the judged phrase;
 * each hit claims at most one judged paragraph, and each judged paragraph is claimed once.
 */
public final class RelevanceEvaluation {

    /** What a ranked hit shows the evaluation: its report file and its text. */
    public record RankedText(String source, String text) {}

    /** The scores of one query. */
    public record QueryScores(String id, double ndcg10, double recall20) {}

    private RelevanceEvaluation() {}

    public static QueryScores score(JudgedQueries.JudgedQuery query, List<RankedText> ranking) {
        List<JudgedQueries.Judgment> judged = query.relevant();
        boolean[] claimed = new boolean[judged.size()];
        int[] gains = new int[Math.min(ranking.size(), 20)];
        int found = 0;
        for (int rank = 0; rank < gains.length; rank++) {
            RankedText hit = ranking.get(rank);
            for (int j = 0; j < judged.size(); j++) {
                JudgedQueries.Judgment judgment = judged.get(j);
                if (!claimed[j] && judgment.doc().equals(hit.source()) && hit.text().contains(judgment.match())) {
                    claimed[j] = true;
                    gains[rank] = judgment.grade();
                    found += judgment.grade() > 0 ? 1 : 0;
                    break;
                }
            }
        }
        long relevant = judged.stream().filter(j -> j.grade() > 0).count();
        double dcg = dcg(gains, 10);
        int[] ideal = judged.stream().map(JudgedQueries.Judgment::grade).sorted(Comparator.reverseOrder())
                .mapToInt(Integer::intValue).toArray();
        double idcg = dcg(ideal, 10);
        return new QueryScores(query.id(), idcg == 0 ? 0 : dcg / idcg, relevant == 0 ? 0 : (double) found / relevant);
    }

    /** The mean of each measure over the queries. */
    public static QueryScores mean(List<QueryScores> scores) {
        return new QueryScores("all",
                scores.stream().mapToDouble(QueryScores::ndcg10).average().orElse(0),
                scores.stream().mapToDouble(QueryScores::recall20).average().orElse(0));
    }

    private static double dcg(int[] gains, int cut) {
        double sum = 0;
        for (int i = 0; i < Math.min(cut, gains.length); i++) {
            sum += gains[i] / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
