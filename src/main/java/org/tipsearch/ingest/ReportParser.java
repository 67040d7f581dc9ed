package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Splits the text of a report into its units: numbered paragraphs, recommendations and, for an unnumbered
 * article, paragraphs and bullets. Lines before the first heading or paragraph are front matter, kept for
 * the metadata. Knows nothing of Lucene.
 */
public final class ReportParser {

    /**
     * The result of parsing: the front matter (title block), the units in reading order, and whether the text
     * numbers its paragraphs (a report) or not (an article).
     */
    public record ParsedText(List<String> frontMatter, List<Unit> units, boolean numbered,
            Map<String, Integer> furniture, int keptAsText) {
        public ParsedText {
            frontMatter = List.copyOf(frontMatter);
            units = List.copyOf(units);
            furniture = Map.copyOf(furniture);
        }
    }

    private static final Pattern SENTENCE_END = Pattern.compile(".*[.;:!?]$");
    private static final Pattern BARE_ANNEX = Pattern.compile("Annex(\\s+[IVX]+)?");
    /** A heading's line that stops where no heading ends: on a function word, a comma or a dash. */
    private static final Pattern HEADING_BROKEN_OFF = Pattern.compile(
            "(?:\\b(?:of|the|and|or|in|on|for|to|a|an|by|with|at|from|its|their|into|against|under|between|as)|[,\\-–—])$",
            Pattern.CASE_INSENSITIVE);
    /** A heading numbered like a paragraph ("1. Introduction") has a few words and no full stop. */
    static final int MAX_NUMBERED_HEADING_WORDS = 12;
    private static final Pattern WORDS = Pattern.compile("\\p{Ll}{2,}");
    private static final Pattern SYMBOL_LIKE = Pattern.compile("\\S/\\S");
    /** A sentence's end, a closing quote or bracket and a footnote's marker after it or not ("in full.¹", "it.”"). */
    private static final Pattern ENDS_SENTENCE_MARKED =
            Pattern.compile("[.;:!?][\"”’)]?[" + Line.superscriptDigits() + "\\d]*$");
    /** How many lines ahead a table's first rows are looked for: its title, its head, its rules and two rows. */
    private static final int TABLE_LOOKAHEAD = 5;
    /** How many lines after a paragraph a table of one cell to a line shows its figures in. */
    private static final int CELL_LINES_LOOKAHEAD = 10;
    private static final int CELL_FIGURES = 3;
    private static final Pattern FIGURE_ALONE = Pattern.compile("[-–]?\\d[\\d,. ]*%?");

    private final TextLayout layout;
    private final RunTogether runTogether;
    /** A table's, figure's or box's caption: what follows a paragraph from it on is no part of the paragraph. */
    private final Pattern caption;
    private final Pattern preambleOpening;

    public ReportParser() {
        this(ReportCues.load());
    }

    ReportParser(ReportCues cues) {
        this.layout = new TextLayout(cues);
        this.runTogether = new RunTogether(java.util.Set.copyOf(cues.numberedReferences()));
        this.caption = Pattern.compile(cues.caption());
        this.preambleOpening = Pattern.compile(cues.preambleOpening());
    }

    public ParsedText parse(String text) {
        TextLayout.Cleaned cleaned = layout.clean(text);
        List<Line> lines = lines(cleaned.lines());
        boolean numbered = lines.stream().anyMatch(l -> l.type() == Line.Type.NUMBERED
                || l.type() == Line.Type.RECOMMENDATION || RunTogether.opensNumberedReport(l));
        ParsedText parsed = numbered ? new NumberedReport().parse(lines) : new UnnumberedText(cleaned.coverLines(), preambleOpening).parse(lines);
        var front = new ArrayList<String>(parsed.frontMatter());
        if (cleaned.runningSymbol() != null) {
            front.addFirst(cleaned.runningSymbol()); // printed at the head of its pages, if not on a cover
        }
        return new ParsedText(front, parsed.units(), parsed.numbered(), cleaned.removed(), parsed.keptAsText());
    }

    private static List<Line> lines(List<String> cleaned) {
        var out = new ArrayList<Line>();
        for (String raw : cleaned) {
            for (String part : MarkdownResidue.splitFusedHeadings(raw).split("\n")) {
                out.add(Line.classify(MarkdownResidue.clean(part.replace('\u00A0', ' '))));
            }
        }
        return out;
    }

