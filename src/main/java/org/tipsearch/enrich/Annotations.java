package org.tipsearch.enrich;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.tipsearch.ingest.RecommendationStatus;

/**
 * What enrichment says of one unit. Lists hold ids or canonical names, sorted, without repeats.
 *
 * @param topics        topic ids
 * @param speakerTypes  who speaks: chair, secretariat, state, civil-society, academia, private-sector,
 *                      intergovernmental, un-expert
 * @param speakers      the named speakers (organizations, people with their affiliation)
 * @param countries     States named in the unit
 * @param organizations organizations named in the unit
 * @param status        the register status of the recommendations the unit holds, or null
 * @param synonymGroups how many times the unit mentions each of the curator's synonym groups it mentions, by group
 *                      name (what a search for a group's phrase asks for)
 */
public record Annotations(
        List<String> topics,
        List<String> speakerTypes,
        List<String> speakers,
        List<String> countries,
        List<String> organizations,
        RecommendationStatus status,
        Map<String, Integer> synonymGroups) {

    public Annotations {
        topics = sorted(topics);
        speakerTypes = sorted(speakerTypes);
        speakers = sorted(speakers);
        countries = sorted(countries);
        organizations = sorted(organizations);
        synonymGroups = mentions(synonymGroups);
    }

    /** Mention counts by name, sorted; each at least one. */
    static Map<String, Integer> mentions(Map<String, Integer> counts) {
        if (counts.values().stream().anyMatch(count -> count < 1)) {
            throw new IllegalArgumentException("a mention count must be at least 1: " + counts);
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(counts));
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().distinct().sorted().toList();
    }
}
