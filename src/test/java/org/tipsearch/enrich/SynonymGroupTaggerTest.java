package org.tipsearch.enrich;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tipsearch.analysis.SynonymGroup;
import org.tipsearch.analysis.TextAnalyzer;

class SynonymGroupTaggerTest {

    private final PhraseMatcher matcher = new PhraseMatcher(TextAnalyzer.forRules());
    private final SynonymGroupTagger tagger = new SynonymGroupTagger(SynonymGroup.load(), matcher);

    private Map<String, Integer> mentions(String text) {
        return tagger.mentionsOf(matcher.text(text));
    }

    @Test
    void everyEntryOfAGroupIsAMentionOfIt() {
        assertEquals(Map.of("organ removal", 3),
                mentions("Trafficking in organs, organ harvesting and the removal of organs were discussed."));
        assertEquals(Map.of("non-punishment", 2), mentions("The non punishment principle (non-criminalization)."));
    }

    @Test
    void aMentionNeedsTheEntrysWordsInTurn() {
        // "in" stands between the words of "trafficking in organs"; the organs removed are no "removal of organs"
        assertEquals(Map.of(), mentions("Trafficking of organs. Organs removed."));
        assertEquals(Map.of("organ removal", 1), mentions("Organs removal."));
    }

    @Test
    void aTextMayMentionSeveralGroups() {
        assertEquals(Map.of("tip", 1, "tip protocol", 1, "child", 1),
                mentions("The Trafficking in Persons Protocol protects a child."));
    }
}
