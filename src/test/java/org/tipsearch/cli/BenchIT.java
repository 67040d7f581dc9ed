package org.tipsearch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipsearch.BundledReports;
import org.tipsearch.JarProcess;
import org.tipsearch.JarProcess.Result;

/** The benchmarks at a small scale, as a user runs them: each prints its table and the command that made it. */
class BenchIT {

    private static final String NUMBER = "[\\d,.]+";

    @TempDir
    static Path dir;

    @BeforeAll
    static void buildIndex() throws Exception {
        BundledReports.index(dir.resolve("bundled"));
    }

    private static List<String> lines(Result result) {
        assertEquals(0, result.exitCode(), result.out() + result.err());
        return result.out().lines().toList();
    }

    private static void assertRow(String line, String first, int numbers) {
        assertTrue(line.matches(first + ("\\s+" + NUMBER).repeat(numbers)), line);
    }

    @Test
    void buildsASyntheticCorpusAndMeasuresLatencyOnIt() throws Exception {
        Path scale = dir.resolve("scale");
        List<String> build = lines(JarProcess.run("bench", "build", "--units", "3000", "--index", scale.toString()));
        assertTrue(build.get(0).matches("index build: 3,000 units in \\d+ synthetic reports \\(seed 20261124\\), with"
                + " vectors, \\d+ threads"), build.get(0));
        assertRow(build.get(2), "generate and enrich the corpus", 3);
        assertRow(build.get(3), "index \\(documents, analysis, Lucene\\)", 3);
        assertTrue(build.get(6).matches("text [\\d.]+ MB; index [\\d.]+ MB on disk in \\d+ segments"), build.get(6));
        assertEquals("command: tipsearch bench build --units 3000 --index " + scale + " --seed 20261124", build.get(7));

        List<String> latency = lines(JarProcess.run("bench", "latency", "--index", scale.toString(), "--rounds", "1",
                "--warm-up", "1", "--per-query"));
        assertTrue(latency.get(0).startsWith("query latency, in process, 3,000 units;"), latency.get(0));
        assertEquals(List.of("bm25", "semantic, new", "semantic, repeated", "hybrid, new", "hybrid, repeated"),
                latency.subList(2, 7).stream().map(line -> line.substring(0, 18).strip()).toList());
        latency.subList(2, 7).forEach(line -> assertRow(line, "[a-z0-9, ]+", 4));
        // then each mode's queries, in the set's order: its median, its matches, the query and its filters
        int bm25 = latency.indexOf("bm25, per query");
        assertTrue(bm25 > 0, String.join("\n", latency));
        assertTrue(latency.get(bm25 + 2).matches(" *" + NUMBER + " +[\\d,]+  victims"), latency.get(bm25 + 2));
        assertTrue(latency.stream().anyMatch(line -> line.matches(" *" + NUMBER + " +[\\d,]+  corruption  "
                + "\\{topic=\\[corruption]}")), String.join("\n", latency));
        assertTrue(latency.contains("hybrid, repeated, per query"), String.join("\n", latency));
        assertTrue(latency.getLast().endsWith(" --per-query"), latency.getLast());
    }

    @Test
    void comparesWithPostgresOnTheSameUnitsAndQueries() throws Exception {
        Path index = dir.resolve("bundled");
        List<String> table = lines(JarProcess.run("bench", "postgres", "--index", index.toString(), "--rounds", "1"));
        assertTrue(table.get(0).contains("PostgreSQL") && table.get(0).contains(" 208 units;"), table.get(0));
        assertRow(table.get(2), "tipsearch \\(in process\\)", 5);
        assertRow(table.get(3), "PostgreSQL \\(loopback\\)", 5);
        assertTrue(table.get(4).matches("tipsearch is [\\d.]+x faster at p50, [\\d.]+x at p99; .*"), table.get(4));
        assertTrue(!table.get(3).endsWith(" 0"), "PostgreSQL finds matches: " + table.get(3));
    }

    @Test
    void timesTheFacetedStepAgainstLucenesDrillSideways() throws Exception {
        Path index = dir.resolve("bundled");
        List<String> table = lines(JarProcess.run("bench", "facets", "--index", index.toString(), "--rounds", "1",
                "--warm-up", "0"));
        assertTrue(table.get(0).startsWith("faceted search step, in process, 208 units;"), table.get(0));
        assertRow(table.get(2), "ours \\(FacetedCollection\\)", 4);
        assertRow(table.get(3), "Lucene \\(DrillSideways\\)", 4);
        assertEquals("command: tipsearch bench facets --index " + index + " --rounds 1 --warm-up 0", table.get(4));
    }

    @Test
    void loadsAServerOverHttpWithWrk() throws Exception {
        Path index = dir.resolve("bundled");
        List<String> table = lines(JarProcess.run("bench", "http", "--index", index.toString(), "--seconds", "2",
                "--connections", "4", "--modes", "bm25", "--cached-pages", "0"));
        if (table.get(0).startsWith("first start")) { // no class-data archive of this jar yet: a first start writes it
            assertTrue(table.get(0).matches("first start \\(writes the class-data archive\\): first search answered"
                    + " \\d+ ms after the process started"), table.get(0));
            table = table.subList(1, table.size());
        }
        assertTrue(table.get(0).matches("server on .* --cached-pages 0: first search answered \\d+ ms after the process"
                + " started; heap after start \\(after GC\\) \\d+ MB"), table.get(0));
        assertRow(table.get(2), "bm25", 9);
        assertTrue(table.get(2).matches(".*\\s0\\s+\\d+\\s+\\d+$"), "no errors: " + table.get(2));
    }

    @Test
    void refusesWhatItCannotMeasure() throws Exception {
        CliIT.assertUsageError(JarProcess.run("bench"), "name a benchmark");
        CliIT.assertUsageError(JarProcess.run("bench", "build", "--units", "0", "--index", dir.resolve("x").toString()),
                "--units must be 1-10000000");
        CliIT.assertUsageError(JarProcess.run("bench", "build", "--units", "10", "--index", "index-data/index"),
                "must not be the served index");
        CliIT.assertUsageError(JarProcess.run("bench", "http", "--index", dir.resolve("bundled").toString(),
                "--modes", "magic"), "unknown mode 'magic'");
        CliIT.assertUsageError(JarProcess.run("bench", "latency", "--index", dir.resolve("bundled").toString(),
                "--rounds", "0"), "--rounds must be 1-10000");
        CliIT.assertUsageError(JarProcess.run("bench", "latency", "--index", dir.resolve("bundled").toString(),
                "--warm-up", "0"), "--warm-up must be 1-10000");
        CliIT.assertUsageError(JarProcess.run("bench", "facets", "--index", dir.resolve("bundled").toString(),
                "--rounds", "0"), "--rounds must be 1-10000");
    }
}
