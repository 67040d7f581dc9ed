package org.tipsearch.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes report text as a PDF laid out the way UN documents are, for the tests: A4, justified Times 10 pt with
 * space between paragraphs, headings in bold, words hyphenated at line ends (syllables and compounds alike),
 * footnote markers small and raised with the footnotes at the foot of their page, the symbol and the page
 * number at the head of every page after the first, and the job number, barcode and page number at the foot of
 * every page. Each line of the text is a paragraph; blank lines are dropped; markdown residue is cleaned as a
 * published document would not have it. It records what it did, so a test can check that its PDF exercises
 * what it means to test.
 */
final class ReportPdfWriter {

    static final String SYMBOL = "CTOC/COP/WG.4/2023/3";
    static final String JOB = "V.23-19876";
    static final String BARCODE = "*2319876*";

    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final float LEFT = 72;
    private static final float RIGHT = WIDTH - 72;
    private static final float TOP = 80;
    private static final float BOTTOM = 770;
    private static final float SIZE = 10;
    private static final float PITCH = 12;
    private static final float GAP = 6;
    private static final float NOTE_SIZE = 8;
    private static final float NOTE_PITCH = 9.5f;
    private static final float MARK_SIZE = 6;

    /** Text drawn where it is told, before the flow (a masthead). */
    private record Placed(String text, float x, float baseline, boolean bold, float size) {}

    /** A line of a paragraph: its words, and whether it is justified to the margin. */
    private record Row(List<String> words, boolean justified) {}

    private boolean hyphenate = true;
    private boolean breakCompounds;
    private float bottom = BOTTOM;
    private boolean header = true;
    private final Set<String> runOn = new HashSet<>();
    private final List<Placed> masthead = new ArrayList<>();
    private float flowTop = TOP;

    /** The words broken at line ends, as "traf-|ficking". */
    final List<String> brokenWords = new ArrayList<>();
    /** How many paragraphs run on from one page to the next. */
    int paragraphsOverPageBreaks;
    int pages;

    private PDDocument document;
    private PDFont regular;
    private PDFont bold;
    private List<PDFont> fallbacks;
    private PDPageContentStream page;
    private float cursor;
    private float noteHeight;
    private final List<String> pageNotes = new ArrayList<>();
    private final Map<String, String> footnotes = new HashMap<>();

    ReportPdfWriter withoutHyphenation() {
        hyphenate = false;
        return this;
    }

    /**
     * Also breaks compounds after their hyphen ("trauma-" / "informed"), as Word does. Off by default: a compound
     * the report writes only once, of words it uses nowhere else, cannot be told from a hyphenated word.
     */
    ReportPdfWriter breakingCompounds() {
        breakCompounds = true;
        return this;
    }

    /** Ends the text of each page higher up, for more pages and page breaks from a short text. */
    ReportPdfWriter textEndingAt(float baseline) {
        bottom = baseline;
        return this;
    }

    ReportPdfWriter withoutRunningHeader() {
        header = false;
        return this;
    }

    /** Runs the paragraph that starts so on in the line of the paragraph before it, as some PDFs give them. */
    ReportPdfWriter runOn(String paragraphStart) {
        runOn.add(paragraphStart);
        return this;
    }

    /** Draws text on the first page where told (baseline from the top), before the flow, which starts below. */
    ReportPdfWriter place(String text, float x, float baseline, boolean isBold, float size) {
        masthead.add(new Placed(text, x, baseline, isBold, size));
        flowTop = Math.max(flowTop, baseline + 2 * PITCH);
        return this;
    }

