package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The taxonomy as a bridge: the topics a query names, and the one its meaning is closest to. */
class TopicBridgeTest {

    private final Embeddings embeddings = new Embeddings();
    private final TopicBridge bridge = new TopicBridge(embeddings);

    private float[] meaning(String query) {
        return embeddings.query(query);
    }

    @Test
    void aQueryNamesTopicsByTheirPhrasesReadAsUnitsAreRead() {
        assertEquals(Set.of("organ-removal"), bridge.topicsOf("organ harvesting in prisons", null));
        assertEquals(Set.of("non-punishment"), bridge.topicsOf("non criminalisation", null));
        assertEquals(Set.of(), bridge.topicsOf("recipe for chocolate cake", null));
    }

    @Test
    void aQueryInEverydayWordsReachesATopicByMeaning() {
        String query = "how can following bank transfers help catch the criminals?";
        assertEquals(Set.of(), bridge.topicsOf(query, null), "no phrase of the taxonomy");
        assertEquals(Set.of("financial-investigation"), bridge.topicsOf(query, meaning(query)));
    }

    @Test
    void aQueryFarFromEveryTopicReachesNone() {
        assertTrue(bridge.topicsOf("recipe for chocolate cake", meaning("recipe for chocolate cake")).isEmpty());
    }
}
