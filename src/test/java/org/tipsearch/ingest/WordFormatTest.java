package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipsearch.BundledReports;

/** A report as a Word document gives the units and metadata it gives as text; a file that is no .docx is refused. */
class WordFormatTest {

    private final ReportReader reader = new ReportReader();

    @ParameterizedTest
    @MethodSource("org.tipsearch.ingest.SameReport#bundledReports")
    void aBundledReportAsDocxGivesTheSameUnits(String reportId) throws Exception {
        var writer = new ReportDocxWriter();
        byte[] docx = writer.write(SameReport.bundledText(reportId));
        SameReport.assertSame(SameReport.bundled(reportId), reader.read(docx, reportId + ".docx"));
    }

    @Test
    void wordsOwnNumberingBecomesTheNumbersTheParserReads() throws Exception {
        var writer = new ReportDocxWriter();
        byte[] docx = writer.write(SameReport.bundledText(BundledReports.WORKING_GROUP_2023));
        // The file holds no typed paragraph numbers: Word numbers 53 paragraphs, then the annex's from 1 again.
        assertEquals(53 + 2, writer.numberedParagraphs);
        try (var doc = new XWPFDocument(new ByteArrayInputStream(docx))) {
            List<String> texts = doc.getParagraphs().stream().map(XWPFParagraph::getText).toList();
            assertTrue(texts.stream().noneMatch(t -> t.startsWith("18. ") || t.startsWith("III. ")), "typed numbers");
            assertTrue(texts.contains("Summary of deliberations"), "the heading without its number");
        }
        var units = reader.read(docx, "wg.docx").units();
        Unit annexFirst = units.stream().filter(p -> p.unitId().equals("annex-para-1")).findFirst().orElseThrow();
        assertTrue(annexFirst.text().startsWith("The Co-Chairs note the following recommendations"));
        assertEquals("III. Summary of deliberations › B. National issues and priorities concerning child trafficking",
                units.stream().filter(p -> p.unitId().equals("para-18")).findFirst().orElseThrow().sectionPath());
        assertTrue(units.stream().filter(p -> p.unitId().equals("rec-8")).findFirst().orElseThrow().text()
                .contains("\n(b) Establishing standardized inter-agency measures"), "lettered list");
    }

    @Test
    void footnotesComeOutAsTheTextReportsPrintThem() throws Exception {
        byte[] docx = new ReportDocxWriter().write(SameReport.bundledText(BundledReports.DIALOGUE_2022));
        String text = new WordFormat().text(docx, "d.docx");
        assertTrue(text.contains("and the Protocols thereto¹ through Conference resolution 9/1"), text);
        assertTrue(text.contains("\n\n¹ Hereinafter: UNTOC review mechanism.\n\n"), text);
        Unit first = reader.read(docx, "d.docx").units().get(0);
        assertEquals(List.of(new Footnote("1", "Hereinafter: UNTOC review mechanism.")), first.footnotes());
    }

    @Test
    void badWordFilesAreRefusedWithTheFileAndTheReason(@TempDir Path dir) throws Exception {
        byte[] good = new ReportDocxWriter().write(SameReport.bundledText(BundledReports.DIALOGUE_2024));

        assertRefused("notes.docx", "1. A text file named .docx.\n".getBytes(StandardCharsets.UTF_8), "not a Word .docx file");
        assertRefused("old.docx", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A,
                (byte) 0xE1, 0, 0, 0, 0}, "old binary Word (.doc)");
        assertRefused("cut.docx", Arrays.copyOf(good, good.length / 3), "not a readable Word .docx file");
        assertRefused("other.docx", zipWith("content.xml", "<office:document/>"), "not a readable Word .docx file");
        assertRefused("empty.docx", new byte[0], "the file is empty");
        assertRefused("blank.docx", new ReportDocxWriter().write(""), "the file holds no text");

        String odd = "Rapport (v2) – ébauche #1; 'final' [copie].docx";
        Files.writeString(dir.resolve(odd), "plain text");
        var e = assertThrows(InvalidReportException.class, () -> reader.read(dir.resolve(odd)));
        assertTrue(e.getMessage().startsWith(odd + ": not a Word .docx file"), e.getMessage());
        Files.write(dir.resolve("ok.docx"), good);
        assertFalse(reader.read(dir.resolve("ok.docx")).units().isEmpty());
    }

    private void assertRefused(String name, byte[] content, String reason) {
        var e = assertThrows(InvalidReportException.class, () -> reader.read(content, name), name);
        assertTrue(e.getMessage().startsWith(name + ": ") && e.getMessage().contains(reason), e.getMessage());
    }

    private static byte[] zipWith(String entry, String content) throws Exception {
        var out = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(content.getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        return out.toByteArray();
    }
}
