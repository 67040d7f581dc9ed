package org.tipsearch.ingest;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where a line of a report holds parts an extraction ran together: the next paragraph after a sentence's end, a
 * heading run on after a paragraph with the next paragraph run into it, an annex, a recommendation's label and its
 * text. The numbering is the backbone: only the number that continues the sequence (the next paragraph's, the next
 * recommendation's, an annex's first) opens a part, and a number a word such as "article" cites never does.
 */
final class RunTogether {

    private static final Pattern SENTENCE_END = Pattern.compile(".*[.;:!?]$");
    /** Right after a sentence's end: its stop, a closing quote or bracket, a footnote's superscript marker. */
    private static final String AFTER_SENTENCE = "(?<=[.;:!?][\"”’)]{0,2}[" + Line.superscriptDigits() + "]{0,3})";
    /** "Recommendation 3 " before the recommendation's text (group 1: its number). */
    private static final String RECOMMENDATION_LABEL = "Recommendation\\s+(\\d{1,3})[.:]?\\s+(?=\\p{Lu})";
    /**
     * A paragraph number after a sentence end inside a line: "…trafficking in persons. 2. In its decision 4/4, …",
     * as some PDF extractions run two paragraphs together. Only the next expected number splits the line.
     */
    private static final Pattern RUN_ON = Pattern.compile(AFTER_SENTENCE + "\\s+(\\d{1,3})\\.\\s+(?=[\\p{Lu}\\d“\"(])");

    /**
     * A chapter or section heading run on after a paragraph's end, with the next paragraph run into it:
     * "… both Protocols. II. Misuse of technology A. Recruitment 4. Information …" (group 1: that paragraph's number,
     * or group 2: the recommendation's in "… Recommendation 1 The …"; a section's letter the only full stop between).
     */
    private static final Pattern RUN_ON_HEADING = Pattern.compile(AFTER_SENTENCE + "\\s+(?:[IVXL]{1,5}|[A-Z])\\.\\s+\\p{Lu}(?:[^.;:!?]|(?<=\\s[A-Z])\\.(?=\\s)){0,400}?\\s(?:(\\d{1,3})\\.|Recommendation\\s+(\\d{1,3})[.:]?)\\s+(?=[\\p{Lu}\\d“\"(])");
    /** "… for adoption: Recommendation 1 States parties …": a recommendation run on (group 1: its number). */
    private static final Pattern RUN_ON_RECOMMENDATION = Pattern.compile(AFTER_SENTENCE + "\\s+" + RECOMMENDATION_LABEL);
    /** An annex, its title and its first paragraph run on after a paragraph's end: "… Group. Annex Title 1. The …". */
    private static final Pattern RUN_ON_ANNEX = Pattern.compile("(?<=[.;:!?][\"”’)]{0,2})\\s+Annex(?:\\s+[IVXL]{1,5})?\\.?"
            + "\\s+(?=\\p{Lu}[^.;:!?]{0,400}?\\s1\\.\\s+\\p{Lu})");
    /** An annex's label with its title run into it, the annex's first paragraph after. */
    private static final Pattern ANNEX_RUN_IN = Pattern.compile("(Annex(?:\\s+[IVXL]{1,5})?)\\.?\\s+(?=\\p{Lu}[^.;:!?]{0,400}?\\s1\\.\\s+\\p{Lu})");
    /** A recommendation's label run into a heading: "A. General recommendations Recommendation 1 The …". */
    private static final Pattern RUN_ON_RECOMMENDATION_LABEL = Pattern.compile("\\s+" + RECOMMENDATION_LABEL);
    /** A recommendation's label with its text on the same line: "Recommendation 3 States parties …". */
    private static final Pattern RECOMMENDATION_RUN_IN = Pattern.compile(RECOMMENDATION_LABEL);
    /**
     * A run-in paragraph number, as the next expected number in a heading or at a heading's end: "I. Introduction
     * 1. In its decision …", "II. … in international instruments 5. The Protocol …".
     */
    private static final Pattern RUN_IN = Pattern.compile("\\s+(\\d{1,3})\\.\\s+(?=[\\p{Lu}“\"(])");
    private static final Pattern FIRST_RUN_IN = Pattern.compile("\\s1\\.\\s+(?=[\\p{Lu}“\"(])");
    /** A lettered heading run into the heading above it: "I. Recommendations A. Identification of victims". */
    private static final Pattern RUN_IN_LETTER = Pattern.compile("\\s+([A-Z])\\.\\s+(?=\\p{Lu})");

    /** A number right after one of these words is a reference ("article 5."), not a run-in paragraph. */
    private final Set<String> references;

    RunTogether(Set<String> references) {
        this.references = Set.copyOf(references);
    }

    /** A report's first paragraph run into a heading ("I. Introduction 1. In its decision …") numbers it. */
    static boolean opensNumberedReport(Line line) {
        return line.isHeading() && FIRST_RUN_IN.matcher(line.raw()).find();
    }

