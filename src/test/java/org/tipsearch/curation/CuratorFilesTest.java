package org.tipsearch.curation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.tipsearch.analysis.TextAnalyzer;

class CuratorFilesTest {

    @Test
    void aFingerprintIsTheFilesTextsInTurn() {
        String both = CuratorFiles.fingerprint(TextAnalyzer.class, "stem-overrides.txt", "synonyms.txt");
        assertTrue(both.matches("[0-9a-f]{12}"), both);
        assertEquals(both, CuratorFiles.fingerprint(TextAnalyzer.class, "stem-overrides.txt", "synonyms.txt"));
        assertNotEquals(both, CuratorFiles.fingerprint(TextAnalyzer.class, "synonyms.txt", "stem-overrides.txt"));
        assertNotEquals(both, CuratorFiles.fingerprint(TextAnalyzer.class, "synonyms.txt"));
    }
}
