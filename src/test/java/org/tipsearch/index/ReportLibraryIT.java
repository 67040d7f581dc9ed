package org.tipsearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.index.ReportLibrary.Change;
import org.tipsearch.index.ReportLibrary.FileSource;
import org.tipsearch.index.ReportLibrary.Outcome;
import org.tipsearch.index.ReportLibrary.Upload;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.Scope;
import org.tipsearch.search.SearchMode;
import org.tipsearch.search.SearchRequest;
import org.tipsearch.search.SearchService;

/** Adding, replacing and removing reports in an index that is searched meanwhile. */
class ReportLibraryIT {

    @TempDir
    Path indexDir;

    @TempDir
    Path reportsDir;

    /** A report of the family with a document symbol on its front page, in two versions. */
    static byte[] symbolReport(String secondParagraph) {
        return ("""
                CTOC/COP/WG.4/2099/7

                Report on the meeting of the Working Group on Trafficking in Persons held in Vienna on 1 and 2 July 2099

                1. The Working Group met to consider how corrected versions of its reports are published.

                2. %s
                """.formatted(secondParagraph)).getBytes(StandardCharsets.UTF_8);
    }

    static List<FileSource> bundled() throws Exception {
        return ReportReader.reportFiles(BundledReports.DIR).stream().map(FileSource::new).toList();
    }

