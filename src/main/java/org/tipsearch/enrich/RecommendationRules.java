package org.tipsearch.enrich;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

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
        try (InputStream in = RecommendationRules.class.getResourceAsStream("recommendations.json")) {
            if (in == null) {
                throw new IllegalStateException("recommendations.json is missing from the classpath");
            }
            return new ObjectMapper().readValue(in, RecommendationRules.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recommendations.json", e);
        }
    }
}
