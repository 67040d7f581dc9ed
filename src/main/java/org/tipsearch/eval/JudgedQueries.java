package org.tipsearch.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Relevance judgments: each judged paragraph is named by its report file and a phrase found in it alone;
 * grade 2 is squarely on the topic, 1 related. A query may name its kind ("question", "theme", …), so that a
 * set's means are also given kind by kind.
 */
public record JudgedQueries(String about, List<JudgedQuery> queries) {

    public record JudgedQuery(String id, String kind, String query, List<Judgment> relevant) {
        public JudgedQuery(String id, String query, List<Judgment> relevant) {
            this(id, null, query, relevant);
        }

        public JudgedQuery {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(query, "query");
            relevant = List.copyOf(relevant);
        }
    }

    public record Judgment(String doc, String match, int grade) {
        public Judgment {
            Objects.requireNonNull(doc, "doc");
            Objects.requireNonNull(match, "match");
            if (grade < 0) {
                throw new IllegalArgumentException("grade must be 0 or more: " + grade);
            }
        }
    }

    public JudgedQueries {
        queries = List.copyOf(queries);
    }

    public static JudgedQueries read(Path file) throws IOException {
        return new ObjectMapper().readValue(file.toFile(), JudgedQueries.class);
    }
}