    /** A report with numbered paragraphs, headings and recommendation blocks. */
    private final class NumberedReport {
        private final DraftedUnits units = new DraftedUnits();
        private final List<String> frontMatter = new ArrayList<>();
        private boolean bodyStarted;
        private boolean annex;
        private String chapter;
        private String subsection;
        /** A numbered heading under a lettered one: "B. Assistance … › 1. Shelters"; null elsewhere. */
        private String minorHeading;
        /** True between a heading and the first unit under it: a plain line there continues the heading. */
        private boolean headingOpen;
        private UnitDraft current;
        private int lastParagraphNumber;
        private int lastRecommendationNumber;
        /** The number the next item of a numbered list inside the current unit would carry (0: no list). */
        private int nextListNumber;
        private boolean blankSinceLastLine;

        /** The next line that is not blank, for a numbered heading told by the paragraph of its number below it. */
        private Line next;
        /** The next lines that are not blank, this one's next first, for a table told by its rows below it. */
        private List<Line> ahead = List.of();

        ParsedText parse(List<Line> lines) {
            for (int i = 0; i < lines.size(); i++) {
                Line line = lines.get(i);
                if (line.type() == Line.Type.BLANK) {
                    blankSinceLastLine = true;
                    continue;
                }
                var following = new ArrayList<Line>(TABLE_LOOKAHEAD);
                for (int j = i + 1; j < lines.size() && following.size() < CELL_LINES_LOOKAHEAD; j++) {
                    if (lines.get(j).type() != Line.Type.BLANK) {
                        following.add(lines.get(j));
                    }
                }
                ahead = following;
                next = following.isEmpty() ? null : following.getFirst();
                accept(line);
                blankSinceLastLine = false;
            }
            finish();
            int kept = units.keepCoverProse(frontMatter, preambleOpening);
            return new ParsedText(frontMatter, units.build(), true, Map.of(), kept);
        }

        private void accept(Line line) {
            int runOn = bodyStarted || line.type() == Line.Type.NUMBERED ? runTogether.nextUnitAt(line, lastParagraphNumber, lastRecommendationNumber) : -1;
            if (runOn < 0 && (line.isHeading() || line.type() == Line.Type.NUMBERED
                    || headingOpen && current == null && line.type() == Line.Type.TEXT)) {
                runOn = runTogether.runInAt(line, lastParagraphNumber, lastRecommendationNumber);
            }
            if (runOn < 0) {
                runOn = runTogether.labelledTextAt(line, lastRecommendationNumber);
            }
            if (runOn > 0) {
                Line rest = Line.classify(line.raw().substring(runOn).strip());
                Line after = next;
                next = rest; // what follows the first part is the rest of its line
                accept(Line.classify(line.raw().substring(0, runOn)));
                next = after;
                accept(rest);
                return;
            }
            switch (line.type()) {
                case ANNEX_HEADING, ROMAN_HEADING, LETTER_HEADING -> heading(line);
                case RECOMMENDATION -> {
                    lastRecommendationNumber = Integer.parseInt(line.label());
                    start(new UnitDraft(UnitKind.RECOMMENDATION, line.label(), section(), annex, ""));
                }
                case NUMBERED -> numbered(line);
                case FOOTNOTE -> {
                    if (bodyStarted) {
                        units.footnote(new Footnote(line.label(), line.text()), current != null);
                    } else {
                        frontMatter.add(line.raw()); // the cover's footnote, such as the agenda's symbol
                    }
                }
                case LIST_ITEM -> {
                    if (current != null) {
                        current.addItem(line.text());
                    } else {
                        plainText(line);
                    }
                }
                case TEXT -> plainText(line);
                case BLANK -> throw new IllegalStateException("blank lines are skipped");
            }
        }

        private void heading(Line line) {
            if (line.type() == Line.Type.ROMAN_HEADING && looksLikeNextLetter(line.label())) {
                line = line.asLetterHeading();
            }
            finish();
            bodyStarted = true;
            minorHeading = null;
            switch (line.type()) {
                case ANNEX_HEADING -> {
                    annex = true;
                    chapter = line.label();
                    subsection = null;
                    lastParagraphNumber = 0; // annexes number their paragraphs and recommendations afresh
                    lastRecommendationNumber = 0;
                }
                case ROMAN_HEADING -> {
                    chapter = line.raw();
                    subsection = null;
                }
                default -> subsection = line.raw();
            }
            headingOpen = true;
        }