    static Map<String, Change> changes(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.toMap(Outcome::source, Outcome::change));
    }

    static Map<String, Integer> unitsByReport(SearchService search) throws Exception {
        return search.reports().stream().collect(Collectors.toMap(d -> d.report().id(), ReportSummary::units));
    }

    @Test
    void addsOnceThenChangesNothingForTheSameContentUnderAnyName() throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        List<Outcome> first = library.ingest(bundled(), outcome -> { });
        assertTrue(first.stream().allMatch(o -> o.change() == Change.ADDED), first.toString());
        assertEquals(208, first.stream().mapToInt(Outcome::units).sum());

        List<Outcome> again = library.ingest(bundled(), outcome -> { });
        assertTrue(again.stream().allMatch(o -> o.change() == Change.UNCHANGED), again.toString());
        byte[] copy = Files.readAllBytes(BundledReports.file(BundledReports.DIALOGUE_2022));
        Outcome renamed = library.ingest(List.of(new Upload("the same dialogue.txt", copy)), outcome -> { }).get(0);
        assertEquals(Change.UNCHANGED, renamed.change());
        assertEquals(BundledReports.DIALOGUE_2022, renamed.reportId());
        try (SearchService search = SearchService.open(indexDir)) {
            assertEquals(5, search.reports().size());
            assertEquals(208, search.health().units());
        }
    }

    @Test
    void aNewVersionReplacesTheReportWithItsSymbolAndKeepsItsId() throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        Outcome added = library.ingest(List.of(new Upload("wg-2099.txt", symbolReport("Speakers stressed prevention."))),
                outcome -> { }).get(0);
        assertEquals(Change.ADDED, added.change());
        assertEquals("wg-2099", added.reportId());
        Outcome corrected = library.ingest(List.of(new Upload("wg-2099-corrigendum.txt",
                symbolReport("Speakers stressed the non-punishment of victims."))), outcome -> { }).get(0);
        assertEquals(Change.REPLACED, corrected.change());
        assertEquals("wg-2099", corrected.reportId(), "the corrected version keeps the id, so links to it still work");
        try (SearchService search = SearchService.open(indexDir)) {
            assertEquals(1, search.reports().size());
            var paragraph = search.unit("wg-2099/para-2").orElseThrow().unit();
            assertEquals("Speakers stressed the non-punishment of victims.", paragraph.unit().parsed().text());
            assertEquals("wg-2099-corrigendum.txt", paragraph.document().source());
            assertEquals(0, search.search(SearchRequest.of("prevention", 10)).total());
        }
        // without a symbol, the same file name (the same id) replaces
        Outcome byName = library.ingest(List.of(new Upload("wg-2099-corrigendum.txt",
                symbolReport("Speakers stressed data."))), outcome -> { }).get(0);
        assertEquals(Change.REPLACED, byName.change());
    }

    @Test
    void aFileThatCannotBeReadFailsAloneAndLeavesNothing() throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        List<Outcome> outcomes = library.ingest(List.of(
                new Upload("empty.txt", new byte[0]),
                new Upload("picture.png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}),
                new Upload("binary.txt", new byte[] {0, 1, 2, 3, (byte) 0xFF}),
                new Upload("no paragraphs.txt", "   \n\n  ".getBytes(StandardCharsets.UTF_8)),
                new Upload("wg-2099.txt", symbolReport("Speakers stressed prevention."))), outcome -> { });
        assertEquals(Map.of("empty.txt", Change.FAILED, "picture.png", Change.FAILED, "binary.txt", Change.FAILED,
                "no paragraphs.txt", Change.FAILED, "wg-2099.txt", Change.ADDED), changes(outcomes));
        for (Outcome failed : outcomes.subList(0, 4)) {
            assertTrue(failed.reason().startsWith(failed.source() + ": "), failed.reason());
            assertNull(failed.reportId());
        }
        assertTrue(outcomes.get(1).reason().contains("not a report file"), outcomes.get(1).reason());
        try (SearchService search = SearchService.open(indexDir)) {
            assertEquals(Map.of("wg-2099", 2), unitsByReport(search));
        }
    }

    @Test
    void removesAReportWholeAndSaysWhenThereIsNone() throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        library.ingest(bundled(), outcome -> { });
        assertEquals(BundledReports.ARTICLE_2023, library.remove(BundledReports.ARTICLE_2023).orElseThrow().id());
        assertTrue(library.remove(BundledReports.ARTICLE_2023).isEmpty());
        try (SearchService search = SearchService.open(indexDir)) {
            assertFalse(unitsByReport(search).containsKey(BundledReports.ARTICLE_2023));
            assertEquals(208 - 15, search.health().units());
            assertEquals(0, search.search(SearchRequest.of("report:" + BundledReports.ARTICLE_2023, 10)).total());
            assertTrue(search.recommendations(new SearchRequest(Scope.RECOMMENDATIONS, SearchMode.BM25,
                    "report:" + BundledReports.ARTICLE_2023, 1, 10, Map.of())).hits().isEmpty());
        }
    }

    /** While reports are replaced again and again, every search sees each report whole: all its units or none. */
    @Test
    void searchesDuringAnIngestSeeWholeReportsOnly() throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        library.ingest(bundled(), outcome -> { });
        Map<String, Integer> whole;
        try (SearchService search = SearchService.open(indexDir)) {
            whole = unitsByReport(search);
            var stop = new AtomicBoolean();
            var looks = new AtomicInteger();
            var halves = new ConcurrentLinkedQueue<String>();
            Thread reader = Thread.ofPlatform().start(() -> {
                while (!stop.get()) {
                    try {
                        search.refresh();
                        unitsByReport(search).forEach((id, units) -> {
                            if (!units.equals(whole.get(id))) {
                                halves.add(id + " had " + units + " of " + whole.get(id) + " units");
                            }
                        });
                        long total = search.search(SearchRequest.of("", 1)).total();
                        if (total != 208) {
                            halves.add("the index had " + total + " units");
                        }
                        looks.incrementAndGet();
                    } catch (Exception e) {
                        halves.add(e.toString());
                    }
                }
            });
            var versions = new ArrayList<Upload>();
            for (int round = 0; round < 6; round++) {
                for (String id : List.of(BundledReports.WORKING_GROUP_2023, BundledReports.DIALOGUE_2024)) {
                    // a word changed in place: a new version with the same units
                    String text = Files.readString(BundledReports.file(id)).replaceFirst("persons", "persons (version " + round + ")");
                    versions.add(new Upload(id + ".txt", text.getBytes(StandardCharsets.UTF_8)));
                }
            }
            List<Outcome> outcomes = library.ingest(versions, outcome -> { });
            stop.set(true);
            reader.join();
            assertTrue(outcomes.stream().allMatch(o -> o.change() == Change.REPLACED), outcomes.toString());
            assertEquals(List.of(), List.copyOf(halves));
            assertTrue(looks.get() > 5, "the searches ran while the ingest did: " + looks.get());
        }
    }

    /** What a curator did through the library, a rebuild from the reports folder does again: nothing is lost. */
    @Test
    void theReportsFolderRebuildsTheSameIndex(@TempDir Path rebuilt) throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        library.ingest(bundled(), outcome -> { });
        library.ingest(List.of(new Upload("wg-2099.txt", symbolReport("Speakers stressed prevention."))), outcome -> { });
        library.ingest(List.of(new Upload("wg-2099-corrigendum.txt", symbolReport("Speakers stressed the non-punishment of victims."))),
                outcome -> { });
        library.remove(BundledReports.ARTICLE_2023);
        try (var files = Files.list(reportsDir)) {
            assertEquals(List.of("000_66491c30b35528aa.txt", "001_03d93a82c4d8f6a1.txt", "002_a5f66eb7f565f6a5.txt",
                    "003_30d95c863737c1cb.txt", "wg-2099.txt"), files.map(f -> f.getFileName().toString()).sorted().toList(),
                    "the corrected version is kept under the id it keeps; the removed report's file is gone");
        }
        assertEquals(List.of(), BundledReports.index(reportsDir, rebuilt).failures());
        try (SearchService live = SearchService.open(indexDir); SearchService fromFolder = SearchService.open(rebuilt)) {
            assertEquals(fingerprints(live), fingerprints(fromFolder));
            assertEquals(5, fingerprints(live).size());
        }
    }

    static Map<String, String> fingerprints(SearchService search) throws Exception {
        return search.reports().stream().collect(Collectors.toMap(d -> d.report().id(), d -> d.report().fingerprint()));
    }

    @Test
    void anotherWriterMakesTheIndexBusy() throws Exception {
        var library = new ReportLibrary(indexDir, reportsDir);
        try (var writer = ReportIndexer.update(indexDir)) {
            var busy = assertThrows(ReportLibrary.IndexBusyException.class,
                    () -> library.ingest(bundled(), outcome -> { }));
            assertTrue(busy.getMessage().contains("is being changed by another process"), busy.getMessage());
        }
        assertEquals(5, library.ingest(bundled(), outcome -> { }).size(), "free again once the other writer is done");
    }
}
