package org.tipsearch.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One cleaned line of report text and what it looks like on its own. Whether a numbered line starts a
 * paragraph or continues a list is decided by {@link ReportParser}, which knows the context.
 *
 * @param type   what the line looks like
 * @param label  the heading label ("III", "B", "Annex"), the number ("18"), the footnote marker ("1"); or null
 * @param text   the line without its label
 * @param raw    the whole cleaned line
 */
record Line(Type type, String label, String text, String raw) {

    enum Type { BLANK, ROMAN_HEADING, LETTER_HEADING, ANNEX_HEADING, RECOMMENDATION, NUMBERED, FOOTNOTE, LIST_ITEM, TEXT }

    private static final Pattern ROMAN = Pattern.compile("([IVXL]+)\\.\\s+(\\S.*)");
    private static final Pattern LETTER = Pattern.compile("([A-Z])\\.\\s+(\\S.*)");
    private static final Pattern ANNEX = Pattern.compile("(Annex(?:\\s+[IVX]+)?)\\.?");
    private static final Pattern RECOMMENDATION = Pattern.compile("Recommendation\\s+(\\d{1,3})[.:]?");
    private static final Pattern NUMBERED = Pattern.compile("(\\d{1,3})\\.\\s+(\\S.*)");
    /** A footnote: its superscript marker, or the star {@link TextLayout} sets for "*" under a footnote rule. */
    private static final Pattern FOOTNOTE = Pattern.compile("([¹²³⁴⁵⁶⁷⁸⁹⁰]+|⁎{1,3})\\s+(\\S.*)");
    /** "(a) …", "- (a) …", "- …", "• …", "1) …", "a) …" */
    private static final Pattern LIST_ITEM = Pattern.compile("(?:[-–•▪]\\s+.*|\\(?[a-z0-9]{1,4}\\)\\s+.*)");
    private static final String SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    static Line classify(String cleaned) {
        String s = cleaned.strip();
        if (s.isEmpty()) {
            return new Line(Type.BLANK, null, "", s);
        }
        Matcher m;
        if ((m = ANNEX.matcher(s)).matches()) {
            return new Line(Type.ANNEX_HEADING, m.group(1), "", s);
        }
        if ((m = RECOMMENDATION.matcher(s)).matches()) {
            return new Line(Type.RECOMMENDATION, m.group(1), "", s);
        }
        if ((m = NUMBERED.matcher(s)).matches()) {
            return new Line(Type.NUMBERED, m.group(1), m.group(2), s);
        }
        if ((m = FOOTNOTE.matcher(s)).matches()) {
            return new Line(Type.FOOTNOTE, fromSuperscript(m.group(1)), m.group(2), s);
        }
        // A single I, V, X or L could be a roman numeral or a letter; the parser decides from context.
        if ((m = ROMAN.matcher(s)).matches()) {
            return new Line(Type.ROMAN_HEADING, m.group(1), m.group(2), s);
        }
        if ((m = LETTER.matcher(s)).matches()) {
            return new Line(Type.LETTER_HEADING, m.group(1), m.group(2), s);
        }
        if (LIST_ITEM.matcher(s).matches()) {
            return new Line(Type.LIST_ITEM, null, s, s);
        }
        return new Line(Type.TEXT, null, s, s);
    }

    /** The line read as a letter heading, for a one-letter roman label that context shows to be a letter. */
    Line asLetterHeading() {
        return new Line(Type.LETTER_HEADING, label, text, raw);
    }

    boolean isHeading() {
        return type == Type.ROMAN_HEADING || type == Type.LETTER_HEADING || type == Type.ANNEX_HEADING;
    }

    /** "1" for "¹", "*" for "⁎". */
    static String fromSuperscript(String marker) {
        if (marker.charAt(0) == STAR) {
            return "*".repeat(marker.length());
        }
        var out = new StringBuilder();
        marker.chars().forEach(c -> out.append((char) ('0' + SUPERSCRIPT_DIGITS.indexOf(c))));
        return out.toString();
    }

    /** The marker of a footnote printed with a star, as the parser reads it apart from a list's "* item". */
    static final char STAR = '⁎';

    static String superscriptDigits() {
        return SUPERSCRIPT_DIGITS;
    }
}
