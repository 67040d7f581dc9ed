package org.tipsearch.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A query of the benchmarks' fixed mixed set (the resource {@code queries.tsv}): words as a user types them and
 * the facet filters that go with them.
 */
public record BenchQuery(String query, Map<String, List<String>> filters) {

    public BenchQuery {
        Objects.requireNonNull(query, "query");
        if (query.isBlank()) {
            throw new IllegalArgumentException("a benchmark query has no words");
        }
        var copy = new LinkedHashMap<String, List<String>>();
        filters.forEach((dim, values) -> copy.put(dim, List.copyOf(values)));
        filters = Collections.unmodifiableMap(copy);
    }

    /** The fixed mixed set, in file order. */
    public static List<BenchQuery> mixedSet() {
        try (InputStream in = BenchQuery.class.getResourceAsStream("queries.tsv")) {
            if (in == null) {
                throw new IllegalStateException("the benchmark query set is missing from the build");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lines of "words", or "words TAB dim=value;dim=value"; '#' starts a comment line. */
    static List<BenchQuery> parse(String text) {
        var queries = new ArrayList<BenchQuery>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            var filters = new LinkedHashMap<String, List<String>>();
            if (parts.length == 2) {
                for (String filter : parts[1].split(";")) {
                    String[] dimValue = filter.split("=", 2);
                    if (dimValue.length != 2) {
                        throw new IllegalArgumentException("a filter is dim=value, not '" + filter + "'");
                    }
                    filters.computeIfAbsent(dimValue[0].strip(), d -> new ArrayList<>()).add(dimValue[1].strip());
                }
            }
            queries.add(new BenchQuery(parts[0].strip(), filters));
        }
        return List.copyOf(queries);
    }
}
