package org.tipsearch.search.lucene;

import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.Passage;

/**
 * Lucene's passages with their matches marked, joined by "…", and with "…" also where the first passage starts
 * after the unit's opening or the last ends before its end: a snippet never passes for the whole paragraph.
 */
final class CutPassages extends DefaultPassageFormatter {

    static final String ELLIPSIS = "…";

    CutPassages(String markStart, String markEnd) {
        super(markStart, markEnd, " " + ELLIPSIS + " ", true);
    }

    @Override
    public String format(Passage[] passages, String content) {
        String formatted = super.format(passages, content);
        if (passages.length == 0) {
            return formatted;
        }
        boolean cutBefore = !content.substring(0, passages[0].getStartOffset()).isBlank();
        boolean cutAfter = !content.substring(Math.min(content.length(), passages[passages.length - 1].getEndOffset()))
                .isBlank();
        return (cutBefore ? ELLIPSIS + " " : "") + formatted + (cutAfter ? " " + ELLIPSIS : "");
    }

    /** A sentence shown for a unit: "…" before it unless it opens the unit, after it unless it ends it. */
    static String around(String sentence, String text) {
        return around(sentence, sentence, text);
    }

    /** As {@link #around(String, String)}, the sentence shown as {@code shown} (escaped and marked, say). */
    static String around(String shown, String sentence, String text) {
        String unit = text.strip();
        return (unit.startsWith(sentence) ? "" : ELLIPSIS + " ") + shown + (unit.endsWith(sentence) ? "" : " " + ELLIPSIS);
    }
}
