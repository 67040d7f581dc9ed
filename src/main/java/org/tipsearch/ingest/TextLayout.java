package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Undoes what extraction from a PDF leaves in the text of a report, from the text's own evidence and the cues of
 * {@code report-cues.json}, before the parser reads it: page breaks (form feeds), page furniture wherever it falls
 * (job numbers, barcodes, page numbers, the running document symbol, the footnote rule), footnotes printed under a
 * rule (set on lines of their own with a superscript marker, as the parser reads footnotes), a table of contents,
 * a cover page squashed into two columns or flattened onto one line, justified and indented lines, and words broken
 * at line ends. What it removes it counts, by kind, for the report's account of its text.
 */
final class TextLayout {

    /**
     * The lines to parse, and the characters (white space aside) removed, by kind of furniture.
     *
     * @param coverLines how many of the lines are the cover, before the body's first heading, paragraph or prose
     */
    /**
     * The text's lines laid out again, how many of them are its cover, what was removed by kind, and the symbol its
     * pages print as their running header where the cover prints none (or null).
     */
    record Cleaned(List<String> lines, int coverLines, Map<String, Integer> removed, String runningSymbol) {
        Cleaned {
            lines = List.copyOf(lines);
            removed = Map.copyOf(removed);
        }
    }

    /** A body starts at its first chapter or paragraph, "I. Introduction" or "1. In its decision …". */
    private static final Pattern BODY_START = Pattern.compile("^(?:I|1)\\.\\s+\\p{Lu}");
    /** Columns of a cover squashed into one line, or the justified spaces of a layout-preserving extraction. */
    private static final Pattern COLUMN_GAP = Pattern.compile("\\S\\s{3,}\\S");
    private static final Pattern PADDING = Pattern.compile("\\S {2,4}(?=\\S)");
    private static final Pattern WIDE_GAP = Pattern.compile("\\S {5,}\\S");
    private static final Pattern SPACES = Pattern.compile("\\s{2,}");
    /**
     * The gap between a table's cells ({@link #isTableRow}). The cells are kept apart by tabs (the text's own tabs
     * are spaces by then), so that the parser tells the table from a paragraph.
     */
    private static final Pattern CELL_GAP = Pattern.compile(" {3,}");
    /** A table's cell that is a figure: "58", "1,540", "12.5%", "(3)". */
    private static final Pattern FIGURE = Pattern.compile("\\(?[-\u2013+]?\\d[\\d,.]*%?\\)?");
    /** A table's row is a line of a row's length, not a page flattened onto one line. */
    private static final int ROW_LENGTH = 300;
    /** A footnote under the rule: "1 See …", "* CTOC/…", "¹ …". */
    private static final Pattern FOOTNOTE = Pattern.compile("^(\\d{1,3}|\\*{1,3}|[" + Line.superscriptDigits() + "]+)\\s+(\\S.*)$");
    /** A page number beside the running symbol: "CTOC/COP/WG.4/2011/2 3/12", "2 CTOC/…". */
    private static final Pattern PAGE_NUMBER = Pattern.compile("^(?:\\d{1,3}\\s*/\\s*\\d{1,3}|\\d{1,3})\\s+|\\s+(?:\\d{1,3}\\s*/\\s*\\d{1,3}|\\d{1,3})$");
    private static final int PROSE_WORDS = 25;
    private static final int PROSE_LINE_WORDS = 8;
    private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?][\"”’)]?$");
    private final List<Map.Entry<String, Pattern>> furniture = new ArrayList<>();
    private final Pattern symbol;
    private final Pattern footerPiece;
    private final Pattern footnoteRule;
    private final CoverLines coverLines;
    private final ContentsTable contents;
    private final FlattenedPages flattenedPages;
    /** Words after which a number is a reference ("para. 12", "No. 38"), never a paragraph's or a marker. */
    private final Set<String> references;

    TextLayout(ReportCues cues) {
        references = Set.copyOf(cues.numberedReferences());
        cues.pageFurniture().forEach(f -> furniture.add(Map.entry(f.kind(), Pattern.compile(f.pattern(), Pattern.CASE_INSENSITIVE))));
        symbol = Pattern.compile(cues.symbol());
        footerPiece = Pattern.compile(String.join("|", cues.footerPieces()));
        footnoteRule = Pattern.compile(cues.footnoteRule());
        contents = new ContentsTable(cues.contents());
        coverLines = new CoverLines(cues);
        flattenedPages = new FlattenedPages(cues.flattenedPages());
    }

    Cleaned clean(String text) {
        var removed = new LinkedHashMap<String, Integer>();
        // an OCR reads a paragraph's "1." as "l." (no English line opens so)
        String normalized = Characters.normalized(text);
        String markdown = MarkdownLayout.plain(EndNotes.plain(GridTables.plain(normalized)));
        // a Markdown writer's marks, a table's rules and the brackets of notes gathered at the end: markup
        if (markdown.length() != normalized.length()) {
            removed.merge("markup", TextAccount.characters(normalized) - TextAccount.characters(markdown), Integer::sum);
        }
        BrowserDump.Read dump = BrowserDump.plain(markdown); // a browser's list of links, and its marks of them
        String plain = dump.text();
        if (dump.linkList() > 0) {
            removed.merge("link list", dump.linkList(), Integer::sum);
            removed.merge("markup", dump.linkMarks(), Integer::sum);
        }
        List<String> raw = LineJoins.labelsAlone(flattenedPages.unflatten(List.of(plain
                .replace("\r\n", "\n").replace('\r', '\n').replace('\f', '\n').replace('\t', ' ')
                .replaceAll("(?m)^l\\.(?=[ \\t]+\\p{Lu})", "1.").split("\n", -1))));
        int bodyStart = bodyStart(raw);
        var page = new PageEvidence(raw, plain.indexOf('\f') >= 0);
        var lines = new ArrayList<String>();
        var cover = new ArrayList<Boolean>();
        boolean underRule = false;
        var unruledNotes = UnruledFootnotes.in(raw, this::printsPageFurniture);
        boolean ruleLast = false;
        boolean inContents = false;
        String masthead = null;
        int lastNote = 0;
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i).strip();
            boolean front = i < bodyStart;
            if (line.isEmpty()) {
                lines.add("");
                cover.add(front);
                // a page's footnotes stand together under their rule, which a blank line may set apart from them
                underRule = underRule && ruleLast;
                continue;
            }
            ruleLast = false;
            String printed = masthead == null ? symbolIn(line) : null;
            if (printed == null && masthead == null && front) {
                masthead = coverSymbol(raw.get(i)); // a cover flattened onto a line prints it among the rest
            }
            if (printed != null) {
                masthead = printed; // the first symbol printed alone is the document's
                if (front || !page.repeats(masthead)) {
                    lines.add(line);
                    cover.add(front);
                    continue;
                }
            }
            int noteText = front ? -1 : NotesBelowNumbers.textBelow(raw, i, lastNote, this::printsPageFurniture);
            if (noteText > 0) {
                // a footnote's number on a line of its own above its text, as pdftotext or MuPDF set a Word file's
                for (int k = i + 1; k < noteText; k++) {
                    String between = raw.get(k).strip();
                    if (!between.isEmpty()) {
                        count(removed, furnitureKind(between, false, masthead, page), between);
                    }
                }
                lastNote = Integer.parseInt(line);
                lines.add(superscript(line) + " " + SPACES.matcher(raw.get(noteText).strip()).replaceAll(" "));
                cover.add(false);
                underRule = true;
                ruleLast = false;
                i = noteText;
                continue;
            }
            String kind = furnitureKind(line, front, masthead, page);
            if (kind != null) {
                count(removed, kind, line);
                underRule = false;
                continue;
            }
            if (footnoteRule.matcher(line).matches()) {
                count(removed, "footnote rule", line);
                underRule = true;
                ruleLast = true;
                continue;
            }
            if (contents.starts(raw, i)) {
                inContents = true;
                count(removed, "contents", line);
                continue;
            }
            if (inContents) {
                if (contents.continues(raw, i)) {
                    count(removed, "contents", line);
                    continue;
                }
                inContents = false;
            }
            Matcher note = FOOTNOTE.matcher(line);
            underRule |= unruledNotes.contains(i);
            if (underRule && note.matches() && !BODY_START.matcher(line).find() && nextNote(note.group(1), lastNote)) {
                lastNote = note.group(1).chars().allMatch(Character::isDigit) ? Integer.parseInt(note.group(1)) : lastNote;
                lines.add(superscript(note.group(1)) + " " + note.group(2));
                cover.add(front);
                continue;
            }
            if (underRule && !lines.isEmpty() && isFootnoteLine(lines.getLast()) && !opensUnit(line)
                    && !SENTENCE_END.matcher(lines.getLast()).find()) {
                lines.set(lines.size() - 1, lines.getLast() + " " + line); // a footnote over two lines
                continue;
            }
            underRule = false;
            if (front) {
                coverLines.split(raw.get(i), lines);
            } else {
                lines.add(isTableRow(line) ? SPACES.matcher(line).replaceAll(m -> m.group().length() > 2 ? "\t" : " ")
                        : SPACES.matcher(line).replaceAll(" "));
            }
            while (cover.size() < lines.size()) {
                cover.add(front);
            }
        }
        LineJoins.danglingNumbers(lines, cover, references);
        LineJoins.brokenWords(lines, cover);
        FootnoteMarkers.raise(lines, cover, references);
        int coverLines = 0;
        while (coverLines < cover.size() && cover.get(coverLines)) {
            coverLines++;
        }
        String symbolPrinted = masthead;
        boolean onCover = symbolPrinted != null
                && lines.subList(0, coverLines).stream().anyMatch(l -> l.contains(symbolPrinted));
        return new Cleaned(lines, coverLines, removed,
                symbolPrinted != null && !onCover && page.repeats(symbolPrinted) ? symbolPrinted : null);
    }

    /**
     * A footnote under the rule carries the next number of the text's footnotes (a page's first may skip, as a
     * page's notes may follow a page without): "15 November 2000, …" under note 1 continues it. Stars always.
     */
    static boolean nextNote(String marker, int last) {
        if (!Character.isDigit(marker.charAt(0)) || Line.superscriptDigits().indexOf(marker.charAt(0)) >= 0) {
            return true;
        }
        int n = Integer.parseInt(marker);
        return n == last + 1 || last == 0 && n <= 3 || n > last && n <= last + 3;
    }

    /**
     * What says the text was laid out in pages: a form feed, a job number or barcode line, a symbol alone on a
     * line more than once. A number alone on a line is a page number only in such a text; elsewhere (a table's
     * cell) it is text. A symbol alone on a line is a running header only where it repeats.
     */
    private final class PageEvidence {
        private final boolean paged;
        private final java.util.Map<String, Integer> symbolLines = new java.util.HashMap<>();

        PageEvidence(List<String> raw, boolean formFeeds) {
            boolean marks = formFeeds;
            for (String r : raw) {
                String line = SPACES.matcher(r.strip()).replaceAll(" ");
                String bare = PAGE_NUMBER.matcher(line).replaceAll("");
                Matcher m = symbol.matcher(bare);
                if (m.matches() && !bare.endsWith(".")) {
                    symbolLines.merge(m.group("symbol"), 1, Integer::sum);
                }
                marks |= furniture.stream().anyMatch(f -> !f.getKey().equals("page number") && f.getValue().matcher(line).find());
            }
            paged = marks || symbolLines.values().stream().anyMatch(n -> n > 1);
        }

        boolean repeats(String symbolPrinted) {
            return symbolLines.getOrDefault(symbolPrinted, 0) > 1;
        }
    }

    /** Whether the line opens a body: its first chapter or paragraph. */
    static boolean opensBody(String line) {
        return BODY_START.matcher(SPACES.matcher(line).replaceAll(" ")).find();
    }

    /** The first line of the body: its first chapter or paragraph, or the first block of an unnumbered text's prose. */
    private static int bodyStart(List<String> raw) {
        for (int i = 0; i < raw.size(); i++) {
            if (opensBody(raw.get(i).strip())) {
                return i;
            }
        }
        // an unnumbered text: its cover is the lines before its first block of prose, a run of lines without a
        // blank between them of some twenty-five words or more that ends a sentence (a cover's lines do not, or
        // stand in columns); the block's prose starts at its first line of some length, as a cover line is short
        int blockStart = -1;
        int words = 0;
        for (int i = 0; i <= raw.size(); i++) {
            String s = i < raw.size() ? raw.get(i).strip() : "";
            if (s.isEmpty() || columns(s)) {
                if (blockStart >= 0 && words >= PROSE_WORDS && SENTENCE_END.matcher(raw.get(i - 1).strip()).find()) {
                    return firstProseLine(raw, blockStart, i);
                }
                blockStart = -1;
                words = 0;
                continue;
            }
            if (blockStart < 0) {
                blockStart = i;
            }
            words += s.split("\\s+").length;
        }
        return firstProseLine(raw, 0, raw.size()); // no block of prose: the first line of some length
    }

    /**
     * Whether a line sets text in columns apart by a run of spaces; not a justified line, which a tool pads with
     * runs of two to four spaces between many of its words ("be  recognized   as").
     */
    private static boolean columns(String line) {
        return COLUMN_GAP.matcher(line).find()
                && !(PADDING.matcher(line).results().count() >= 3 && !WIDE_GAP.matcher(line).find());
    }

    private static int firstProseLine(List<String> raw, int from, int to) {
        for (int i = from; i < to; i++) {
            String s = raw.get(i).strip();
            if (s.split("\\s+").length >= PROSE_LINE_WORDS && !columns(s)) {
                return i;
            }
        }
        return from;

    }

    /** The kind of page furniture the line is, or null. The masthead's own symbol on the cover is not furniture. */
    private String furnitureKind(String line, boolean front, String masthead, PageEvidence page) {
        String squeezed = SPACES.matcher(line).replaceAll(" ");
        for (var entry : furniture) {
            if (entry.getValue().matcher(squeezed).find() && (page.paged || !entry.getKey().equals("page number"))) {
                return entry.getKey();
            }
        }
        String bare = PAGE_NUMBER.matcher(squeezed).replaceAll("");
        // the masthead's symbol repeated at the head of a page; another symbol alone on a line is one a sentence
        // or a list of documents cites
        Matcher m = symbol.matcher(bare);
        if (m.matches() && !bare.endsWith(".") && m.group("symbol").equals(masthead)) {
            return "running header";
        }
        // the same, with a character an OCR misread ("CTOC/COP/WG.4/2011/S" under "CTOC/COP/WG.4/2011/8")
        if (!front && page.paged && masthead != null && misreadOnce(bare.strip(), masthead)) {
            return "running header";
        }
        // a header or footer of several pieces, glued or apart: "2/4   V.16-01157CTOC/COP/WG.6/2016/2"
        if (!front && page.paged && !squeezed.endsWith(".") && footerPiece.matcher(squeezed).results().count() > 1
                && footerPiece.matcher(squeezed).replaceAll("").isBlank()
                && !Line.classify(squeezed).type().equals(Line.Type.NUMBERED)) {
            return "page header or footer";
        }
        return null;
    }

    /** A line of a page's furniture alone: a job number, a page number, a barcode, or a footer of such pieces. */
    private boolean printsPageFurniture(String line) {
        String squeezed = SPACES.matcher(line.strip()).replaceAll(" ");
        return !squeezed.isEmpty() && (furniture.stream().anyMatch(f -> f.getValue().matcher(squeezed).find())
                || footerPiece.matcher(squeezed).results().count() > 1
                && footerPiece.matcher(squeezed).replaceAll("").isBlank());
    }

    /**
     * Whether two strings of one length differ in one character, a digit of the printed one read as something else,
     * as an OCR misreads a symbol; a symbol the text cites differs in a digit for a digit.
     */
    private static boolean misreadOnce(String read, String printed) {
        if (read.length() != printed.length()) {
            return false;
        }
        int differences = 0;
        boolean digitMisread = false;
        for (int i = 0; i < read.length() && differences < 2; i++) {
            if (read.charAt(i) != printed.charAt(i)) {
                differences++;
                // a symbol a text cites differs in its digits; an OCR reads a digit as a letter ('8' as 'S')
                digitMisread = Character.isDigit(printed.charAt(i)) && !Character.isDigit(read.charAt(i));
            }
        }
        return differences == 1 && digitMisread;
    }

    private String symbolIn(String line) {
        for (String part : COLUMN_GAP.matcher(line).find() ? line.strip().split("\\s{3,}") : new String[] {line}) {
            Matcher m = symbol.matcher(part.strip());
            if (m.matches()) {
                return m.group("symbol");
            }
        }
        return null;
    }

    private String coverSymbol(String line) {
        var parts = new ArrayList<String>();
        coverLines.split(line, parts);
        return parts.size() < 2 ? null : parts.stream().map(this::symbolIn).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    /**
     * A table's row as a text layout prints it: three cells or more, apart by runs of spaces, a figure among them.
     * A justified line of prose has its runs of spaces too, but between words.
     */
    private static boolean isTableRow(String line) {
        if (line.length() > ROW_LENGTH || CELL_GAP.matcher(line).results().limit(2).count() < 2) {
            return false;
        }
        return Arrays.stream(CELL_GAP.split(line.strip())).anyMatch(cell -> FIGURE.matcher(cell).matches());
    }

    static boolean isFootnoteLine(String line) {
        return !line.isEmpty() && (Line.superscriptDigits().indexOf(line.charAt(0)) >= 0 || line.charAt(0) == Line.STAR);
    }

    static boolean opensUnit(String line) {
        Line.Type type = Line.classify(line).type();
        return type != Line.Type.TEXT && type != Line.Type.LIST_ITEM;
    }

    /** "12" → "¹²"; "*" → "⁎", told apart from a markdown list's "* ". */
    static String superscript(String marker) {
        if (marker.charAt(0) == '*') {
            return String.valueOf(Line.STAR).repeat(marker.length());
        }
        if (!Character.isDigit(marker.charAt(0))) {
            return marker;
        }
        var out = new StringBuilder();
        marker.chars().forEach(c -> out.append(Line.superscriptDigits().charAt(c - '0')));
        return out.toString();
    }

    private static void count(Map<String, Integer> removed, String kind, String line) {
        removed.merge(kind, line.replaceAll("\\s+", "").length(), Integer::sum);
    }
}