    byte[] write(String reportText) {
        try (PDDocument doc = new PDDocument()) {
            document = doc;
            regular = new PDType1Font(Standard14Fonts.FontName.TIMES_ROMAN);
            bold = new PDType1Font(Standard14Fonts.FontName.TIMES_BOLD);
            try (InputStream ttf = PDDocument.class.getResourceAsStream("/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf")) {
                fallbacks = List.of(new PDType1Font(Standard14Fonts.FontName.SYMBOL), PDType0Font.load(doc, ttf));
            }
            List<String> blocks = blocks(reportText);
            newPage();
            for (Placed p : masthead) {
                drawText(p.text(), p.x(), p.baseline(), p.bold() ? bold : regular, p.size());
            }
            cursor = flowTop - PITCH;
            for (String block : blocks) {
                paragraph(block);
            }
            endPage();
            var out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The paragraphs of the text, those told to run on joined to the one before. */
    private List<String> blocks(String text) {
        ReportBlocks report = ReportBlocks.of(text);
        footnotes.putAll(report.footnotes());
        var blocks = new ArrayList<String>();
        for (String s : report.paragraphs()) {
            if (runOn.stream().anyMatch(s::startsWith)) {
                blocks.set(blocks.size() - 1, blocks.get(blocks.size() - 1) + " " + s);
            } else {
                blocks.add(s);
            }
        }
        return blocks;
    }

    private void paragraph(String text) throws IOException {
        Line line = Line.classify(text);
        PDFont font = line.isHeading() || line.type() == Line.Type.RECOMMENDATION ? bold : regular;
        List<Row> rows = wrap(text, font);
        cursor += GAP;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            float notes = notesHeight(row);
            if (cursor + PITCH > bottom - noteHeight - notes) {
                if (i > 0) {
                    paragraphsOverPageBreaks++;
                }
                endPage();
                newPage();
                cursor = TOP - PITCH;
            }
            cursor += PITCH;
            drawRow(row, font);
            for (String word : row.words()) {
                for (String marker : ReportBlocks.markers(word)) {
                    if (footnotes.containsKey(marker) && !pageNotes.contains(marker)) {
                        pageNotes.add(marker);
                        noteHeight += noteLines(footnotes.get(marker)).size() * NOTE_PITCH;
                    }
                }
            }
        }
    }

    private float notesHeight(Row row) throws IOException {
        float height = 0;
        for (String word : row.words()) {
            for (String marker : ReportBlocks.markers(word)) {
                if (footnotes.containsKey(marker) && !pageNotes.contains(marker)) {
                    height += noteLines(footnotes.get(marker)).size() * NOTE_PITCH + GAP;
                }
            }
        }
        return height;
    }

    /** Fills lines word by word; a word that does not fit is broken with a hyphen where a part of it fits. */
    private List<Row> wrap(String text, PDFont font) throws IOException {
        var rows = new ArrayList<Row>();
        var words = new ArrayList<String>(List.of(text.split(" +")));
        var row = new ArrayList<String>();
        float width = 0;
        float space = width(" ", font, SIZE);
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            float w = width(word, font, SIZE);
            float needed = row.isEmpty() ? w : width + space + w;
            if (needed <= RIGHT - LEFT) {
                row.add(word);
                width = needed;
                continue;
            }
            String[] split = hyphenate ? split(word, font, RIGHT - LEFT - width - (row.isEmpty() ? 0 : space)) : null;
            if (split != null) {
                row.add(split[0]);
                words.add(i + 1, split[1]);
                brokenWords.add(split[0] + "|" + split[1]);
            } else {
                words.add(i + 1, word);
            }
            rows.add(new Row(row, true));
            row = new ArrayList<>();
            width = 0;
        }
        rows.add(new Row(row, false));
        return rows;
    }

    /** The word broken where its first part and a hyphen fit in the room left: after a hyphen, or mid-word. */
    private String[] split(String word, PDFont font, float room) throws IOException {
        if (word.matches(".*[" + Line.superscriptDigits() + "].*")) {
            return null;
        }
        for (int at = word.length() - 1; at > 0; at--) {
            String head = word.substring(0, at);
            String tail = word.substring(at);
            boolean afterHyphen = breakCompounds && head.endsWith("-") && head.length() > 2 && Character.isLetter(tail.charAt(0));
            boolean midWord = head.length() >= 3 && tail.matches("\\p{L}{3,}\\p{P}*") && head.matches("[\\p{L}-]*\\p{L}{3}")
                    && !head.contains("-");
            if (afterHyphen && width(head, font, SIZE) <= room) {
                return new String[] {head, tail};
            }
            if (midWord && word.replaceAll("\\P{L}", "").length() >= 8 && width(head + "-", font, SIZE) <= room) {
                return new String[] {head + "-", tail};
            }
        }
        return null;
    }

    private void drawRow(Row row, PDFont font) throws IOException {
        float natural = 0;
        for (String word : row.words()) {
            natural += width(word, font, SIZE);
        }
        float space = width(" ", font, SIZE);
        int gaps = row.words().size() - 1;
        if (row.justified() && gaps > 0) {
            space = (RIGHT - LEFT - natural) / gaps;
        }
        float x = LEFT;
        for (String word : row.words()) {
            drawText(word, x, cursor, font, SIZE);
            x += width(word, font, SIZE) + space;
        }
    }

