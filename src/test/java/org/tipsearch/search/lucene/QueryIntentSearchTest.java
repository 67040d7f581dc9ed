package org.tipsearch.search.lucene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.analysis.TextAnalyzer;
import org.tipsearch.index.Schema;
import org.tipsearch.search.Hit;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;

/** What a query asks for changes what is searched and how it ranks, on an index of the bundled reports. */
class QueryIntentSearchTest {

    @TempDir
    static Path indexDir;
    static SearchService search;

    @BeforeAll
    static void buildIndex() throws Exception {
        assertEquals(List.of(), BundledReports.index(indexDir).failures());
        search = SearchService.open(indexDir);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

    @Test
    void aQuestionIsSearchedWithoutItsFramingWords() throws Exception {
        var results = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25,
                "how can judges be trained?", 1, 20, Map.of()));
        assertFalse(results.hits().isEmpty());
        for (Hit hit : results.hits()) {
            Matcher marks = MARK.matcher(hit.highlight());
            while (marks.find()) {
                String marked = marks.group(1).toLowerCase();
                assertFalse(marked.contains("how") || marked.contains("can"), hit.unit().id() + ": " + hit.highlight());
            }
        }
        // As query syntax, the same words are searched as typed.
        var typed = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25,
                "can OR judges", 1, 100, Map.of()));
        assertTrue(typed.hits().stream().anyMatch(h -> h.highlight().toLowerCase().contains("<mark>can")));
    }

    @Test
    void liftsReorderTheResultSetButNeverWidenOrNarrowIt() throws Exception {
        Analyzer analyzer = Schema.queryAnalyzer();
        var reader = new QueryReader(analyzer, TextAnalyzer.forSynonyms(), TextAnalyzer.forSynonymGroups());
        var intents = new QueryIntents();
        try (var directory = FSDirectory.open(indexDir); var index = DirectoryReader.open(directory)) {
            var searcher = new IndexSearcher(index);
            boolean reordered = false;
            for (String typed : List.of("recommendations on organ removal", "what should States do about corruption",
                    "victims of organ harvesting")) {
                QueryIntent intent = intents.read(typed)
                        .withTopics(new TopicBridge(new Embeddings()).topicsOf(typed, null));
                assertFalse(intent.topics().isEmpty(), typed);
                Query words = reader.read(intent.searched()).query();
                ScoreDoc[] plain = searcher.search(words, 1_000).scoreDocs;
                ScoreDoc[] lifted = searcher.search(intent.ranked(words), 1_000).scoreDocs;
                assertEquals(docs(plain), docs(lifted), typed + ": the same units match");
                reordered |= !Arrays.equals(order(plain), order(lifted));
            }
            assertTrue(reordered, "the lifts change some ranking");
        }
    }

    @Test
    void aLiftScoresAsLucenesBoostByQuery() throws Exception {
        var reader = new QueryReader(Schema.queryAnalyzer(), TextAnalyzer.forSynonyms(), TextAnalyzer.forSynonymGroups());
        var topic = new TermQuery(new Term(Schema.TOPIC, "organ-removal"));
        try (var directory = FSDirectory.open(indexDir); var index = DirectoryReader.open(directory)) {
            var searcher = new IndexSearcher(index);
            for (String typed : List.of("victims", "removal of organs and transplant tourism", "\"health professionals\"")) {
                Query words = reader.read(typed).query();
                ScoreDoc[] ours = searcher.search(new LiftQuery(words, topic, 1.5f), 100).scoreDocs;
                ScoreDoc[] lucenes = searcher.search(FunctionScoreQuery.boostByQuery(words, topic, 1.5f), 100).scoreDocs;
                assertEquals(lucenes.length, ours.length, typed);
                for (int i = 0; i < ours.length; i++) {
                    assertEquals(lucenes[i].doc, ours[i].doc, typed + " #" + i);
                    assertEquals(lucenes[i].score, ours[i].score, 1e-5, typed + " #" + i);
                }
                // A top-10 ranking that skips what cannot make it finds the same ten.
                var skipping = new TopScoreDocCollectorManager(10, 10);
                ScoreDoc[] top = searcher.search(new LiftQuery(words, topic, 1.5f), skipping).scoreDocs;
                assertEquals(Arrays.stream(lucenes).limit(10).map(h -> h.doc).toList(),
                        Arrays.stream(top).map(h -> h.doc).toList(), typed);
            }
        }
    }

    private static Set<Integer> docs(ScoreDoc[] hits) {
        return Set.copyOf(Arrays.stream(hits).map(h -> h.doc).toList());
    }

    private static int[] order(ScoreDoc[] hits) {
        return Arrays.stream(hits).mapToInt(h -> h.doc).toArray();
    }

    @Test
    void aRequestForRecommendationsLiftsTheRegistersUnits() throws Exception {
        String subject = "organ removal";
        var asTheme = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25, subject, 1, 10, Map.of()));
        var asRequest = search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25,
                "recommendations on " + subject, 1, 10, Map.of()));
        long registerAsTheme = asTheme.hits().stream().filter(QueryIntentSearchTest::inRegister).count();
        long registerAsRequest = asRequest.hits().stream().filter(QueryIntentSearchTest::inRegister).count();
        assertNotEquals(asTheme.hits(), asRequest.hits());
        assertTrue(registerAsRequest >= registerAsTheme, registerAsTheme + " → " + registerAsRequest);
    }

    private static boolean inRegister(Hit hit) {
        var status = hit.unit().parsed().status();
        return status != null || hit.unit().annotations().status() != null;
    }
}
