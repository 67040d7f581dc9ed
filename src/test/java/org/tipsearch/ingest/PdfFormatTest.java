package org.tipsearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipsearch.BundledReports;

/** A report as a PDF gives the units and metadata it gives as text; a file that is no readable PDF is refused. */
class PdfFormatTest {

    private final ReportReader reader = new ReportReader();

    @ParameterizedTest
    @MethodSource("org.tipsearch.ingest.SameReport#bundledReports")
    void aBundledReportAsPdfGivesTheSameUnits(String reportId) throws Exception {
        var writer = new ReportPdfWriter().textEndingAt(reportId.equals(BundledReports.ARTICLE_2023) ? 300 : 560);
        byte[] pdf = writer.write(SameReport.bundledText(reportId));

        // The PDF carries what the reader has to undo.
        assertTrue(writer.pages >= 3, "pages: " + writer.pages);
        assertTrue(writer.paragraphsOverPageBreaks > 0, "no paragraph runs over a page break");
        assertTrue(writer.brokenWords.size() > 3, "words broken at line ends: " + writer.brokenWords);
        String raw = plainText(pdf);
        for (String furniture : new String[] {ReportPdfWriter.SYMBOL + " 2/", "/12 " + ReportPdfWriter.SYMBOL,
                ReportPdfWriter.JOB + " " + ReportPdfWriter.BARCODE, "- 3 -", writer.brokenWords.get(0).replace("|", "\n")}) {
            assertTrue(raw.contains(furniture), furniture);
        }

        SameReport.assertSame(SameReport.bundled(reportId), reader.read(pdf, reportId + ".pdf"));
    }

    @Test
    void paragraphsRunTogetherOnOneLineStillSplit() throws Exception {
        String id = BundledReports.WORKING_GROUP_2023;
        var writer = new ReportPdfWriter()
                .runOn("2. In its resolution 7/1")
                .runOn("10. Mr. Basha Shahat noted")
                .runOn("2. The Working Group had begun"); // in the annex, whose numbering starts again
        byte[] pdf = writer.write(SameReport.bundledText(id));

        String text = new PdfFormat(ReportCues.load()).text(pdf, id + ".pdf");
        assertTrue(text.contains("prior to its meeting in 2023. 2. In its resolution 7/1"), "not run together");
        assertTrue(text.contains("at future meetings. 2. The Working Group had begun")
                || text.contains("Working Group on Trafficking in Persons at its thirteenth meeting. 2. The Working Group had begun"),
                "the annex paragraphs are not run together");
        SameReport.assertSame(SameReport.bundled(id), reader.read(pdf, id + ".pdf"));
    }

    @Test
    void wordsBrokenAtLineEndsAreJoinedAndCompoundsKeepTheirHyphen() throws Exception {
        var writer = new ReportPdfWriter()
                .place("I. Introduction", 72, 100, true, 10)
                .place("1. Victims of traf-", 72, 124, false, 10)
                .place("ficking should not be punished for it, as the non-", 72, 136, false, 10)
                .place("punishment principle says; anti-", 72, 148, false, 10)
                .place("trafficking units and the Co-", 72, 160, false, 10)
                .place("Chairs agreed that trafficking in persons calls for trauma-informed care and for trauma-", 72, 172, false, 10)
                .place("informed interviews.", 72, 184, false, 10);
        var units = reader.read(writer.write(""), "breaks.pdf").units();
        assertEquals("Victims of trafficking should not be punished for it, as the non-punishment principle says;"
                + " anti-trafficking units and the Co-Chairs agreed that trafficking in persons calls for"
                + " trauma-informed care and for trauma-informed interviews.", units.get(0).text());
    }

