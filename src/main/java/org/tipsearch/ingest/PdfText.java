package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The lines of a PDF's pages (running headers already gone) as the text the parser reads, like the bundled
 * {@code .txt} reports: a block — paragraph, heading, list item, footnote — to a line, blank lines between blocks.
 * A block ends where the next line stands further down than the line spacing, goes back up the page (the other
 * column of a masthead), changes size or weight (a masthead's bold body name over its meeting's place and dates),
 * or where a numbered paragraph or list item follows a sentence end.
 * Words broken at line ends are rejoined ({@link Hyphenation}); a paragraph that runs on over a page break is
 * joined, and the footnotes printed under it follow it.
 */
final class PdfText {

    /** A footnote is set smaller than the text. */
    private static final float FOOTNOTE_SIZE = 0.85f;
    /** More space than this many line spacings above a line opens a new block. */
    private static final float BLOCK_GAP = 1.3f;
    private static final Pattern SENTENCE_END = Pattern.compile("[.:;!?][\"”’)]{0,2}[" + Line.superscriptDigits() + "]*$");
    private static final Pattern FOOTNOTE_START = Pattern.compile("^([" + Line.superscriptDigits() + "]+|\\d{1,3})\\s*(?=\\S)");

    /** One page's blocks: the text, then the footnotes under it. */
    private record Page(List<Block> body, List<String> footnotes) {}

    /** A block's text and its last line, which tells whether it runs on to the next page. */
    private record Block(String text, PdfLine last, float columnRight) {}

    private final float bodySize;
    private final Map<Float, Float> lineSpacing;
    private final Hyphenation hyphenation;

    private PdfText(List<List<PdfLine>> pages) {
        bodySize = bodySize(pages);
        lineSpacing = lineSpacing(pages);
        hyphenation = new Hyphenation(pages.stream().flatMap(List::stream).map(PdfLine::text).toList());
    }

    static String of(List<List<PdfLine>> pages) {
        return new PdfText(pages).text(pages);
    }

    private String text(List<List<PdfLine>> pages) {
        var out = new ArrayList<String>();
        var pendingNotes = new ArrayList<String>();
        Block open = null;
        for (List<PdfLine> lines : pages) {
            Page page = page(lines);
            for (Block block : page.body()) {
                if (open != null && block == page.body().get(0) && runsOn(open, block)) {
                    open = new Block(hyphenation.join(open.text(), block.text()), block.last(), block.columnRight());
                    continue;
                }
                if (open != null) {
                    out.add(open.text());
                    out.addAll(pendingNotes);
                    pendingNotes.clear();
                }
                open = block;
            }
            pendingNotes.addAll(page.footnotes());
        }
        if (open != null) {
            out.add(open.text());
        }
        out.addAll(pendingNotes);
        return String.join("\n\n", out) + "\n";
    }

    private Page page(List<PdfLine> lines) {
        float lowestText = (float) lines.stream().filter(l -> l.fontSize() >= FOOTNOTE_SIZE * bodySize)
                .mapToDouble(PdfLine::baseline).max().orElse(Double.NEGATIVE_INFINITY);
        var body = new ArrayList<PdfLine>();
        var notes = new ArrayList<PdfLine>();
        for (PdfLine line : lines) {
            boolean footnote = line.fontSize() < FOOTNOTE_SIZE * bodySize && line.baseline() > lowestText;
            (footnote ? notes : body).add(line);
        }
        float columnRight = (float) body.stream().mapToDouble(PdfLine::right).max().orElse(0);
        return new Page(blocks(body, columnRight), footnotes(notes));
    }

    private List<Block> blocks(List<PdfLine> lines, float columnRight) {
        var blocks = new ArrayList<Block>();
        String text = null;
        PdfLine previous = null;
        for (PdfLine line : lines) {
            if (previous != null && !startsBlock(line, previous, text)) {
                text = hyphenation.join(text, line.text());
            } else {
                if (text != null) {
                    blocks.add(new Block(text, previous, columnRight));
                }
                text = line.text();
            }
            previous = line;
        }
        if (text != null) {
            blocks.add(new Block(text, previous, columnRight));
        }
        return blocks;
    }

    private boolean startsBlock(PdfLine line, PdfLine previous, String blockSoFar) {
        float drop = line.baseline() - previous.baseline();
        if (drop <= 0 || Math.abs(line.fontSize() - previous.fontSize()) > 1 || line.bold() != previous.bold()
                || drop > BLOCK_GAP * spacing(previous.fontSize())) {
            return true;
        }
        // Without space between paragraphs, a number or list item after a sentence end still opens one.
        return opensUnit(line.text()) && SENTENCE_END.matcher(blockSoFar).find();
    }

    private static boolean opensUnit(String text) {
        Line.Type type = Line.classify(text).type();
        return type != Line.Type.TEXT;
    }

    /** Footnotes, each from the line that starts with its number, as "¹ text". */
    private List<String> footnotes(List<PdfLine> lines) {
        var notes = new ArrayList<String>();
        for (PdfLine line : lines) {
            var m = FOOTNOTE_START.matcher(line.text());
            if (m.find()) {
                notes.add(superscript(m.group(1)) + " " + line.text().substring(m.end()));
            } else if (notes.isEmpty()) {
                notes.add(line.text());
            } else {
                notes.set(notes.size() - 1, hyphenation.join(notes.get(notes.size() - 1), line.text()));
            }
        }
        return notes;
    }

    private static String superscript(String marker) {
        var out = new StringBuilder();
        marker.chars().forEach(c -> out.append(c >= '0' && c <= '9' ? Line.superscriptDigits().charAt(c - '0') : (char) c));
        return out.toString();
    }

    /**
     * Whether the first block of a page continues the last block of the page before: that block is no heading
     * and stops mid-sentence, or its last line runs to the margin; and the new block opens no unit of its own.
     */
    private boolean runsOn(Block previous, Block next) {
        Line before = Line.classify(previous.text());
        if (Line.classify(next.text()).type() != Line.Type.TEXT
                || before.isHeading() || before.type() == Line.Type.RECOMMENDATION) {
            return false;
        }
        if (!SENTENCE_END.matcher(previous.text()).find()) {
            return true;
        }
        return previous.last().right() >= previous.columnRight() - previous.last().fontSize();
    }

    private float spacing(float fontSize) {
        return lineSpacing.getOrDefault(fontSize, 1.2f * fontSize);
    }

    /** The size most of the text is set in. */
    private static float bodySize(List<List<PdfLine>> pages) {
        Map<Float, Integer> chars = new HashMap<>();
        pages.forEach(p -> p.forEach(l -> chars.merge(l.fontSize(), l.text().length(), Integer::sum)));
        return chars.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(10f);
    }

    /** For each size, the distance from one line to the next inside a paragraph: the least seen between lines. */
    private static Map<Float, Float> lineSpacing(List<List<PdfLine>> pages) {
        Map<Float, Float> spacing = new HashMap<>();
        for (List<PdfLine> page : pages) {
            for (int i = 1; i < page.size(); i++) {
                PdfLine a = page.get(i - 1);
                PdfLine b = page.get(i);
                float drop = b.baseline() - a.baseline();
                if (a.fontSize() == b.fontSize() && drop >= 0.9f * a.fontSize() && drop <= 3 * a.fontSize()) {
                    spacing.merge(a.fontSize(), drop, Math::min);
                }
            }
        }
        return spacing;
    }
}
