package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report's text as the test writers lay it out in another format: each non-blank line a paragraph, markdown
 * residue cleaned as a published document would not carry it, and the footnotes ("¹ Hereinafter: …") set apart,
 * by their superscript marker, to be printed where the format prints footnotes.
 *
 * @param paragraphs the lines in reading order
 * @param footnotes  footnote text by marker ("¹")
 */
record ReportBlocks(List<String> paragraphs, Map<String, String> footnotes) {

    static ReportBlocks of(String text) {
        var paragraphs = new ArrayList<String>();
        var footnotes = new LinkedHashMap<String, String>();
        for (String raw : text.split("\n")) {
            for (String part : MarkdownResidue.splitFusedHeadings(raw).split("\n")) {
                String s = MarkdownResidue.clean(part).replace('\u00A0', ' ').strip();
                if (s.isEmpty()) {
                    continue;
                }
                Line line = Line.classify(s);
                if (line.type() == Line.Type.FOOTNOTE) {
                    footnotes.put(s.substring(0, s.indexOf(' ')), line.text());
                } else {
                    paragraphs.add(s);
                }
            }
        }
        return new ReportBlocks(paragraphs, footnotes);
    }

    /** The superscript markers in a text, in order: "persons¹ and²" → ["¹", "²"]. */
    static List<String> markers(String text) {
        var out = new ArrayList<String>();
        var m = java.util.regex.Pattern.compile("[" + Line.superscriptDigits() + "]+").matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
