package org.tipsearch.ingest;

import java.io.IOException;
import java.io.Writer;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The text layer of a PDF, page by page and line by line, with each line's place and size. PDFBox groups the
 * glyphs into lines and words; this keeps their positions, which plain extracted text loses. Lines come in the
 * order the page draws them (not sorted by position), so the two columns of a masthead stay apart.
 */
final class PdfPageText extends PDFTextStripper {

    private static final String SUPERSCRIPT_DIGITS = Line.superscriptDigits();

    private final List<List<PdfLine>> pages = new ArrayList<>();
    private List<PdfLine> page = new ArrayList<>();
    /** The glyphs of the line being read; null where PDFBox sees a gap between words. */
    private final List<TextPosition> glyphs = new ArrayList<>();

    private PdfPageText() {
        super();
    }

    /** Every page's lines, in the order the pages draw them. */
    static List<List<PdfLine>> of(PDDocument document) throws IOException {
        var text = new PdfPageText();
        text.writeText(document, Writer.nullWriter());
        return text.pages;
    }

    @Override
    protected void startPage(PDPage pdPage) throws IOException {
        page = new ArrayList<>();
        super.startPage(pdPage);
    }

    @Override
    protected void endPage(PDPage pdPage) throws IOException {
        endLine();
        pages.add(page);
        super.endPage(pdPage);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        glyphs.addAll(positions);
    }

    @Override
    protected void writeWordSeparator() throws IOException {
        glyphs.add(null);
        super.writeWordSeparator();
    }

    @Override
    protected void writeLineSeparator() throws IOException {
        endLine();
        super.writeLineSeparator();
    }

    @Override
    protected void writeParagraphEnd() throws IOException {
        endLine(); // PDFBox ends the last line of a page with a paragraph end, not a line separator
        super.writeParagraphEnd();
    }

    private void endLine() {
        List<TextPosition> visible = glyphs.stream().filter(g -> g != null && !g.getUnicode().isBlank()).toList();
        if (visible.isEmpty()) {
            glyphs.clear();
            return;
        }
        float size = dominantSize(visible);
        float baseline = median(visible.stream().filter(g -> sameSize(g, size)).map(TextPosition::getYDirAdj).toList());
        var text = new StringBuilder();
        for (TextPosition g : glyphs) {
            if (g == null) {
                text.append(' ');
            } else if (isRaisedDigit(g, size, baseline)) {
                // A footnote marker set small and raised: the superscript the parser knows markers by.
                if (text.toString().isBlank()) {
                    text.setLength(0);
                } else if (text.charAt(text.length() - 1) == ' ') {
                    text.setLength(text.length() - 1);
                }
                g.getUnicode().chars().forEach(c -> text.append(SUPERSCRIPT_DIGITS.charAt(c - '0')));
            } else {
                text.append(g.getUnicode());
            }
        }
        float left = (float) visible.stream().mapToDouble(TextPosition::getXDirAdj).min().orElse(0);
        float right = (float) visible.stream().mapToDouble(g -> g.getXDirAdj() + g.getWidthDirAdj()).max().orElse(0);
        boolean bold = visible.stream().filter(PdfPageText::isBold).count() * 2 > visible.size();
        page.add(new PdfLine(clean(text.toString()), left, right, baseline, size, bold));
        glyphs.clear();
    }

    private static boolean isRaisedDigit(TextPosition g, float lineSize, float baseline) {
        return g.getUnicode().chars().allMatch(c -> c >= '0' && c <= '9')
                && g.getFontSizeInPt() < 0.8f * lineSize
                && g.getYDirAdj() < baseline - 0.15f * lineSize;
    }

    private static boolean isBold(TextPosition g) {
        var descriptor = g.getFont().getFontDescriptor();
        return g.getFont().getName() != null && g.getFont().getName().toLowerCase(Locale.ROOT).contains("bold")
                || descriptor != null && (descriptor.isForceBold() || descriptor.getFontWeight() >= 600);
    }

    /** Ligatures spelled out ("ﬁ" → "fi"), soft hyphens dropped but at the end, spaces collapsed. */
    private static String clean(String text) {
        String collapsed = Characters.normalized(Normalizer.normalize(text, Normalizer.Form.NFC))
                .replaceAll("\\s+", " ").strip();
        return collapsed.replaceAll("\u00AD$", "-").replace("\u00AD", "");
    }

    /** The size most of the line's characters are set in, so a raised marker does not count as the line's size. */
    private static float dominantSize(List<TextPosition> visible) {
        Map<Float, Integer> counts = new HashMap<>();
        visible.forEach(g -> counts.merge(rounded(g.getFontSizeInPt()), 1, Integer::sum));
        return counts.entrySet().stream()
                .max(Map.Entry.<Float, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .orElseThrow().getKey();
    }

    private static boolean sameSize(TextPosition g, float size) {
        return rounded(g.getFontSizeInPt()) == size;
    }

    private static float rounded(float size) {
        return Math.round(size * 2) / 2f;
    }

    private static float median(List<Float> values) {
        var sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
