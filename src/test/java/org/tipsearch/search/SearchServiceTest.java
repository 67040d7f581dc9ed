package org.tipsearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.index.IndexBuild;
import org.tipsearch.index.Schema;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.lucene.LuceneEngine;

/** Search, facets, highlighting and look-ups over an index of the bundled reports. */
class SearchServiceTest {

    @TempDir
    static Path indexDir;
    static SearchService search;

    @BeforeAll
    static void buildIndex() throws Exception {
        IndexBuild.Summary summary = BundledReports.index(indexDir);
        assertEquals(List.of(), summary.failures());
        search = SearchService.open(indexDir);
    }

    @AfterAll
    static void close() throws Exception {
        search.close();
    }

    private static SearchResults<Hit> search(String query) throws Exception {
        return search.search(new SearchRequest(query, 1, 100, Map.of()));
    }

    private static SearchResults<Hit> search(String query, Map<String, List<String>> filters) throws Exception {
        return search.search(new SearchRequest(query, 1, 100, filters));
    }

    private static Set<String> ids(SearchResults<Hit> results) {
        return results.hits().stream().map(h -> h.unit().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> reports(SearchResults<Hit> results) {
        return results.hits().stream().map(h -> h.unit().reportId()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Integer> facet(SearchResults<?> results, String dim) {
        return results.facets().get(dim).stream().collect(Collectors.toMap(FacetCount::value, FacetCount::count));
    }

    /** The oracle: ids of the units whose text holds the phrase, read straight from the parser. */
    private static Set<String> unitsContaining(String phrase) throws Exception {
        var reader = new ReportReader();
        var out = new TreeSet<String>();
        for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
            Report report = reader.read(file);
            report.units().stream()
                    .filter(p -> p.text().toLowerCase(Locale.ROOT).contains(phrase))
                    .forEach(p -> out.add(report.globalId(p)));
        }
        return out;
    }

    @Test
    void nonPunishmentIsFoundByEverySpellingInEveryReportThatUsesIt() throws Exception {
        Set<String> usingTheWord = unitsContaining("non-punishment");
        assertEquals(Set.of(BundledReports.DIALOGUE_2023, BundledReports.DIALOGUE_2022, BundledReports.WORKING_GROUP_2023,
                BundledReports.DIALOGUE_2024), usingTheWord.stream().map(id -> id.substring(0, id.indexOf('/')))
                .collect(Collectors.toSet()));
        for (String spelling : List.of("\"non-punishment\"", "\"nonpunishment\"", "\"non punishment\"")) {
            assertEquals(usingTheWord, ids(search(spelling)), spelling);
        }
        // Unquoted, the curator's synonyms (non-criminalization) may add paragraphs, after those using the word.
        for (String spelling : List.of("non-punishment", "nonpunishment", "non punishment")) {
            SearchResults<Hit> results = search(spelling);
            assertEquals(usingTheWord, results.hits().subList(0, usingTheWord.size()).stream().map(h -> h.unit().id())
                    .collect(Collectors.toCollection(TreeSet::new)), spelling);
            assertNull(results.notice());
        }
        assertTrue(ids(search("non-punishment")).contains(BundledReports.DIALOGUE_2024 + "/para-42"));
    }

    /**
     * Eight words quoted from any unit, at its start, middle and end, find that unit in each mode that reads words
     * (meaning alone reads no phrases): a phrase a user copies from a report is never lost to the analysis
     * (hyphenated names, possessives, stop words, digits, document symbols).
     */
    @Test
    void aPhraseQuotedFromAnyUnitFindsIt() throws Exception {
        var reader = new ReportReader();
        var missed = new ArrayList<String>();
        int phrases = 0;
        for (Path file : ReportReader.reportFiles(BundledReports.DIR)) {
            Report report = reader.read(file);
            for (Unit unit : report.units()) {
                String[] words = unit.text().split("\\s+");
                for (int start : new int[] {0, words.length / 2 - 4, words.length - 8}) {
                    if (start < 0 || start + 8 > words.length) {
                        continue;
                    }
                    String phrase = String.join(" ", Arrays.copyOfRange(words, start, start + 8));
                    if (phrase.contains("\"") || phrase.contains("\\")) {
                        continue; // a quote mark would end the phrase
                    }
                    phrases++;
                    for (SearchMode mode : List.of(SearchMode.BM25, SearchMode.HYBRID)) {
                        var request = new SearchRequest(Scope.UNITS, mode, "\"" + phrase + "\"", 1, 100, Map.of());
                        if (!ids(search.search(request)).contains(report.globalId(unit))) {
                            missed.add(mode.id() + " \"" + phrase + "\" (" + report.globalId(unit) + ")");
                        }
                    }
                }
            }
        }
        assertTrue(phrases > 450, "phrases: " + phrases);
        assertEquals(List.of(), missed);
    }

    /**
     * A snippet never misquotes: one that is not the whole unit says where it was cut ("…"), and none is a
     * fragment ending in a title or a reference ("… Mr.").
     */
    @Test
    void snippetsSayWhereTheyAreCutAndNeverEndInATitle() throws Exception {
        int cut = 0;
        for (String query : List.of("non-punishment", "panellist", "organ removal", "corruption of officials",
                "how do survivors take part")) {
            for (SearchMode mode : SearchMode.values()) {
                for (Hit hit : search.search(new SearchRequest(Scope.UNITS, mode, query, 1, 50, Map.of())).hits()) {
                    String shown = java.util.regex.Pattern.compile("&#x([0-9a-fA-F]+);").matcher(
                                    hit.highlight().replaceAll("</?mark>", ""))
                            .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(
                                    Character.toString(Integer.parseInt(m.group(1), 16))))
                            .replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                            .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
                    String whole = hit.unit().parsed().text().replaceAll("\\s+", " ").strip();
                    if (!shown.equals(whole)) {
                        cut++;
                        assertTrue(shown.contains("…"), mode + " " + query + ": " + shown);
                    }
                    for (String part : shown.split("…")) {
                        assertFalse(part.strip().matches("(?s).*\\b(Mr|Ms|Mrs|Dr|No|para|art)\\."), mode + " " + query + ": " + shown);
                    }
                }
            }
        }
        assertTrue(cut > 50, "snippets cut: " + cut);
    }

    @Test
    void curatorSynonymsWidenPlainQueries() throws Exception {
        String removalNotHarvesting = BundledReports.DIALOGUE_2024 + "/para-17"; // "for organ removal", no harvesting
        Hit removal = search("organ harvesting").hits().stream()
                .filter(h -> h.unit().id().equals(removalNotHarvesting)).findFirst().orElseThrow();
        // found through the group's token, marked where the group's phrase stands
        assertTrue(removal.highlight().contains("for <mark>organ removal</mark> are increasing"), removal.highlight());
        assertTrue(!ids(search("\"organ harvesting\"")).contains(removalNotHarvesting), "a quoted phrase is not expanded");
        SearchResults<Hit> tip = search("TIP");
        assertTrue(tip.total() > 100, "TIP is trafficking in persons: " + tip.total());
        // words typed rank above words found through a synonym alone
        assertTrue(search("organ harvesting").hits().get(0).unit().parsed().text().toLowerCase(Locale.ROOT)
                .contains("organ harvesting"));
    }

    @Test
    void diacriticsAreFolded() throws Exception {
        assertEquals(ids(search("Türkiye")), ids(search("turkiye")));
        assertEquals(4, search("Turkiye").total());
    }

    @Test
    void phrasesBooleansAndFields() throws Exception {
        assertEquals(Set.of(BundledReports.DIALOGUE_2024 + "/para-35"), ids(search("\"child soldiers\"")));
        assertEquals(19, search("kind:recommendation").total());
        assertEquals(10, search("kind:recommendation AND status:proposed").total());
        assertEquals(search("organ").total(), search("organ AND kind:paragraph").total() + search("organ AND kind:recommendation").total()
                + search("organ AND kind:bullet").total());
        long organOrCorruption = search("organ OR corruption").total();
        assertTrue(organOrCorruption > search("organ").total() && organOrCorruption > search("corruption").total());
        assertEquals(search("organ").total() - search("organ AND corruption").total(), search("organ NOT corruption").total());
        assertEquals(search("organ").total() - search("organ AND corruption").total(), search("organ -corruption").total());
        assertEquals(search("child").total(), search("child session:12").total() + search("child session:13").total()
                + search("child session:14").total());
        assertEquals(74, search("reportKind:working-group-report").total());
        assertEquals(24, search("section:deliberations").total());
    }

    @Test
    void wildcardsAndFuzzyTerms() throws Exception {
        assertEquals(Set.of(BundledReports.WORKING_GROUP_2023 + "/para-8", BundledReports.WORKING_GROUP_2023 + "/para-11",
                BundledReports.WORKING_GROUP_2023 + "/para-34"), ids(search("ulug*"))); // Ulugölge
        assertEquals(unitsContaining("transplant"), ids(search("transplant*")));
        assertEquals(ids(search("corruption")), ids(search("coruption~1")));
    }

    @Test
    void queriesThatDoNotParseAreSearchedAsPlainWordsWithANotice() throws Exception {
        SearchResults<Hit> unbalanced = search("\"child soldiers");
        assertNotNull(unbalanced.notice());
        assertTrue(unbalanced.notice().contains("plain words"), unbalanced.notice());
        assertEquals(ids(search("child soldiers")), ids(unbalanced));

        SearchResults<Hit> unknownField = search("nation:Colombia");
        assertTrue(unknownField.notice().contains("unknown field 'nation'"), unknownField.notice());
        assertEquals(ids(search("nation Colombia")), ids(unknownField));

        assertTrue(search("(organ AND").notice().contains("plain words"));
        assertTrue(search("/.*/").notice() != null);
        assertEquals("The query has no searchable words.", search("the of and").notice());
        assertEquals(0, search("the of and").total());
    }

    @Test
    void enrichmentFacetsAreSearchableAndCounted() throws Exception {
        SearchResults<Hit> organ2024 = search("", Map.of("topic", List.of("organ-removal"),
                "session", List.of("14th session (2024)")));
        assertTrue(organ2024.total() > 0);
        organ2024.hits().forEach(h -> {
            assertTrue(h.unit().topics().contains("organ-removal"), h.unit().id());
            assertEquals(14, h.document().session().ordinal(), h.unit().id());
        });
        assertEquals(organ2024.total(), search("topic:organ-removal session:14").total());
        assertTrue(organ2024.total() < search("", Map.of("topic", List.of("organ-removal"))).total());

        Map<String, Integer> status = facet(search(""), "status");
        assertEquals(9, status.get("adopted"));
        assertEquals(10, status.get("proposed"));
        assertEquals(ids(search("country:Turkiye")), ids(search("country:Türkiye")));
        assertEquals(Set.of(BundledReports.WORKING_GROUP_2023 + "/para-18"), ids(search("speaker:Schmitt")));
        assertEquals("intergovernmental", search.unit(BundledReports.WORKING_GROUP_2023 + "/para-18").orElseThrow()
                .unit().unit().speakerTypes().get(0));
    }

    @Test
    void recommendationsRegister() throws Exception {
        SearchResults<RecommendationHit> wg = search.recommendations(new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "", 1, 100,
                Map.of("session", List.of("13th session (2023)"))));
        Map<String, Integer> status = facet(wg, "status");
        assertEquals(9, status.get("adopted"));
        assertEquals(10, status.get("proposed"));
        assertEquals(5, status.get("observation"));
        assertEquals(wg.total(), status.values().stream().mapToLong(Integer::longValue).sum());

        SearchResults<RecommendationHit> stakeholder = search.recommendations(new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25,
                "exempt victims", 1, 10, Map.of("status", List.of("stakeholder"))));
        RecommendationHit point = stakeholder.hits().get(0);
        assertEquals(BundledReports.DIALOGUE_2022 + "/para-9.1", point.entry().id());
        assertEquals("should", point.entry().recommendation().strength());
        assertEquals("States", point.entry().recommendation().addressee());
        assertTrue(point.citation().endsWith("1 July 2022, para. 9, point 1"), point.citation());

        RecommendationHit rec9 = search.recommendations(new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "number:9 status:adopted",
                1, 10, Map.of())).hits().get(0);
        assertEquals(5, rec9.entry().recommendation().subItems().size());
        assertEquals("encouraged", rec9.entry().recommendation().strength());
        assertEquals("States parties", rec9.entry().recommendation().addressee());
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25, "", 1, 10,
                Map.of("kind", List.of("paragraph"))));
    }

    @Test
    void emptyQueryListsEverythingInReportOrder() throws Exception {
        SearchResults<Hit> all = search.search(new SearchRequest("", 1, 100, Map.of()));
        assertEquals(208, all.total());
        assertEquals(BundledReports.DIALOGUE_2023 + "/para-1", all.hits().get(0).unit().id());
        assertEquals(BundledReports.DIALOGUE_2023 + "/para-2", all.hits().get(1).unit().id());
        assertNull(all.hits().get(0).score());
        SearchResults<Hit> third = search.search(new SearchRequest("", 3, 100, Map.of()));
        assertEquals(8, third.hits().size());
        assertEquals(BundledReports.ARTICLE_2023 + "/bullet-15", third.hits().get(7).unit().id());
    }

    @Test
    void facetsAreMultiSelectAndDrillSideways() throws Exception {
        SearchResults<Hit> child = search("child");
        Map<String, Integer> sessions = facet(child, "session");
        assertEquals(child.total(), sessions.values().stream().mapToLong(Integer::longValue).sum());
        assertEquals(List.of("12th session (2022)", "13th session (2023)", "14th session (2024)"),
                child.facets().get("session").stream().map(FacetCount::value).toList());

        SearchResults<Hit> in13 = search("child", Map.of("session", List.of("13th session (2023)")));
        assertEquals((long) sessions.get("13th session (2023)"), in13.total());
        // the session facet ignores its own selection; the others count the narrowed set
        assertEquals(sessions, facet(in13, "session"));
        assertEquals(in13.total(), facet(in13, "reportKind").values().stream().mapToLong(Integer::longValue).sum());

        SearchResults<Hit> in12or14 = search("child", Map.of("session", List.of("12th session (2022)", "14th session (2024)")));
        assertEquals((long) sessions.get("12th session (2022)") + sessions.get("14th session (2024)"), in12or14.total());

        SearchResults<Hit> proposedIn13 = search("child", Map.of("session", List.of("13th session (2023)"), "kind", List.of("recommendation")));
        assertTrue(proposedIn13.hits().stream().allMatch(h -> h.unit().parsed().kind().id().equals("recommendation")
                && h.document().session().ordinal() == 13));
        assertEquals(facet(search("child", Map.of("kind", List.of("recommendation"))), "session"), facet(proposedIn13, "session"));
    }

    /** A page of words alone is ranked in a pass of its own, an export as it is counted: both rank alike. */
    @Test
    void aPageOfWordsAloneRanksAsTheExportDoes() throws Exception {
        assertTrue(search("child").total() > 20, "more matches than the page holds");
        for (Map<String, List<String>> filters : List.of(Map.<String, List<String>>of(),
                Map.of("kind", List.of("recommendation")), Map.of("session", List.of("13th session (2023)")))) {
            for (String words : List.of("child", "victims -child", "kind:recommendation cooperation")) {
                var page = new SearchRequest(Scope.UNITS, SearchMode.BM25, words, 1, 20, filters);
                SearchResults<Hit> ranked = search.search(page);
                SearchResults<Hit> exported = search.exportUnits(page);
                String what = words + " " + filters;
                assertEquals(exported.total(), ranked.total(), what);
                assertEquals(exported.facets(), ranked.facets(), what);
                assertEquals(exported.hits().stream().limit(20).map(h -> h.unit().id()).toList(),
                        ranked.hits().stream().map(h -> h.unit().id()).toList(), what);
            }
        }
    }

    /**
     * A question marks its words, not the stretch between two of them that its proximity boost found (a third of
     * a sentence, once); words marked side by side read as one mark.
     */
    @Test
    void aQuestionMarksItsWordsNotTheStretchBetweenThem() throws Exception {
        List<Hit> hits = search("Indigenous children").hits();
        Hit apart = hits.stream()
                .filter(h -> h.unit().parsed().text().contains("children from Indigenous communities spoke only"))
                .findFirst().orElseThrow();
        assertTrue(apart.highlight().contains("<mark>children</mark> from <mark>Indigenous</mark> communities spoke"),
                apart.highlight());
        assertTrue(hits.stream().anyMatch(h -> h.highlight().contains("<mark>Indigenous children</mark>")));
        assertTrue(hits.stream().noneMatch(h -> h.highlight().contains("</mark> <mark>")));
    }

    @Test
    void anIndexSearchedInSlicesAnswersAsOneSearchedWhole() throws Exception {
        try (var sliced = new SearchService(LuceneEngine.open(indexDir, null, 16), null)) {
            for (Map<String, List<String>> filters : List.of(Map.<String, List<String>>of(),
                    Map.of("speakerType", List.of("civil-society")))) {
                for (String words : List.of("victims", "\"non-punishment principle\"",
                        "how should States avoid punishing victims for crimes they were compelled to commit")) {
                    var page = new SearchRequest(Scope.UNITS, SearchMode.BM25, words, 1, 10, filters);
                    SearchResults<Hit> whole = search.search(page);
                    SearchResults<Hit> inSlices = sliced.search(page);
                    String what = words + " " + filters;
                    assertTrue(whole.hits().size() > 1, what);
                    assertEquals(whole.total(), inSlices.total(), what);
                    assertEquals(whole.facets(), inSlices.facets(), what);
                    assertEquals(whole.hits(), inSlices.hits(), what); // order, scores, highlights: read in parts
                }
            }
        }
    }

    @Test
    void aSelectedValueWithNoMatchesStaysListed() throws Exception {
        SearchResults<Hit> none = search("child", Map.of("year", List.of("1999")));
        assertEquals(0, none.total());
        assertEquals(0, facet(none, "year").get("1999"));
    }

    @Test
    void highlightsMarkMatchesAndEscapeTheRest() throws Exception {
        Hit hit = search("\"non-punishment principle\"").hits().stream()
                .filter(h -> h.unit().id().equals(BundledReports.DIALOGUE_2022 + "/para-25")).findFirst().orElseThrow();
        assertEquals("Several speakers highlighted the serious challenges posed to the actual application of the"
                + " <mark>non-punishment principle</mark> for victims of trafficking who had committed"
                + " offences while being trafficked.", hit.highlight());

        Hit turkiye = search("Türkiye").hits().stream()
                .filter(h -> h.unit().id().equals(BundledReports.WORKING_GROUP_2023 + "/para-34")).findFirst().orElseThrow();
        assertTrue(turkiye.highlight().endsWith("Niyazi Ulugölge (<mark>Türkiye</mark>)."), turkiye.highlight());

        Hit escaped = search("representatives participation increased").hits().stream()
                .filter(h -> h.unit().id().equals(BundledReports.DIALOGUE_2023 + "/para-5")).findFirst().orElseThrow();
        assertTrue(escaped.highlight().contains("States parties&#x27; <mark>representatives</mark>"), escaped.highlight());
        assertTrue(!escaped.highlight().contains("'"));
    }

    @Test
    void aHitFoundByMeaningAloneShowsItsClosestSentence() throws Exception {
        SearchResults<Hit> results = search.search(new SearchRequest(Scope.UNITS, SearchMode.HYBRID,
                "teachers should learn to recognise pupils at risk", 1, 20, Map.of()));
        List<Hit> unmarked = results.hits().stream().filter(h -> !h.highlight().contains("<mark>")).toList();
        assertTrue(!unmarked.isEmpty(), "some hits are found by meaning alone");
        for (Hit hit : unmarked) {
            String shown = hit.highlight().replace("&#x27;", "'").replace("&quot;", "\"").replace("&amp;", "&");
            String passage = shown.replaceFirst("^… ", "").replaceFirst(" …$", "");
            assertTrue(hit.unit().parsed().text().contains(passage), passage);
            assertEquals(hit.unit().parsed().text().startsWith(passage), !shown.startsWith("…"), shown);
            assertTrue(passage.length() < hit.unit().parsed().text().length() || !passage.contains(". "), passage);
        }
    }

    @Test
    void paragraphWithItsNeighbours() throws Exception {
        UnitInContext p = search.unit(BundledReports.WORKING_GROUP_2023 + "/para-19").orElseThrow();
        assertEquals(BundledReports.WORKING_GROUP_2023 + "/para-18", p.previousId());
        assertEquals(BundledReports.WORKING_GROUP_2023 + "/para-20", p.nextId());
        assertEquals("Report on the meeting of the Working Group on Trafficking in Persons, 2–3 October 2023, para. 19",
                Citation.of(p.unit().document(), p.unit().unit().parsed()));
        UnitInContext first = search.unit(BundledReports.ARTICLE_2023 + "/para-1").orElseThrow();
        assertNull(first.previousId());
        UnitInContext last = search.unit(BundledReports.WORKING_GROUP_2023 + "/annex-rec-10").orElseThrow();
        assertNull(last.nextId());
        assertTrue(search.unit("nope/para-1").isEmpty());
        assertTrue(search.unit(BundledReports.WORKING_GROUP_2023).isEmpty()); // a report id is not a paragraph
    }

    @Test
    void documentsWithTheirUnits() throws Exception {
        List<ReportSummary> documents = search.reports();
        assertEquals(List.of(41, 31, 74, 47, 15), documents.stream().map(ReportSummary::units).toList());
        ReportContents wg = search.report(BundledReports.WORKING_GROUP_2023).orElseThrow();
        assertEquals(74, wg.units().size());
        assertEquals("para-1", wg.units().get(0).unit().parsed().unitId());
        assertEquals("annex-rec-10", wg.units().get(73).unit().parsed().unitId());
        assertTrue(search.report("nope").isEmpty());
        assertEquals(new IndexHealth(208, 5), search.health());
    }

    @Test
    void indexingTheSameReportsAgainChangesNothing(@TempDir Path other) throws Exception {
        BundledReports.index(other);
        BundledReports.index(other);
        try (var again = SearchService.open(other)) {
            assertEquals(search.health(), again.health());
            assertEquals(ids(search("organ")), ids(again.search(new SearchRequest("organ", 1, 100, Map.of()))));
        }
    }

    /** What has nothing to answer with by the end of its budget is refused; a look-up by id needs no budget. */
    @Test
    void aSearchThatSpendsItsBudgetBeforeFindingAnythingIsRefused() throws Exception {
        try (var hurried = SearchService.open(indexDir, Duration.ofNanos(1))) {
            for (SearchMode mode : SearchMode.values()) {
                var request = new SearchRequest(Scope.UNITS, mode, "child trafficking", 1, 10,
                        Map.of(Schema.KIND, List.of("paragraph")));
                assertThrows(BudgetExceededException.class, () -> hurried.search(request), mode.id());
                assertThrows(BudgetExceededException.class, () -> hurried.exportUnits(request), mode.id());
            }
            String paragraph = BundledReports.WORKING_GROUP_2023 + "/para-19";
            assertThrows(BudgetExceededException.class, () -> hurried.similar(
                    new SimilarRequest(paragraph, null, 5, Map.of(), null)));
            assertThrows(BudgetExceededException.class, () -> hurried.similar(
                    new SimilarRequest(null, "victims should not be punished", 5, Map.of(), null)));
            assertTrue(hurried.unit(paragraph).isPresent());
        }
        try (var patient = SearchService.open(indexDir, Duration.ofMinutes(1))) {
            SearchResults<Hit> results = patient.search(new SearchRequest(Scope.UNITS, SearchMode.HYBRID,
                    "child trafficking", 1, 10, Map.of()));
            assertFalse(results.partial());
            assertNull(results.notice());
        }
        assertThrows(IllegalArgumentException.class, () -> SearchService.open(indexDir, Duration.ZERO));
    }

    @Test
    void requestsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x", 1, 0, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x", 1, 101, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x", 0, 10, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x", 1001, 10, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x", 1, 10, Map.of("nope", List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> new SearchRequest("x".repeat(2001), 1, 10, Map.of()));
    }
}