    /** Whether the number found at {@code at} in the text follows a word that makes it a reference. */
    private boolean isReference(String text, int at) {
        String before = text.substring(0, at).strip();
        String word = before.substring(before.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
        return references.contains(word);
    }

    /** Where the next paragraph starts inside a line of text, or -1. */
    int nextUnitAt(Line line, int lastParagraphNumber, int lastRecommendationNumber) {
        if (line.type() != Line.Type.TEXT && line.type() != Line.Type.NUMBERED && line.type() != Line.Type.LIST_ITEM) {
            return -1; // a heading or footnote may cite "para. 5. 6. …" but never holds a paragraph
        }
        int last = lastParagraphNumber;
        if (line.type() == Line.Type.NUMBERED && Integer.parseInt(line.label()) > last) {
            last = Integer.parseInt(line.label()); // the line opens a paragraph itself
        }
        int at = -1;
        var m = RUN_ON.matcher(line.raw());
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == last + 1) {
                at = m.start();
                break;
            }
        }
        var h = RUN_ON_HEADING.matcher(line.raw());
        while (h.find() && (at < 0 || h.start() < at)) {
            if (h.group(1) != null ? Integer.parseInt(h.group(1)) == last + 1
                    : Integer.parseInt(h.group(2)) == lastRecommendationNumber + 1) {
                at = h.start(); // the heading over the next paragraph, run on after this one's end
                break;
            }
        }
        var annexAt = RUN_ON_ANNEX.matcher(line.raw());
        if (annexAt.find() && (at < 0 || annexAt.start() < at)) {
            at = annexAt.start();
        }
        var r = RUN_ON_RECOMMENDATION.matcher(line.raw());
        while (r.find() && (at < 0 || r.start() < at)) {
            if (Integer.parseInt(r.group(1)) == lastRecommendationNumber + 1) {
                return r.start();
            }
        }
        return at;
    }

    /**
     * Where the text after a label run into it starts, or -1: "Recommendation 3 States parties …" (the next
     * recommendation's number), "Annex Recommendations proposed … 1. The Co-Chairs …" (an annex's title).
     */
    int labelledTextAt(Line line, int lastRecommendationNumber) {
        if (line.type() != Line.Type.TEXT) {
            return -1;
        }
        var m = RECOMMENDATION_RUN_IN.matcher(line.raw());
        if (m.lookingAt() && Integer.parseInt(m.group(1)) == lastRecommendationNumber + 1) {
            return m.end(1) + 1;
        }
        var annexTitle = ANNEX_RUN_IN.matcher(line.raw());
        return annexTitle.lookingAt() ? annexTitle.end(1) + 1 : -1;
    }

    /**
     * Where a paragraph or a lettered heading run into a heading starts: the next paragraph number, or the letter
     * a section under the heading would open with; or -1.
     */
    int runInAt(Line line, int lastParagraphNumber, int lastRecommendationNumber) {
        int expected = line.type() == Line.Type.ANNEX_HEADING ? 1 : lastParagraphNumber + 1; // annexes start afresh
        if (line.type() == Line.Type.NUMBERED) {
            return numberedHeadingRunIn(line, lastParagraphNumber);
        }
        var m = RUN_IN.matcher(line.raw());
        while (m.find()) {
            if (Integer.parseInt(m.group(1)) == expected && m.start() > 0 && !isReference(line.raw(), m.start())) {
                return m.start();
            }
        }
        var r = RUN_ON_RECOMMENDATION_LABEL.matcher(line.raw());
        while (r.find()) {
            if (Integer.parseInt(r.group(1)) == lastRecommendationNumber + 1 && r.start() > 0) {
                return r.start();
            }
        }
        if (line.type() == Line.Type.ROMAN_HEADING) {
            var letter = RUN_IN_LETTER.matcher(line.raw());
            if (letter.find(line.label().length() + 1) && letter.group(1).equals("A")) {
                return letter.start();
            }
        }
        return -1;
    }

    /**
     * "1. Introduction 1. The Working Group …": a heading numbered like a paragraph, run into the paragraph that
     * repeats its number, or into the next paragraph; where that paragraph starts, or -1.
     */
    private int numberedHeadingRunIn(Line line, int lastParagraphNumber) {
        int own = Integer.parseInt(line.label());
        var m = RUN_IN.matcher(line.raw());
        while (m.find()) {
            int n = Integer.parseInt(m.group(1));
            String heading = line.raw().substring(line.label().length() + 1, m.start()).strip();
            if ((n == own || n == lastParagraphNumber + 1 && own <= lastParagraphNumber) && !heading.isEmpty()
                    && !isReference(line.raw(), m.start())
                    && heading.split("\\s+").length <= ReportParser.MAX_NUMBERED_HEADING_WORDS
                    && !SENTENCE_END.matcher(heading).matches()) {
                return m.start();
            }
        }
        return -1;
    }
}
