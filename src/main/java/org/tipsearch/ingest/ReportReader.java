package org.tipsearch.ingest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Reads report files (plain text or markdown) into {@link Report}s. */
public final class ReportReader {

    private static final List<String> EXTENSIONS = List.of(".txt", ".md");
    /** Far above any report of the family (the largest is ~40 KB): a guard against reading the wrong file. */
    private static final long MAX_BYTES = 20L * 1024 * 1024;

    private final ReportParser parser = new ReportParser();
    private final MetadataExtractor extractor = new MetadataExtractor(ReportCues.load());

    /** The report files in a folder, in file-name order. */
    public static List<Path> reportFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).filter(ReportReader::isReportFile).sorted().toList();
        }
    }

    public static boolean isReportFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    public Report read(Path file) throws InvalidReportException {
        String source = file.getFileName().toString();
        String text = decode(file, source);
        if (text.isBlank()) {
            throw new InvalidReportException(source + ": the file is empty");
        }
        return parse(text, source, MetadataOverrides.forReport(file));
    }

    /** Parses report text that did not come from a file of its own (tests, uploads). */
    public Report read(String text, String source) throws InvalidReportException {
        if (text.isBlank()) {
            throw new InvalidReportException(source + ": the text is empty");
        }
        return parse(text, source, new MetadataOverrides(null, null, null, null, null, null, null, null, null));
    }

    private Report parse(String text, String source, MetadataOverrides overrides) throws InvalidReportException {
        ReportParser.ParsedText parsed = parser.parse(text);
        if (parsed.paragraphs().isEmpty()) {
            throw new InvalidReportException(source + ": no paragraphs found in the text");
        }
        ReportMetadata metadata = overrides.applyTo(extractor.extract(slug(source), source, parsed));
        return new Report(metadata, parsed.paragraphs());
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

    private static String decode(Path file, String source) throws InvalidReportException {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new InvalidReportException(source + ": " + size + " bytes is more than a report can be ("
                        + MAX_BYTES + ")");
            }
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
            if (text.indexOf('\u0000') >= 0) {
                throw new InvalidReportException(source + ": binary content, not a text report");
            }
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidReportException(source + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new InvalidReportException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
