package org.tipsearch.ingest;

import java.util.List;
import java.util.regex.Pattern;

/** A unit being assembled from its lines, before the report's units are numbered and given their footnotes. */
final class UnitDraft {
    final UnitKind kind;
    final String number;
    final List<String> section;
    final boolean annex;
    final StringBuilder text = new StringBuilder();

    UnitDraft(UnitKind kind, String number, List<String> section, boolean annex, String firstLine) {
        this.kind = kind;
        this.number = number;
        this.section = List.copyOf(section);
        this.annex = annex;
        this.text.append(cells(firstLine));
    }

    /** Continues the running text (a page break inside a sentence, or a sentence after it). */
    private static final Pattern SYMBOL_BROKEN = Pattern.compile("\\b[A-Z]{2,}(?:/[A-Za-z0-9.]+)+/$");

    void continueWith(String line) {
        // a document symbol broken after one of its slashes ("CTOC/COP/2020/INF/2/" over "Rev.1") is one word
        boolean symbolBroken = SYMBOL_BROKEN.matcher(text).find() && !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
        if (!text.isEmpty() && !symbolBroken) {
            text.append(' ');
        }
        text.append(cells(line));
    }

    /** Adds a list item on a line of its own. */
    void addItem(String line) {
        if (!text.isEmpty()) {
            text.append('\n');
        }
        text.append(cells(line));
    }

    /** A table's row, its cells apart by tabs as the layout marks them (see {@code TextLayout}), as words apart. */
    private static String cells(String line) {
        return line.replace('\t', ' ');
    }

    /** Whether the text so far ends a sentence, as a paragraph before a heading does. */
    /** Whether the text so far ends a sentence, a footnote's marker after its stop or not ("below.¹"). */
    boolean endsSentence() {
        int end = text.length();
        while (end > 0 && Line.superscriptDigits().indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end > 0 && ".!?".indexOf(text.charAt(end - 1)) >= 0;
    }

    boolean endsWithColon() {
        return !text.isEmpty() && text.charAt(text.length() - 1) == ':';
    }
}
