package org.tipsearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads report files (plain text, markdown, PDF, Word, HTML) into {@link Report}s. */
public final class ReportReader {

    private static final ReportCues CUES = ReportCues.load();
    /** The formats reports come in, each with its file-name endings. */
    private static final List<ReportFormat> FORMATS =
            List.of(new PlainTextFormat(), new PdfFormat(CUES), new WordFormat(), new HtmlFormat());
    /** Far above any report of the family (the largest PDF is a few MB): a guard against reading the wrong file. */
    public static final long MAX_BYTES = 50L * 1024 * 1024;

    private final ReportParser parser = new ReportParser();
    private final MetadataExtractor extractor = new MetadataExtractor(CUES, SessionCalendar.load());

    /** The report files in a folder, in file-name order. */
    public static List<Path> reportFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ReportReader::isReportFile).sorted().toList();
        }
    }

    public static boolean isReportFile(Path file) {
        return format(file.getFileName().toString()) != null;
    }

    /** The file-name endings of every format read, e.g. [".txt", ".md", ".pdf", …]. */
    public static List<String> extensions() {
        return FORMATS.stream().flatMap(f -> f.extensions().stream()).toList();
    }

    /** Reads a report file, with its sidecar {@code <file>.meta.json} if there is one. */
    public Report read(Path file) throws InvalidReportException {
        return read(file, bytes(file));
    }

    /** Reads a report file whose bytes the caller has read already (to keep them), with its sidecar. */
    public Report read(Path file, byte[] content) throws InvalidReportException {
        return read(content, file.getFileName().toString(), MetadataOverrides.forReport(file));
    }

    /** Reads the content of a report file that came without its folder (an upload), named by its file name. */
    public Report read(byte[] content, String fileName) throws InvalidReportException {
        return read(content, fileName, MetadataOverrides.NONE);
    }

    private Report read(byte[] content, String source, MetadataOverrides overrides) throws InvalidReportException {
        ReportFormat format = format(source);
        if (format == null) {
            throw new InvalidReportException(source + ": not a report file; reports are " + String.join(", ", extensions()));
        }
        if (content.length == 0) {
            throw new InvalidReportException(source + ": the file is empty");
        }
        if (content.length > MAX_BYTES) {
            throw new InvalidReportException(source + ": " + content.length + " bytes is more than a report can be ("
                    + MAX_BYTES + ")");
        }
        String text = format.text(content, source);
        if (text.isBlank()) {
            throw new InvalidReportException(source + ": the file holds no text");
        }
        return parse(text, source, overrides);
    }

    private static ReportFormat format(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return FORMATS.stream().filter(f -> f.extensions().stream().anyMatch(name::endsWith)).findFirst().orElse(null);
    }

    /** Parses report text that did not come from a file (tests). */
    public Report read(String text, String source) throws InvalidReportException {
        if (text.isBlank()) {
            throw new InvalidReportException(source + ": the text is empty");
        }
        return parse(text, source, MetadataOverrides.NONE);
    }

    private Report parse(String text, String source, MetadataOverrides overrides) throws InvalidReportException {
        ReportParser.ParsedText parsed = parser.parse(text);
        if (parsed.units().isEmpty()) {
            throw new InvalidReportException(source + ": no paragraphs found in the text");
        }
        ReportMetadata metadata = overrides.applyTo(extractor.extract(slug(source), source, parsed));
        return new Report(metadata, parsed.units(), TextAccount.of(text, parsed));
    }


    /** The report id derived from its file name: "000_66491c30b35528aa.txt" → "000_66491c30b35528aa". */
    static String slug(String fileName) {
        String stem = fileName.replaceFirst("\\.[^.]*$", "").toLowerCase(Locale.ROOT);
        String slug = stem.replaceAll("[^a-z0-9_.-]+", "-").replaceAll("^[^a-z0-9]+|[-.]+$", "");
        if (slug.isEmpty()) {
            slug = "report";
        }
        return slug.length() > 100 ? slug.substring(0, 100) : slug;
    }

    /** A report file's bytes, refused with its name when it cannot be read or is larger than a report can be. */
    public static byte[] bytes(Path file) throws InvalidReportException {
        return bytes(file, file.getFileName().toString());
    }

    private static byte[] bytes(Path file, String source) throws InvalidReportException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidReportException(source + ": " + size + " bytes is more than a report can be ("
                        + MAX_BYTES + ")");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InvalidReportException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
