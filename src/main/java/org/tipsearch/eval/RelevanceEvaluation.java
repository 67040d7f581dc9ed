package org.tipsearch.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Measures of ranked results against judgments, as trec_eval names them: nDCG at a cut (graded, linear gain, as
 * trec_eval's ndcg_cut), recall@20, and success@3 (a grade-2 unit among the first three: a true precedent where a
 * delegation looks first). A hit counts for a judged paragraph when it is from the judged report and its text holds
 * the judged phrase; each hit claims at most one judged paragraph, and each judged paragraph is claimed once.
 */
public final class RelevanceEvaluation {

    /** What a ranked hit shows the evaluation: its report file and its text. */
    public record RankedText(String source, String text) {}

    /** A measure, by its trec_eval name. */
    public enum Measure {
        NDCG_10("ndcg_cut_10"), RECALL_20("recall_20"), NDCG_5("ndcg_cut_5"), SUCCESS_3("success_3");

        private final String id;

        Measure(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        /** How deep a ranking this measure reads. */
        public static final int DEPTH = 20;
    }

    /** The scores of one query, or a mean of queries' (the id then names what was averaged). */
    public record QueryScores(String id, String kind, Map<Measure, Double> values) {
        public QueryScores {
            values = Map.copyOf(values);
        }

        public double get(Measure measure) {
            return values.get(measure);
        }

        public double ndcg10() {
            return get(Measure.NDCG_10);
        }

        public double recall20() {
            return get(Measure.RECALL_20);
        }
    }

    private RelevanceEvaluation() {}

    public static QueryScores score(JudgedQueries.JudgedQuery query, List<RankedText> ranking) {
        List<JudgedQueries.Judgment> judged = query.relevant();
        boolean[] claimed = new boolean[judged.size()];
        int[] gains = new int[Math.min(ranking.size(), Measure.DEPTH)];
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
        int[] ideal = judged.stream().map(JudgedQueries.Judgment::grade).sorted(Comparator.reverseOrder())
                .mapToInt(Integer::intValue).toArray();
        var values = new EnumMap<Measure, Double>(Measure.class);
        values.put(Measure.NDCG_10, ndcg(gains, ideal, 10));
        values.put(Measure.RECALL_20, relevant == 0 ? 0 : (double) found / relevant);
        values.put(Measure.NDCG_5, ndcg(gains, ideal, 5));
        boolean precedent = false;
        for (int rank = 0; rank < Math.min(3, gains.length); rank++) {
            precedent |= gains[rank] == 2;
        }
        values.put(Measure.SUCCESS_3, precedent ? 1.0 : 0.0);
        return new QueryScores(query.id(), query.kind(), values);
    }

    /** The mean of each measure over the queries, named "all". */
    public static QueryScores mean(List<QueryScores> scores) {
        return mean("all", null, scores);
    }

    /** The mean of each measure over each kind of query, by kind in the order the kinds first come. */
    public static List<QueryScores> meansByKind(List<QueryScores> scores) {
        var byKind = new LinkedHashMap<String, List<QueryScores>>();
        scores.stream().filter(s -> s.kind() != null)
                .forEach(s -> byKind.computeIfAbsent(s.kind(), k -> new ArrayList<>()).add(s));
        return byKind.entrySet().stream().map(e -> mean("kind:" + e.getKey(), e.getKey(), e.getValue())).toList();
    }

    private static QueryScores mean(String id, String kind, List<QueryScores> scores) {
        var values = new EnumMap<Measure, Double>(Measure.class);
        for (Measure measure : Measure.values()) {
            Function<QueryScores, Double> value = s -> s.get(measure);
            values.put(measure, scores.stream().mapToDouble(value::apply).average().orElse(0));
        }
        return new QueryScores(id, kind, values);
    }

    private static double ndcg(int[] gains, int[] ideal, int cut) {
        double idcg = dcg(ideal, cut);
        return idcg == 0 ? 0 : dcg(gains, cut) / idcg;
    }

    private static double dcg(int[] gains, int cut) {
        double sum = 0;
        for (int i = 0; i < Math.min(cut, gains.length); i++) {
            sum += gains[i] / (Math.log(i + 2) / Math.log(2));
        }
        return sum;
    }
}