        /** "C." after "B." is a letter, although C could be read as a roman numeral. */
        private boolean looksLikeNextLetter(String label) {
            if (label.length() != 1) {
                return false;
            }
            char expected = subsection == null ? 'A' : (char) (subsection.charAt(0) + 1);
            return label.charAt(0) == expected && !(label.equals("I") && subsection == null);
        }

        private void numbered(Line line) {
            int n = Integer.parseInt(line.label());
            if (isNumberedHeading(line, n)) {
                finish();
                bodyStarted = true;
                if (subsection != null && Line.classify(subsection).type() == Line.Type.LETTER_HEADING) {
                    minorHeading = line.raw();
                } else {
                    subsection = line.raw();
                }
                headingOpen = true;
                return;
            }
            // a list's next item, also after a blank line when it is no sentence ("3. Thematic discussion")
            boolean listContinues = nextListNumber == n && (!blankSinceLastLine || !SENTENCE_END.matcher(line.text()).matches());
            boolean listStarts = n == 1 && current != null && current.endsWithColon() && lastParagraphNumber >= 1;
            if (current != null && (listContinues || listStarts)) {
                current.addItem(line.raw());
                nextListNumber = n + 1;
            } else if (current == null && !bodyStarted || n > lastParagraphNumber) {
                bodyStarted = true;
                lastParagraphNumber = n;
                start(new UnitDraft(UnitKind.PARAGRAPH, line.label(), section(), annex, line.text()));
            } else if (current != null) {
                current.addItem(line.raw()); // a number out of sequence: an item of a list in this paragraph
                nextListNumber = n + 1;      // whose next item may follow it ("2. … chains." then "3. …")
            } else {
                plainText(line);
            }
        }

        /**
         * "1. Introduction" above paragraph 1, or "2. Overview" after paragraph 5: a few words with no full stop, whose
         * number the paragraph below repeats or the paragraphs' sequence does not continue, is a heading.
         */
        private boolean isNumberedHeading(Line line, int n) {
            String text = line.text();
            if (text.split("\\s+").length > MAX_NUMBERED_HEADING_WORDS || SENTENCE_END.matcher(text).matches()
                    || !Character.isUpperCase(text.codePointAt(0)) || nextListNumber == n) {
                return false;
            }
            boolean repeatedBelow = next != null && next.type() == Line.Type.NUMBERED && next.label().equals(line.label());
            // out of sequence, a heading stands apart: after a blank line, and after a paragraph that ended
            boolean outOfSequence = bodyStarted && n <= lastParagraphNumber && blankSinceLastLine
                    && (current == null || current.endsSentence());
            return repeatedBelow || outOfSequence;
        }

        private void plainText(Line line) {
            if (!bodyStarted) {
                frontMatter.add(line.raw());
            } else if (headingOpen && current == null && !SENTENCE_END.matcher(line.raw()).matches()
                    && continuesHeading(line.raw())) {
                continueHeading(line.raw());
            } else if (standsAsHeading(line)) {
                // a heading whose label an extraction lost: under the open one when it follows it straight away
                boolean under = headingOpen && current == null && subsection != null;
                finish();
                if (under) {
                    minorHeading = line.raw();
                } else {
                    subsection = line.raw();
                    minorHeading = null;
                }
                headingOpen = true;
            } else if (current != null && !opensTable(line)) {
                current.continueWith(line.raw());
            } else { // text before any paragraph, or a table's caption and rows after one
                start(new UnitDraft(UnitKind.PARAGRAPH, null, section(), annex, line.raw()));
            }
        }

        /**
         * Whether a line without a label is a heading: a few words with no sentence's end, standing apart after a
         * paragraph that ended (or after such a heading), with the next paragraph of the sequence below it, at most
         * after one more such line ("Challenges" / "Identification of victims" / "10. The identification …").
         */
        private boolean standsAsHeading(Line line) {
            boolean apart = current == null ? headingOpen : blankSinceLastLine && current.endsSentence();
            if (!apart || !bodyStarted || !isHeadingLike(line) || next == null || caption.matcher(line.raw()).matches()) {
                return false;
            }
            Line below = isHeadingLike(next) && ahead.size() > 1 ? ahead.get(1) : next;
            return below.type() == Line.Type.NUMBERED && Integer.parseInt(below.label()) == lastParagraphNumber + 1;
        }

