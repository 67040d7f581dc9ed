package org.tipsearch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The floors a judged set must keep, by search mode: {@code {"bm25": {"ndcg10": 0.7, "recall20": 0.8}}}. */
public record ExpectedScores(String about, Map<String, Floor> modes) {

    public record Floor(double ndcg10, double recall20) {}

    public ExpectedScores {
        modes = Map.copyOf(modes);
    }

    public static ExpectedScores read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), ExpectedScores.class);
    }
}
