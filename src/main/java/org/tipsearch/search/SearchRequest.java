package org.tipsearch.search;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A validated search: the query (empty lists everything in report order), the page and the facet filters.
 * Values of one facet are OR-ed, facets are AND-ed.
 *
 * @param scope   paragraphs or the recommendations register
 * @param mode    how the query is matched (the register is always searched by its words)
 * @param query   the query text, possibly empty
 * @param page    1-based page number
 * @param size    hits per page
 * @param filters selected facet values by dimension
 */
public record SearchRequest(Scope scope, SearchMode mode, String query, int page, int size,
        Map<String, List<String>> filters) {

    public static final int DEFAULT_SIZE = 10;
    public static final int MAX_SIZE = 100;
    /** Deep pages cost a full sort of everything before them; nobody reads past this many hits. */
    public static final int MAX_WINDOW = 10_000;
    public static final int MAX_QUERY_LENGTH = 2_000;
    public static final int MAX_VALUES_PER_FILTER = 50;
    /** The longest value a facet lists (an organization's name) is under 100 characters. */
    public static final int MAX_FILTER_VALUE_LENGTH = 200;

    public SearchRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(mode, "mode");
        if (scope == Scope.RECOMMENDATIONS && mode != SearchMode.BM25) {
            throw new IllegalArgumentException("the recommendations register is searched by its words only");
        }
        query = query == null ? "" : query.strip();
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("q is " + query.length() + " characters long; at most "
                    + MAX_QUERY_LENGTH + " are allowed");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ", not " + size);
        }
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more, not " + page);
        }
        if ((long) page * size > MAX_WINDOW) {
            throw new IllegalArgumentException("page " + page + " of size " + size + " goes past the first "
                    + MAX_WINDOW + " hits; narrow the search instead");
        }
        Objects.requireNonNull(filters, "filters");
        var copy = new LinkedHashMap<String, List<String>>();
        for (var entry : filters.entrySet()) {
            if (!scope.facets().contains(entry.getKey())) {
                throw new IllegalArgumentException("unknown filter '" + entry.getKey() + "'; filters are " + scope.facets());
            }
            List<String> values = filterValues(entry.getKey(), entry.getValue());
            if (!values.isEmpty()) {
                copy.put(entry.getKey(), values);
            }
        }
        filters = Map.copyOf(copy);
    }

    /** The values of one filter without blanks and repeats, within the limits, which a refusal names. */
    static List<String> filterValues(String dim, List<String> values) {
        List<String> kept = values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
        if (kept.size() > MAX_VALUES_PER_FILTER) {
            throw new IllegalArgumentException("at most " + MAX_VALUES_PER_FILTER + " values of " + dim + " may be given");
        }
        for (String value : kept) {
            if (value.length() > MAX_FILTER_VALUE_LENGTH) {
                throw new IllegalArgumentException("a value of " + dim + " is " + value.length()
                        + " characters long; at most " + MAX_FILTER_VALUE_LENGTH + " are allowed");
            }
        }
        return kept;
    }

    /** A keyword search of the units. */
    public SearchRequest(String query, int page, int size, Map<String, List<String>> filters) {
        this(Scope.UNITS, SearchMode.BM25, query, page, size, filters);
    }

    /** The first page of a keyword query over the units, with no filters. */
    public static SearchRequest of(String query, int size) {
        return new SearchRequest(query, 1, size, Map.of());
    }

    /** The same search for one hit: what a facet-count request costs least. */
    public SearchRequest countsOnly() {
        return new SearchRequest(scope, mode, query, 1, 1, filters);
    }
}
