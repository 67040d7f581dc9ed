package org.tipsearch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.concurrent.Callable;
import org.tipsearch.index.ReportLibrary;
import org.tipsearch.index.ReportLibrary.Change;
import org.tipsearch.index.ReportLibrary.Outcome;
import org.tipsearch.ingest.ReportReader;
import org.tipsearch.ingest.TextAccount;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tipsearch ingest PATH…}: adds, replaces or leaves as they are the reports in files and folders, each
 * committed whole, into an index that a server may be searching meanwhile.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = {"Add reports to the index, or replace them with a corrected version, while it may be searched.",
            "A file whose content the index already holds changes nothing; one with the document symbol or the id "
                    + "of a report in the index replaces it. A file that cannot be read fails alone.",
            "Each report that goes in is also kept in the reports folder, so that rebuilding the index keeps it."})
final class IngestCommand implements Callable<Integer> {

    /** Below this many files a line per file says enough; above it a bar shows how far along the ingest is. */
    private static final int PROGRESS_BAR_FROM = 5;
    private static final int BAR_WIDTH = 30;

    @Spec
    private CommandSpec spec;

    @Mixin
    private Locations locations;

    @Mixin
    private EngineOptions engine;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Report files (.txt, .md, .pdf, .docx, .html, .htm) or folders of them.")
    private List<Path> paths;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<ReportLibrary.FileSource> files = files();
        if (engine.cluster()) {
            return ClusterIndexing.ingest(files.stream().map(ReportLibrary.FileSource::file).toList(),
                    engine.collections(), out);
        }
        IndexRepair.verify(locations.index(), locations.reports(), out);
        boolean bar = files.size() >= PROGRESS_BAR_FROM && System.console() != null;
        var done = new int[1];
        List<Outcome> outcomes = new ReportLibrary(locations.index(), locations.reports()).ingest(files, outcome -> {
            done[0]++;
            if (bar) {
                out.print("\r" + bar(done[0], files.size()) + " " + abbreviate(outcome.source()) + "\u001B[K");
                out.flush();
            } else {
                out.println("[" + done[0] + "/" + files.size() + "] " + describe(outcome));
            }
        });
        if (bar) {
            out.println();
        }
        summarise(outcomes, out);
        return outcomes.stream().anyMatch(o -> o.change() == Change.FAILED) ? 1 : 0;
    }

    /** The report files the paths name: files as given, folders' report files in name order. */
    private List<ReportLibrary.FileSource> files() throws IOException {
        var files = new ArrayList<ReportLibrary.FileSource>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                ReportReader.reportFiles(path).forEach(file -> files.add(new ReportLibrary.FileSource(file)));
            } else if (Files.isRegularFile(path)) {
                files.add(new ReportLibrary.FileSource(path));
            } else {
                throw new CommandLine.ParameterException(spec.commandLine(), "no file or folder at " + path);
            }
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "no report files ("
                    + String.join(", ", ReportReader.extensions()) + ") in " + paths);
        }
        return files;
    }

    private void summarise(List<Outcome> outcomes, PrintWriter out) {
        out.printf(Locale.ROOT, "Ingested %d file%s into %s (originals kept in %s): %d added, %d replaced, %d unchanged, "
                + "%d failed%n", outcomes.size(), outcomes.size() == 1 ? "" : "s", locations.index(), locations.reports(), count(outcomes, Change.ADDED),
                count(outcomes, Change.REPLACED), count(outcomes, Change.UNCHANGED), count(outcomes, Change.FAILED));
        outcomes.stream().filter(o -> o.change() == Change.FAILED).forEach(o -> out.println("  FAILED " + o.reason()));
    }

    private static String describe(Outcome outcome) {
        return switch (outcome.change()) {
            case FAILED -> "FAILED " + outcome.reason();
            case UNCHANGED -> outcome.source() + ": unchanged (the index holds the same content as " + outcome.reportId() + ")";
            case ADDED, REPLACED -> String.format(Locale.ROOT, "%s: %s %s, %d units", outcome.source(),
                    outcome.change().name().toLowerCase(Locale.ROOT), outcome.reportId(), outcome.units())
                    + (outcome.account() == null ? "" : "; " + account(outcome.account()));
        };
    }

    /**
     * "text: 95.1% in units, 1.3% footnotes, 2.0% headings, 1.6% cover, 0.0% unaccounted; furniture removed: contents
     * 321, job number 25 (characters)", and what makes a report flagged.
     */
    static String account(TextAccount a) {
        double total = Math.max(1, a.total());
        var line = new StringBuilder(String.format(Locale.ROOT,
                "text: %.1f%% in units, %.1f%% footnotes, %.1f%% headings, %.1f%% cover, %.1f%% unaccounted",
                100 * a.units() / total, 100 * a.footnotes() / total, 100 * a.headings() / total,
                100 * a.cover() / total, 100 * a.unaccounted() / total));
        if (!a.furniture().isEmpty()) {
            line.append("; furniture removed: ").append(a.furniture().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(" (characters)");
        }
        if (a.keptAsText() > 0) {
            line.append("; FLAGGED: ").append(a.keptAsText()).append(" characters it could not place kept as unnumbered text");
        } else if (a.flagged()) {
            line.append("; FLAGGED: more text unaccounted for than markup explains");
        }
        return line.toString();
    }

    private static long count(List<Outcome> outcomes, Change change) {
        return outcomes.stream().filter(o -> o.change() == change).count();
    }

    private static String bar(int done, int total) {
        int filled = done * BAR_WIDTH / total;
        return "[" + "#".repeat(filled) + " ".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total;
    }

    private static String abbreviate(String name) {
        return name.length() > 40 ? name.substring(0, 39) + "…" : name;
    }
}
