package org.tipsearch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tipsearch.eval.RelevanceEvaluation.Measure;
import org.tipsearch.eval.RelevanceEvaluation.QueryScores;

/**
 * The floors a judged set's means must keep, by run (a search mode, or a scope of the precedent finder), then by
 * what is averaged ("all", or a kind of query), then by measure:
 * {@code {"runs": {"hybrid": {"all": {"ndcg_cut_10": 0.8, "recall_20": 0.85}, "question": {"ndcg_cut_10": 0.7}}}}}.
 */
public record ExpectedScores(String about, Map<String, Map<String, Map<String, Double>>> runs) {

    public ExpectedScores {
        runs = Map.copyOf(runs);
        runs.values().forEach(byGroup -> byGroup.values().forEach(floors -> floors.keySet().forEach(
                ExpectedScores::measure)));
    }

    public static ExpectedScores read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), ExpectedScores.class);
    }

    /** Whether the file has floors for a run. */
    public boolean covers(String run) {
        return runs.containsKey(run);
    }

    /**
     * The means that fall below their floors in a run, a line each ("kind:question ndcg_cut_10 0.6512 < 0.7000"),
     * or a line for a group the file names that the means lack; empty when all hold.
     */
    public List<String> shortfalls(String run, QueryScores all, List<QueryScores> byKind) {
        var shortfalls = new ArrayList<String>();
        runs.getOrDefault(run, Map.of()).forEach((group, floors) -> {
            QueryScores means = group.equals("all") ? all
                    : byKind.stream().filter(s -> group.equals(s.kind())).findFirst().orElse(null);
            if (means == null) {
                shortfalls.add("no queries of the kind " + group);
                return;
            }
            floors.forEach((measure, floor) -> {
                double value = means.get(measure(measure));
                if (value < floor) {
                    shortfalls.add(String.format(Locale.ROOT, "%s %s %.4f < %.4f", means.id(), measure, value, floor));
                }
            });
        });
        return shortfalls;
    }

    private static Measure measure(String id) {
        return Arrays.stream(Measure.values()).filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown measure '" + id + "'; measures are "
                        + Arrays.stream(Measure.values()).map(Measure::id).toList()));
    }
}