    @Test
    void theFirstPageGivesSymbolDateAndSession() throws Exception {
        String body = """
                I. Introduction

                1. In its decision 4/4 of 17 October 2008, the Conference of the Parties established an open-ended interim working group on trafficking in persons.

                2. The Working Group on Trafficking in Persons held its thirteenth meeting in Vienna.
                """;
        var writer = new ReportPdfWriter()
                .place("United Nations", 72, 60, true, 16)
                .place(ReportPdfWriter.SYMBOL, 400, 60, true, 12)
                .place("Conference of the Parties to the", 72, 90, true, 10)
                .place("United Nations Convention against", 72, 102, true, 10)
                .place("Transnational Organized Crime", 72, 114, true, 10)
                .place("Distr.: General", 400, 90, false, 10)
                .place("14 November 2023", 400, 102, false, 10)
                .place("Original: English", 400, 126, false, 10)
                .place("Working Group on Trafficking in Persons", 72, 150, true, 10)
                .place("Vienna, 2 and 3 October 2023", 72, 162, false, 10)
                .place("Report on the meeting of the Working Group on Trafficking in Persons", 72, 192, true, 14);
        ReportMetadata m = reader.read(writer.write(body), "wg-2023.pdf").metadata();
        assertEquals(ReportPdfWriter.SYMBOL, m.symbol());
        assertEquals("Report on the meeting of the Working Group on Trafficking in Persons", m.title());
        assertEquals(ReportKind.WORKING_GROUP_REPORT, m.kind());
        assertEquals(LocalDate.of(2023, 10, 2), m.date());
        assertEquals(LocalDate.of(2023, 10, 3), m.endDate());
        assertEquals("13th session (2023)", m.session().label());
        assertEquals("Working Group on Trafficking in Persons", m.body());
    }

    @Test
    void badPdfsAreRefusedWithTheFileAndTheReason(@TempDir Path dir) throws Exception {
        byte[] good = new ReportPdfWriter().write(SameReport.bundledText(BundledReports.DIALOGUE_2024));

        assertRefused("notes.pdf", "1. Just some text.\n".getBytes(StandardCharsets.UTF_8), "not a PDF file");
        assertRefused("letter.pdf", zipBytes(), "not a PDF file");
        assertRefused("locked.pdf", passwordProtected(good), "password-protected");
        assertRefused("scan.pdf", scanned(), "has no text layer", "OCR");
        assertRefused("broken.pdf", ("%PDF-1.7\n" + "\u0001garbage\u0002".repeat(200)).getBytes(StandardCharsets.ISO_8859_1),
                "damaged");
        assertRefused("cut.pdf", Arrays.copyOf(good, 400), "damaged");
        assertRefused("empty.pdf", new byte[0], "the file is empty");

        String odd = "Rapport (v2) – ébauche #1; 'final' [copie].pdf";
        Files.write(dir.resolve(odd), "not a pdf".getBytes(StandardCharsets.UTF_8));
        var e = assertThrows(InvalidReportException.class, () -> reader.read(dir.resolve(odd)));
        assertEquals(odd + ": not a PDF file (it does not start with %PDF-)", e.getMessage());
        Files.write(dir.resolve("ok.pdf"), good);
        assertFalse(reader.read(dir.resolve("ok.pdf")).units().isEmpty());
    }

    private void assertRefused(String name, byte[] content, String... reasons) {
        var e = assertThrows(InvalidReportException.class, () -> reader.read(content, name), name);
        assertTrue(e.getMessage().startsWith(name + ": "), e.getMessage());
        for (String reason : reasons) {
            assertTrue(e.getMessage().contains(reason), e.getMessage());
        }
    }

    static String plainText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static byte[] passwordProtected(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            var policy = new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            doc.protect(policy);
            return save(doc);
        }
    }

    /** A page that is only a picture of text, as a scanner makes it. */
    private static byte[] scanned() throws IOException {
        try (PDDocument doc = new PDDocument()) {
            var page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            var image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
            var g = image.createGraphics();
            g.drawString("1. Scanned text", 10, 50);
            g.dispose();
            try (var content = new PDPageContentStream(doc, page)) {
                content.drawImage(LosslessFactory.createFromImage(doc, image), 72, 600, 400, 200);
            }
            return save(doc);
        }
    }

    private static byte[] zipBytes() {
        return new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0};
    }

    private static byte[] save(PDDocument doc) throws IOException {
        var out = new ByteArrayOutputStream();
        doc.save(out);
        return out.toByteArray();
    }
}
