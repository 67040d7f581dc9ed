package org.tipsearch.ingest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * Reports as published, in PDF: the text layer read line by line ({@link PdfPageText}), the running headers and
 * footers dropped ({@link RunningHeaders}), and the lines made into the text the parser reads ({@link PdfText}).
 */
final class PdfFormat implements ReportFormat {

    /** The spec lets a PDF start with some bytes of junk before its header; readers look this far. */
    private static final int HEADER_WINDOW = 1024;

    private final RunningHeaders runningHeaders;

    PdfFormat(ReportCues cues) {
        runningHeaders = new RunningHeaders(cues);
    }

    @Override
    public List<String> extensions() {
        return List.of(".pdf");
    }

    @Override
    public String text(byte[] content, String source) throws InvalidReportException {
        if (!hasPdfHeader(content)) {
            throw new InvalidReportException(source + ": not a PDF file (it does not start with %PDF-)");
        }
        try (PDDocument document = Loader.loadPDF(content)) {
            if (document.getNumberOfPages() == 0) {
                throw new InvalidReportException(source + ": the PDF has no pages");
            }
            List<List<PdfLine>> pages = PdfPageText.of(document);
            if (pages.stream().allMatch(List::isEmpty)) {
                throw new InvalidReportException(source + ": the PDF has no text layer; it looks scanned, so its "
                        + document.getNumberOfPages() + " page(s) are images: run OCR on it (e.g. ocrmypdf) and add the result");
            }
            return PdfText.of(runningHeaders.remove(pages));
        } catch (InvalidPasswordException e) {
            throw new InvalidReportException(source + ": the PDF is password-protected; add a copy without a password", e);
        } catch (IOException | RuntimeException e) {
            throw new InvalidReportException(source + ": the PDF is damaged and cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static boolean hasPdfHeader(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, HEADER_WINDOW), StandardCharsets.ISO_8859_1);
        return head.contains("%PDF-");
    }
}
