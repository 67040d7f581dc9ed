package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A report's text laid out as extraction tools leave the family's PDFs, each layout one way of it: what the parser
 * must undo to read the same units. Each works on the text's lines (a paragraph, heading or footnote to a line)
 * and never looks at what a line says beyond its form.
 */
enum ReportLayouts {
    /** "I. Introduction 1. At its ninth session …": a heading and the first paragraph under it on one line. */
    RUN_IN_HEADINGS(text -> joinAfter(text, l -> l.isHeading() && l.type() != Line.Type.ANNEX_HEADING,
            (l, heading) -> l.type() == Line.Type.NUMBERED)),
    /** "… the Protocol. 2. In its resolution …": each odd paragraph and the next on one line. */
    RUN_TOGETHER_PARAGRAPHS(text -> joinAfter(text, l -> l.type() == Line.Type.NUMBERED
            && Integer.parseInt(l.label()) % 2 == 1 && l.raw().matches(".*[.;:]$"),
            (l, previous) -> l.type() == Line.Type.NUMBERED
                    && Integer.parseInt(l.label()) == Integer.parseInt(previous.label()) + 1)),
    /** A table of contents of the report's chapters, flattened onto one line, before the first heading. */
    FLATTENED_CONTENTS(ReportLayouts::flattenedContents),
    /** Job number, barcode, running symbol, page number and a form feed in the middle of every long paragraph. */
    FURNITURE_MID_PARAGRAPH(ReportLayouts::furnitureMidParagraph),
    /**
     * Lines wrapped at 80 characters, the first of a paragraph indented, continuation lines flush (also a
     * paragraph's rest after a page break).
     */
    HARD_WRAPS(ReportLayouts::hardWraps),
    /**
     * Each page on one line, as a tool that joins a page's text with spaces leaves it: pages of some four hundred
     * words cut wherever they fall, the running symbol and page number opening each page after the first, the
     * page's footnotes under a rule and its job number closing it.
     */
    FLATTENED_PAGES(ReportLayouts::flattenedPages),
    /**
     * Markdown as a PDF-to-Markdown tool writes it: a chapter's heading marked '##', a section's label and title
     * each bold, the running symbol bold at a page's top and a horizontal rule closing every tenth paragraph's page.
     */
    MARKDOWN(ReportLayouts::markdown),
    /** Form feeds at every tenth line, and no blank lines anywhere. */
    FORM_FEEDS_NO_BLANKS(text -> {
        var out = new ArrayList<String>();
        int n = 0;
        for (String line : lines(text)) {
            if (!line.isBlank()) {
                out.add((++n % 10 == 0 ? "\f" : "") + line);
            }
        }
        return String.join("\n", out) + "\n";
    });

    static final String JOB = "V.23-19876 (E)    030823    040823";
    static final String BARCODE = "*2319876*";
    static final String SYMBOL = "CTOC/COP/WG.4/2099/9";

    private final UnaryOperator<String> render;

    ReportLayouts(UnaryOperator<String> render) {
        this.render = render;
    }

    /**
     * The text laid out; markdown residue of the published pages cleaned first (a heading fused with the label
     * after it apart), as no PDF carries it.
     */
    String render(String text) {
        return render.apply(String.join("\n", lines(text).stream()
                .flatMap(line -> lines(MarkdownResidue.splitFusedHeadings(line)).stream()).map(MarkdownResidue::clean)
                .toList()));
    }

    /** A text already laid out, laid out again in this layout too: the quirks of two tools at once. */
    String over(String laidOut) {
        return render.apply(laidOut);
    }

    private static List<String> lines(String text) {
        return List.of(text.split("\n", -1));
    }

    private static Line classify(String line) {
        return Line.classify(MarkdownResidue.clean(line));
    }

