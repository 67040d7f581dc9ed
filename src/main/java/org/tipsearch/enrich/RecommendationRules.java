package org.tipsearch.enrich;

import java.util.List;
import java.util.Map;
import org.tipsearch.curation.CuratorFiles;

/** The curator's rules for the recommendations register, loaded from {@code recommendations.json}. */
record RecommendationRules(
        String about,
        String observationSections,
        String stakeholderIntroduction,
        String stakeholderPoint,
        String subItem,
        List<Strength> strengths,
        List<String> addressees,
        Map<String, String> speakerTypeByStatus) {

    /** How strongly a recommendation is put, and the words that say so. */
    record Strength(String strength, String pattern) {}

    RecommendationRules {
        strengths = List.copyOf(strengths);
        addressees = List.copyOf(addressees);
        speakerTypeByStatus = Map.copyOf(speakerTypeByStatus);
    }

    static RecommendationRules load() {
        return CuratorFiles.json(RecommendationRules.class, "recommendations.json", RecommendationRules.class);
    }
}
