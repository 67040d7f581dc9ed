package org.tipsearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.json.JavalinJackson;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;
import org.tipsearch.web.JsonViews.DocumentContentsView;
import org.tipsearch.web.JsonViews.HitView;
import org.tipsearch.web.JsonViews.ParagraphView;
import org.tipsearch.web.JsonViews.RecommendationView;
import org.tipsearch.web.JsonViews.SearchView;

/**
 * JsonAnswer writes a view straight to bytes where Javalin's {@code ctx.json} writes a String: the answers must be
 * the same JSON, here for the views of real searches and look-ups on the bundled reports.
 */
class JsonAnswerTest {

    private static final ObjectMapper READ = new ObjectMapper();

    @Test
    void theBytesAreTheJsonJavalinWouldWrite(@TempDir Path indexDir) throws Exception {
        BundledReports.index(indexDir);
        var javalin = new JavalinJackson();
        try (SearchService search = SearchService.open(indexDir)) {
            List<Object> views = List.of(
                    SearchView.of(search.search(new SearchRequest(Scope.UNITS, SearchMode.BM25,
                            "non-punishment", 1, 10, Map.of())), HitView::of),
                    SearchView.of(search.recommendations(new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25,
                            "", 1, 20, Map.of())), RecommendationView::of),
                    ParagraphView.of(search.unit(BundledReports.WORKING_GROUP_2023 + "/para-19").orElseThrow()),
                    DocumentContentsView.of(search.report(BundledReports.DIALOGUE_2024).orElseThrow()));
            for (Object view : views) {
                JsonNode ours = READ.readTree(JsonAnswer.bytes(view));
                JsonNode theirs = READ.readTree(javalin.toJsonString(view, view.getClass()));
                assertTrue(ours.size() > 1, view.getClass().getSimpleName());
                assertEquals(theirs, ours, view.getClass().getSimpleName());
            }
        }
    }
}