    /** Draws text at a baseline measured from the top; superscript digits small and raised, as Word sets them. */
    private void drawText(String text, float x, float baseline, PDFont font, float size) throws IOException {
        for (String piece : pieces(text)) {
            boolean raised = isMarker(piece);
            String shown = raised ? String.valueOf(Line.fromSuperscript(piece)) : piece;
            float pieceSize = raised ? size * MARK_SIZE / SIZE : size;
            float y = raised ? baseline - size * 0.35f : baseline;
            for (String run : fontRuns(shown, font)) {
                PDFont runFont = fontFor(run.codePointAt(0), font);
                page.beginText();
                page.setFont(runFont, pieceSize);
                page.newLineAtOffset(x, HEIGHT - y);
                page.showText(run);
                page.endText();
                x += runFont.getStringWidth(run) / 1000 * pieceSize;
            }
        }
    }

    private float width(String text, PDFont font, float size) throws IOException {
        float w = 0;
        for (String piece : pieces(text)) {
            boolean raised = isMarker(piece);
            String shown = raised ? Line.fromSuperscript(piece) : piece;
            float pieceSize = raised ? size * MARK_SIZE / SIZE : size;
            for (String run : fontRuns(shown, font)) {
                w += fontFor(run.codePointAt(0), font).getStringWidth(run) / 1000 * pieceSize;
            }
        }
        return w;
    }

    /** The text cut where superscript digits start or stop. */
    private static List<String> pieces(String text) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!current.isEmpty() && isMarker(String.valueOf(c)) != isMarker(current.substring(0, 1))) {
                out.add(current.toString());
                current.setLength(0);
            }
            current.append(c);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private static boolean isMarker(String s) {
        return Line.superscriptDigits().indexOf(s.charAt(0)) >= 0;
    }

    /** The text cut where the font that can show it changes (Times, else Symbol for "⇒", else Liberation Sans). */
    private List<String> fontRuns(String text, PDFont font) {
        var out = new ArrayList<String>();
        var current = new StringBuilder();
        PDFont currentFont = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            PDFont f = fontFor(c, font);
            if (currentFont != null && f != currentFont) {
                out.add(current.toString());
                current.setLength(0);
            }
            currentFont = f;
            current.appendCodePoint(c);
            i += Character.charCount(c);
        }
        if (!current.isEmpty()) {
            out.add(current.toString());
        }
        return out;
    }

    private PDFont fontFor(int codePoint, PDFont font) {
        for (PDFont f : fontsFrom(font)) {
            try {
                f.encode(Character.toString(codePoint));
                return f;
            } catch (IllegalArgumentException | IOException e) {
                // not in this font: try the next
            }
        }
        throw new IllegalArgumentException("no font for U+" + Integer.toHexString(codePoint));
    }

    private List<PDFont> fontsFrom(PDFont font) {
        var fonts = new ArrayList<PDFont>();
        fonts.add(font);
        fonts.addAll(fallbacks);
        return fonts;
    }

    private List<String> noteLines(String text) throws IOException {
        var lines = new ArrayList<String>();
        var line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, regular, NOTE_SIZE) > RIGHT - LEFT - 20 && !line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            } else {
                line.setLength(0);
                line.append(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private void newPage() throws IOException {
        var pdPage = new PDPage(PDRectangle.A4);
        document.addPage(pdPage);
        page = new PDPageContentStream(document, pdPage);
        pages++;
        noteHeight = 0;
        pageNotes.clear();
        if (header && pages > 1) {
            // Even pages carry the symbol on the left, odd pages on the right, the page number opposite.
            String number = pages + "/12";
            boolean even = pages % 2 == 0;
            drawText(even ? SYMBOL : number, LEFT, 50, bold, 9);
            drawText(even ? number : SYMBOL, RIGHT - width(even ? number : SYMBOL, bold, 9), 50, bold, 9);
        }
    }

    private void endPage() throws IOException {
        float y = bottom - noteHeight + GAP;
        if (!pageNotes.isEmpty()) {
            page.moveTo(LEFT, HEIGHT - (y - 2));
            page.lineTo(LEFT + 100, HEIGHT - (y - 2));
            page.stroke();
        }
        for (String marker : pageNotes) {
            List<String> lines = noteLines(footnotes.get(marker));
            for (int i = 0; i < lines.size(); i++) {
                y += NOTE_PITCH;
                drawText((i == 0 ? marker + " " : "") + lines.get(i), LEFT + (i == 0 ? 0 : 10), y, regular, NOTE_SIZE);
            }
        }
        String job = pages == 1 ? JOB + " (E) 151123 161123" : JOB;
        drawText(job, LEFT, 805, regular, 8);
        drawText(BARCODE, RIGHT - width(BARCODE, regular, 8), 805, regular, 8);
        String number = pages % 2 == 0 ? String.valueOf(pages) : "- " + pages + " -";
        if (pages > 1) {
            drawText(number, WIDTH / 2 - width(number, regular, 8) / 2, 822, regular, 8);
        }
        page.close();
    }
}
