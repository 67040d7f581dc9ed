package org.tipsearch.enrich;

import java.util.List;
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
 */
public record Annotations(
        List<String> topics,
        List<String> speakerTypes,
        List<String> speakers,
        List<String> countries,
        List<String> organizations,
        RecommendationStatus status) {

    public Annotations {
        topics = sorted(topics);
        speakerTypes = sorted(speakerTypes);
        speakers = sorted(speakers);
        countries = sorted(countries);
        organizations = sorted(organizations);
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().distinct().sorted().toList();
    }
}
