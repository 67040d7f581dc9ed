package org.tipsearch.search.solr;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.tipsearch.index.Schema;

/** The parameters of one request to Solr's {@code select}, a parameter given as often as it is added. */
final class SolrSelect {

    /** Between a terms query's values: "␟", which no value holds (Solr reads a control character as a space). */
    static final String SEPARATOR = "\u241f";

    private final List<Map.Entry<String, String>> params = new ArrayList<>();

    SolrSelect() {
        add("wt", "json");
    }

    SolrSelect add(String name, String value) {
        params.add(Map.entry(name, value));
        return this;
    }

    SolrSelect addAll(Map<String, String> named) {
        named.forEach(this::add);
        return this;
    }

    SolrSelect rows(int start, int rows) {
        return add("start", String.valueOf(start)).add("rows", String.valueOf(rows));
    }

    /** A select with the same parameters, to add others to. */
    SolrSelect copy() {
        var copy = new SolrSelect();
        copy.params.clear();
        copy.params.addAll(params);
        return copy;
    }

    List<Map.Entry<String, String>> params() {
        return List.copyOf(params);
    }

    /**
     * The documents holding any of the values in a field (none for no values), optionally tagged for the facets
     * to leave out. A value holding the separator is no value any document holds: it matches nothing, as an
     * unknown id or facet value does.
     */
    static String anyOf(String field, Collection<String> values, String tag) {
        List<String> held = values.stream().filter(v -> !v.contains(SEPARATOR)).toList();
        if (held.isEmpty()) {
            return tag == null ? NOTHING : "{!xmlparser tag=" + tag + "}<BooleanQuery/>";
        }
        return "{!terms f=" + field + (tag == null ? "" : " tag=" + tag) + " separator=" + SEPARATOR + "}"
                + String.join(SEPARATOR, held);
    }

    /** The {@code topK} units nearest a vector, by cosine (scored (1 + cos) / 2), the request's filters first. */
    static String nearest(int topK, float[] vector) {
        return "{!knn f=" + Schema.VECTOR + " topK=" + topK + "}" + IntStream.range(0, vector.length)
                .mapToObj(i -> Float.toString(vector[i])).collect(Collectors.joining(",", "[", "]"));
    }

    /** A query that matches nothing. */
    static final String NOTHING = "{!xmlparser}<BooleanQuery/>";

    /** The documents of one type (units, register entries, report records). */
    static String ofType(String type) {
        return "{!term f=" + Schema.TYPE + "}" + type;
    }
}