    /** Joins a line of the first form to the next non-blank line when that has the second form. */
    private static String joinAfter(String text, java.util.function.Predicate<Line> first,
            java.util.function.BiPredicate<Line, Line> second) {
        List<String> lines = lines(text);
        var out = new ArrayList<String>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int next = i + 1;
            while (next < lines.size() && lines.get(next).isBlank()) {
                next++;
            }
            if (!line.isBlank() && next < lines.size() && first.test(classify(line))
                    && second.test(classify(lines.get(next)), classify(line))) {
                out.add(line + " " + lines.get(next));
                i = next;
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    private static String flattenedContents(String text) {
        List<String> lines = lines(text);
        var entries = new StringBuilder("Contents Paragraphs Page");
        int page = 2;
        int firstHeading = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line line = classify(lines.get(i));
            if (line.type() == Line.Type.ROMAN_HEADING) {
                entries.append(' ').append(line.raw()).append(" ....... ").append(i + 1).append('-').append(i + 3)
                        .append(' ').append(page++);
                firstHeading = firstHeading < 0 ? i : firstHeading;
            }
        }
        if (firstHeading < 0) {
            return text;
        }
        var out = new ArrayList<>(lines.subList(0, firstHeading));
        out.add(entries.toString());
        out.add("");
        out.addAll(lines.subList(firstHeading, lines.size()));
        return String.join("\n", out);
    }

    private static String furnitureMidParagraph(String text) {
        var out = new ArrayList<String>();
        int page = 2;
        for (String line : lines(text)) {
            Line l = classify(line);
            int cut = line.indexOf(' ', line.length() / 2);
            if (l.type() == Line.Type.NUMBERED && line.length() > 400 && cut > 0) {
                out.add(line.substring(0, cut));
                out.add("");
                out.add(JOB);
                out.add("");
                out.add(BARCODE + "\f" + SYMBOL);
                out.add("");
                out.add((page++) + "/12");
                out.add("");
                out.add(line.substring(cut + 1));
            } else {
                out.add(line);
            }
        }
        return String.join("\n", out);
    }

    private static String flattenedPages(String text) {
        var pages = new ArrayList<String>();
        var page = new StringBuilder();
        var notes = new StringBuilder();
        int words = 0;
        for (String line : lines(text)) {
            Line l = classify(line);
            if (l.type() == Line.Type.FOOTNOTE) {
                notes.append(' ').append(l.label()).append(' ').append(l.text());
                continue;
            }
            for (String word : line.strip().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                page.append(page.isEmpty() ? "" : " ").append(word);
                if (++words % 400 == 0) {
                    pages.add(closePage(page, notes, pages.size() + 1));
                }
            }
        }
        pages.add(closePage(page, notes, pages.size() + 1));
        return String.join("\n", pages) + "\n";
    }

    private static String closePage(StringBuilder page, StringBuilder notes, int number) {
        String line = (number > 1 ? SYMBOL + " " + number + "/9 " : "") + page
                + (notes.isEmpty() ? "" : " __________________" + notes) + " " + JOB;
        page.setLength(0);
        notes.setLength(0);
        return line;
    }

    private static String markdown(String text) {
        var out = new ArrayList<String>();
        int paragraphs = 0;
        for (String line : lines(text)) {
            Line l = classify(line);
            if (l.type() == Line.Type.ROMAN_HEADING) {
                out.add("## " + line.strip());
            } else if (l.type() == Line.Type.LETTER_HEADING) {
                out.add("**" + l.label() + ".** **" + l.text() + "**");
            } else {
                out.add(line);
            }
            if (l.type() == Line.Type.NUMBERED && ++paragraphs % 10 == 0) {
                out.add("");
                out.add("-----");
                out.add("");
                out.add("**" + SYMBOL + "**");
            }
        }
        return String.join("\n", out);
    }

    private static String hardWraps(String text) {
        var out = new ArrayList<String>();
        String previous = "";
        for (String line : lines(text)) {
            Line l = classify(line);
            // a paragraph's rest after a page's furniture goes on flush, as the page's first line
            boolean continued = previous.strip().matches("\\d+/\\d+");
            previous = line.isBlank() ? previous : line;
            if (line.length() <= 80 || l.type() != Line.Type.NUMBERED && l.type() != Line.Type.TEXT) {
                out.add(line);
                continue;
            }
            var current = new StringBuilder(continued ? "" : "     ");
            for (String word : line.split(" ")) {
                if (current.length() + word.length() + 1 > 80 && !current.toString().isBlank()) {
                    out.add(current.toString().stripTrailing());
                    current.setLength(0);
                }
                current.append(current.isEmpty() || current.toString().isBlank() ? "" : " ").append(word);
            }
            out.add(current.toString());
        }
        return String.join("\n", out);
    }
}
