package org.tipsearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchQueryTest {

    @Test
    void theMixedSetHasWordsPhrasesQuestionsAndFilters() {
        List<BenchQuery> set = BenchQuery.mixedSet();
        assertEquals(23, set.size());
        assertTrue(set.stream().anyMatch(q -> !q.query().contains(" ")), "single words");
        assertTrue(set.stream().anyMatch(q -> q.query().startsWith("\"")), "phrases");
        assertTrue(set.stream().anyMatch(q -> q.query().split(" ").length > 6), "questions");
        assertTrue(set.stream().filter(q -> !q.filters().isEmpty()).count() >= 5, "with filters");
    }

    @Test
    void aLineIsWordsThenFilters() {
        assertEquals(List.of(new BenchQuery("labour exploitation",
                        Map.of("topic", List.of("labour-exploitation"), "speakerType", List.of("state", "chair")))),
                BenchQuery.parse("# a comment\n\nlabour exploitation\ttopic=labour-exploitation;speakerType=state;speakerType=chair\n"));
        assertThrows(IllegalArgumentException.class, () -> BenchQuery.parse("words\ttopic"));
        assertThrows(IllegalArgumentException.class, () -> BenchQuery.parse("  \ttopic=x"));
    }

    @Test
    void postgresReadsPhrasesAsPhrasesAndWordsAsAnyOfThem() {
        assertEquals("forced labour", PostgresBaseline.tsQueryText("\"forced labour\""));
        assertEquals("how | can | civil | society | help", PostgresBaseline.tsQueryText("how can civil society help?"));
    }
}
