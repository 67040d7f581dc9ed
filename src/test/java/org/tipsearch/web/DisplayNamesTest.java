package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.tipsearch.curation.CuratorFiles;
import org.tipsearch.enrich.Enricher;
import org.tipsearch.enrich.Taxonomy;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.RecommendationStatus;
import org.tipsearch.ingest.ReportKind;
import org.tipsearch.ingest.UnitKind;

/** The curator's display names cover every id the index can hold, so that no page shows a bare id. */
class DisplayNamesTest {

    static final Taxonomy TAXONOMY = Taxonomy.load();
    static final DisplayNames NAMES = DisplayNames.load(TAXONOMY);

    @Test
    void everyFacetDimensionHasAName() {
        var dims = new TreeSet<>(Schema.FACETS);
        dims.addAll(Schema.RECOMMENDATION_FACETS);
        assertEquals(dims, new TreeSet<>(NAMES.dimensions().keySet()));
    }

    @Test
    void everyValueOfAClosedVocabularyHasAName() {
        assertEquals(ids(Arrays.stream(UnitKind.values()).map(UnitKind::id)), new TreeSet<>(NAMES.values().get(Schema.KIND).keySet()));
        assertEquals(ids(Arrays.stream(RecommendationStatus.values()).map(RecommendationStatus::id)),
                new TreeSet<>(NAMES.values().get(Schema.STATUS).keySet()));
        assertEquals(ids(Arrays.stream(ReportKind.values()).map(ReportKind::id)), new TreeSet<>(NAMES.values().get(Schema.REPORT_KIND).keySet()));
        assertEquals(ids(TAXONOMY.topics().stream().map(Taxonomy.Topic::id)), new TreeSet<>(NAMES.values().get(Schema.TOPIC).keySet()));
        assertEquals("Non-punishment of victims", NAMES.values().get(Schema.TOPIC).get("non-punishment"));
    }

    @Test
    void speakerTypesAreTheOnesTheSpeakerRulesName() {
        // speakers.json lists its types in its "about" text: "Types: chair, secretariat, …."
        String about = CuratorFiles.text(Enricher.class, "speakers.json");
        String types = about.substring(about.indexOf("Types: ") + 7, about.indexOf(".", about.indexOf("Types: ")));
        Set<String> named = NAMES.values().get(Schema.SPEAKER_TYPE).keySet();
        for (String type : types.split(",\\s*")) {
            assertTrue(named.contains(type.strip()), type);
        }
    }

    private static Set<String> ids(Stream<String> ids) {
        return ids.collect(Collectors.toCollection(TreeSet::new));
    }
}
