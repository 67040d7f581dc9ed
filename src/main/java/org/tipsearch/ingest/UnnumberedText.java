package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An unnumbered text such as a web article: the first line is its title, every other line a paragraph or
 * a bullet, numbered in order; a line that starts in lower case continues the one before (a page break).
 */
final class UnnumberedText {
    /** A line that ends a paragraph: a sentence's end, a closing quote or bracket after it. */
    private static final Pattern PARAGRAPH_END = Pattern.compile(".*[.;:!?][\"”’)]?$");
    private static final Pattern BULLET = Pattern.compile("[-–•▪]\\s+.*");
    /** How many of the lines are the cover, as the layout found it. */
    private final int coverLines;

    UnnumberedText(int coverLines) {
        this.coverLines = coverLines;
    }

    ReportParser.ParsedText parse(List<Line> lines) {
        var frontMatter = new ArrayList<String>();
        var units = new DraftedUnits();
        UnitDraft current = null;
        String previous = "";
        int number = 0;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.type() == Line.Type.BLANK) {
                continue;
            }
            String s = line.raw();
            boolean bullet = BULLET.matcher(s).matches();
            if (frontMatter.isEmpty() && coverLines == 0 || i < coverLines || DateMentions.isDateLine(s)) {
                frontMatter.add(s);
            } else if (line.type() == Line.Type.FOOTNOTE) {
                units.footnote(new Footnote(line.label(), line.text()), current != null);
            } else if (current != null && !bullet
                    && (Character.isLowerCase(s.codePointAt(0)) || !PARAGRAPH_END.matcher(previous).matches())) {
                current.continueWith(s); // a page break, or a line a hard-wrapped text broke mid-sentence
            } else {
                if (current != null) {
                    units.add(current);
                }
                current = new UnitDraft(bullet ? UnitKind.BULLET : UnitKind.PARAGRAPH, String.valueOf(++number),
                        List.of(), false, bullet ? s.replaceFirst("^[-–•▪]\\s+", "") : s);
            }
            previous = s;
        }
        if (current != null) {
            units.add(current);
        }
        int kept = units.keepCoverProse(frontMatter);
        return new ReportParser.ParsedText(frontMatter, units.build(), false, Map.of(), kept);
    }
}
