package org.tipsearch.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.tipsearch.curation.CuratorFiles;
import org.tipsearch.enrich.Taxonomy;

/**
 * The names people read for what the API gives as ids: facet dimensions and facet values, from the curator's
 * {@code display-names.json} and the topic taxonomy.
 *
 * @param dimensions the name of each facet dimension
 * @param values     by dimension, the name of each value that is an id
 */
record DisplayNames(Map<String, String> dimensions, Map<String, Map<String, String>> values) {

    DisplayNames {
        dimensions = Map.copyOf(dimensions);
        var copy = new LinkedHashMap<String, Map<String, String>>();
        values.forEach((dim, names) -> copy.put(dim, Map.copyOf(names)));
        values = Map.copyOf(copy);
    }

    /** The name of a value of the dimension: its display name, else the value itself (null stays null). */
    String value(String dim, String value) {
        return value == null ? null : values.getOrDefault(dim, Map.of()).getOrDefault(value, value);
    }

    /** The names of several values, joined by "; " as a spreadsheet cell holds a list. */
    String values(String dim, java.util.List<String> ids) {
        return String.join("; ", ids.stream().map(id -> value(dim, id)).toList());
    }

    /** The curator's file, with the topics' labels added under "topic". */
    static DisplayNames load(Taxonomy taxonomy) {
        record File(String about, Map<String, String> dimensions, Map<String, Map<String, String>> values) {}
        File file = CuratorFiles.json(DisplayNames.class, "display-names.json", File.class);
        var values = new LinkedHashMap<>(file.values());
        var topics = new LinkedHashMap<String, String>();
        taxonomy.topics().forEach(topic -> topics.put(topic.id(), topic.label()));
        values.put("topic", topics);
        return new DisplayNames(file.dimensions(), values);
    }
}
