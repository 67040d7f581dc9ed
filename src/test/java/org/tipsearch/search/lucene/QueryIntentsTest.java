package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a query asks for, read with the curator's cues (query-intents.json). */
class QueryIntentsTest {

    private final QueryIntents intents = new QueryIntents();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "forced labour | THEME | forced labour",
        "Labour inspectors in agriculture | THEME | Labour inspectors in agriculture",
        "how do smugglers recruit people on social media? | QUESTION | smugglers recruit people on social media",
        "Is debt bondage common among seasonal workers | QUESTION | debt bondage common among seasonal workers",
        "people forced to work on fishing boats far from home | QUESTION | people forced to work on fishing boats far from home",
        "recommendations on shelters for male victims | RECOMMENDATIONS | on shelters for male victims",
        "What should States do about debt bondage? | RECOMMENDATIONS | States debt bondage",
        "proposals for non-punishment of victims | RECOMMENDATIONS | for non-punishment of victims",
        "WHO guidelines on organ donation | QUESTION | WHO guidelines on organ donation",
        "\"debt bondage\" AND shelters | SYNTAX | \"debt bondage\" AND shelters",
        "topic:organ-removal donors | SYNTAX | topic:organ-removal donors",
    })
    void kindsAndTheWordsSearched(String typed, QueryIntent.Kind kind, String searched) {
        QueryIntent intent = intents.read(typed);
        assertEquals(kind, intent.kind(), typed);
        assertEquals(searched, intent.searched(), typed);
        assertEquals(typed.strip(), intent.typed());
    }

    @Test
    void aQueryOfFramingWordsAloneIsSearchedAsTyped() {
        assertEquals("what should we do?", intents.read("what should we do?").searched());
    }

    @Test
    void onlyRequestsForRecommendationsLiftTheRegister() {
        assertTrue(intents.read("recommended measures on shelters").asksForRecommendations());
        assertFalse(intents.read("shelters for male victims").asksForRecommendations());
        assertFalse(intents.read("should victims pay for their own shelter?").asksForRecommendations());
    }

    @Test
    void cuesAreChecked() {
        assertThrows(IllegalArgumentException.class,
                () -> new QueryIntents.Cues("x", List.of("recommend"), List.of("how"), 0, List.of()));
    }
}
