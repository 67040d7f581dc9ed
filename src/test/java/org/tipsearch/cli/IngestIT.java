package org.tipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;
import org.tipsearch.JarProcess.Result;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.search.ReportSummary;
import org.tipsearch.search.SearchService;

/** {@code tipsearch ingest} and {@code tipsearch remove} as a curator runs them, and an ingest killed mid-way. */
class IngestIT {

    @TempDir
    Path indexDir;

    @TempDir
    Path inbox;

    /** Where ingested reports are kept: never the project's own index-data/reports. */
    @TempDir
    Path reportsDir;

    @Test
    void ingestSaysWhatBecameOfEachFileAndRemoveTakesAReportOut() throws Exception {
        Files.copy(BundledReports.file(BundledReports.ARTICLE_2023), inbox.resolve("article.txt"));
        Files.write(inbox.resolve("empty.txt"), new byte[0]);
        Result first = JarProcess.run("ingest", inbox.toString(), "--index", indexDir.toString(), "--reports", reportsDir.toString());
        assertEquals(1, first.exitCode(), "a failed file makes the exit code 1: " + first.out() + first.err());
        List<String> lines = first.out().lines().toList();
        assertTrue(first.out().startsWith("[1/2] article.txt: added article, 15 units; text: 98.0% in units, 0.0% footnotes,"
                + " 0.0% headings, 2.0% cover, 0.0% unaccounted\n"), first.out());
        assertEquals(List.of("[1/2] article.txt: added article, 15 units; text: 98.0% in units, 0.0% footnotes, 0.0% headings,"
                + " 2.0% cover, 0.0% unaccounted", "[2/2] FAILED empty.txt: the file is empty",
                "Ingested 2 files into " + indexDir + " (originals kept in " + reportsDir + "): 1 added, 0 replaced, 0 unchanged, 1 failed",
                "  FAILED empty.txt: the file is empty"), lines);

        assertEquals(List.of("article.txt"), fileNames(reportsDir), "the report that went in is kept for rebuilds; the failed one is not");
        Result again = JarProcess.run("ingest", inbox.resolve("article.txt").toString(), "--index", indexDir.toString(), "--reports", reportsDir.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(again.out().contains("article.txt: unchanged (the index holds the same content as article)"), again.out());

        Result removed = JarProcess.run("remove", "article", "--index", indexDir.toString(), "--reports", reportsDir.toString());
        assertEquals(0, removed.exitCode(), removed.err());
        assertEquals("Removed article (read from article.txt) from " + indexDir + " and its file from " + reportsDir + "\n",
                removed.out());
        assertFalse(Files.exists(reportsDir.resolve("article.txt")));
        Result gone = JarProcess.run("remove", "article", "--index", indexDir.toString(), "--reports", reportsDir.toString());
        assertEquals(1, gone.exitCode());
        assertTrue(gone.err().contains("tipsearch: no report with id 'article'"), gone.err());

        Result missing = JarProcess.run("ingest", inbox.resolve("nope.pdf").toString(), "--index", indexDir.toString(), "--reports", reportsDir.toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no file or folder at"), missing.err());
    }

    /**
     * A scratch ingest, remove or rebuild names only its index: the reports it keeps go to that index's own
     * folder, and the bundled reports folder is neither written nor read.
     */
    @Test
    void aScratchIndexKeepsItsReportsApartFromTheBundledOnes() throws Exception {
        Path scratch = indexDir.resolve("scratch");
        Path own = indexDir.resolve("scratch-reports");
        List<String> bundledBefore = fileNames(BundledReports.DIR);
        Files.writeString(inbox.resolve("note.txt"), "A note\n\n1. The first paragraph of a note.\n\n2. The second one.\n");

        Result ingest = JarProcess.run("ingest", inbox.resolve("note.txt").toString(), "--index", scratch.toString());
        assertEquals(0, ingest.exitCode(), ingest.out() + ingest.err());
        assertTrue(ingest.out().contains("into " + scratch + " (originals kept in " + own + ")"), ingest.out());
        assertEquals(List.of("note.txt"), fileNames(own));
        assertEquals(bundledBefore, fileNames(BundledReports.DIR), "the bundled reports folder is untouched");

        Result rebuild = JarProcess.run("index", "--index", scratch.toString());
        assertEquals(0, rebuild.exitCode(), rebuild.out() + rebuild.err());
        assertTrue(rebuild.out().contains("Indexed 1 report, 2 units in"), "rebuilt from its own reports: " + rebuild.out());

        Result removed = JarProcess.run("remove", "note", "--index", scratch.toString());
        assertEquals(0, removed.exitCode(), removed.out() + removed.err());
        assertEquals(List.of(), fileNames(own));
        assertEquals(bundledBefore, fileNames(BundledReports.DIR));

        Result none = JarProcess.run("index", "--index", indexDir.resolve("other").toString());
        assertEquals(2, none.exitCode(), none.out() + none.err());
        assertTrue(none.err().contains("no reports folder at " + indexDir.resolve("other-reports")), none.err());
    }

    /**
     * An ingest killed (SIGKILL) after a few reports leaves an index that opens with every report it committed,
     * each whole; the next ingest of the same files adds the rest and leaves the committed ones unchanged.
     */
    @Test
    void anIngestKilledMidWayLosesOnlyWhatItHadNotCommitted() throws Exception {
        List<Path> originals = ReportReader.reportFiles(BundledReports.DIR);
        int files = 0;
        for (int copy = 0; copy < 3; copy++) {
            for (Path original : originals) {
                String text = Files.readString(original).replaceFirst("persons", "persons (copy " + copy + ")");
                Files.writeString(inbox.resolve("copy" + copy + "-" + original.getFileName()), text);
                files++;
            }
        }
        Process ingest = new ProcessBuilder(JarProcess.command("ingest", inbox.toString(), "--index", indexDir.toString(), "--reports", reportsDir.toString()))
                .redirectErrorStream(true).start();
        var reader = new BufferedReader(new InputStreamReader(ingest.getInputStream(), StandardCharsets.UTF_8));
        var seen = new ArrayList<String>();
        String line;
        while ((line = reader.readLine()) != null && !line.startsWith("[3/")) {
            seen.add(line);
        }
        ingest.destroyForcibly(); // SIGKILL: no shutdown hook, no close, no commit
        assertTrue(ingest.waitFor(30, TimeUnit.SECONDS));
        assertTrue(line != null && line.startsWith("[3/"), "the ingest was under way: " + seen);

        Map<String, Integer> committed = unitsByReport();
        assertTrue(committed.size() >= 3 && committed.size() < files, "killed mid-way: " + committed);
        var reader2 = new ReportReader();
        for (var entry : committed.entrySet()) {
            int whole = reader2.read(inbox.resolve(entry.getKey() + ".txt")).units().size();
            assertEquals(whole, entry.getValue(), entry.getKey() + " is whole");
        }

        Result resumed = JarProcess.run("ingest", inbox.toString(), "--index", indexDir.toString(), "--reports", reportsDir.toString());
        assertEquals(0, resumed.exitCode(), resumed.out() + resumed.err());
        assertTrue(resumed.out().contains(": " + (files - committed.size()) + " added, 0 replaced, " + committed.size()
                + " unchanged, 0 failed"), resumed.out());
        assertEquals(files, unitsByReport().size());
    }

    private static List<String> fileNames(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    private Map<String, Integer> unitsByReport() throws Exception {
        try (SearchService search = SearchService.open(indexDir)) {
            var out = new TreeMap<String, Integer>();
            for (ReportSummary document : search.reports()) {
                out.put(document.report().id(), document.units());
            }
            return out;
        }
    }
}