        private static boolean isHeadingLike(Line line) {
            String text = line.raw();
            // words, not a cited symbol or figures alone ("CTOC/COP/WG.4/2015/1", "45")
            return line.type() == Line.Type.TEXT && Character.isUpperCase(text.codePointAt(0))
                    && WORDS.matcher(text).find() && !SYMBOL_LIKE.matcher(text).find()
                    && !ENDS_SENTENCE_MARKED.matcher(text).find() && !text.endsWith(",")
                    && text.split("\\s+").length <= MAX_NUMBERED_HEADING_WORDS;
        }

        /**
         * Whether the line, apart from the paragraph before it, opens a table, a figure or a box: after a paragraph
         * that ended, its caption (not a sentence's start going on in lower case below it), or two of a table's rows
         * (its figures in cells apart by runs of spaces) with at most a title, a head and rules above and between. The rows are
         * then a unit of their own rather than the paragraph's rest, which a page break may set apart too.
         */
        private boolean opensTable(Line line) {
            if (!current.endsSentence()) {
                return false;
            }
            if (cellsOnLines(line)) {
                return true; // no blank line needed: such a converter writes none between paragraphs
            }
            if (!blankSinceLastLine) {
                return false;
            }
            if (caption.matcher(line.raw()).matches()) {
                return next == null || !Character.isLowerCase(next.raw().codePointAt(0));
            }
            var block = new ArrayList<Line>();
            block.add(line);
            block.addAll(ahead.subList(0, Math.min(ahead.size(), TABLE_LOOKAHEAD)));
            int rows = 0;
            for (Line l : block) {
                rows += isTableRow(l) ? 1 : 0;
                if (rows == 2) {
                    return true;
                }
                if (!isTableRow(l) && SENTENCE_END.matcher(l.raw()).matches()) {
                    return false; // prose, not a table's title, head or rule
                }
            }
            return false;
        }

        /**
         * Whether the line opens a table a converter wrote one cell to a line (LibreOffice's text export): among it and
         * the short lines after it that end no sentence, up to the next paragraph or heading, three at least are
         * figures alone ("86", "12.5%").
         */
        private boolean cellsOnLines(Line line) {
            var block = new ArrayList<Line>();
            block.add(line);
            block.addAll(ahead);
            int figures = 0;
            for (Line l : block) {
                String text = l.raw().strip();
                if (l.type() != Line.Type.TEXT) {
                    break; // the next paragraph or heading: the table ended
                }
                if (SENTENCE_END.matcher(text).matches() || text.split("\\s+").length > MAX_NUMBERED_HEADING_WORDS) {
                    return false;
                }
                figures += FIGURE_ALONE.matcher(text).matches() ? 1 : 0;
            }
            return figures >= CELL_FIGURES;
        }

        /** A table's row as the layout marks it: three cells or more, apart by tabs. */
        private static boolean isTableRow(Line line) {
            return line.raw().chars().filter(c -> c == '\t').limit(2).count() == 2;
        }

        /**
         * Whether a line without a sentence's end goes on the open heading: an annex's title after its bare label, or
         * the rest of a heading broken mid-phrase (the line opens in lower case, or the heading so far ends in a word
         * that cannot end one: "of", "the", "and"). Any other line opens text under the heading, such as a table's
         * rows under an annex's title, which would otherwise all be read as heading and counted nowhere.
         */
        private boolean continuesHeading(String line) {
            String open = minorHeading != null ? minorHeading : subsection != null ? subsection : chapter;
            if (open == null || minorHeading == null && subsection == null && BARE_ANNEX.matcher(chapter).matches()) {
                return true;
            }
            return Character.isLowerCase(line.codePointAt(0)) || HEADING_BROKEN_OFF.matcher(open).find();
        }

        /** A heading printed over two lines, or an annex followed by its title. */
        private void continueHeading(String rest) {
            if (minorHeading != null) {
                minorHeading = minorHeading + " " + rest;
            } else if (subsection != null) {
                subsection = subsection + " " + rest;
            } else {
                chapter = chapter + (BARE_ANNEX.matcher(chapter).matches() ? ": " : " ") + rest;
            }
        }

        private void start(UnitDraft draft) {
            finish();
            current = draft;
            headingOpen = false;
            nextListNumber = 0;
        }

        private void finish() {
            if (current != null) {
                units.add(current);
                current = null;
            }
        }

        private List<String> section() {
            var path = new ArrayList<String>(3);
            if (chapter != null) {
                path.add(chapter);
            }
            if (subsection != null) {
                path.add(subsection);
            }
            if (minorHeading != null) {
                path.add(minorHeading);
            }
            return path;
        }
    }

}
