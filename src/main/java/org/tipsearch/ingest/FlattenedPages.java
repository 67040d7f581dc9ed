package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A text where each page came out on one line, cut back into the lines a page prints, so that {@link TextLayout}
 * can tell furniture from text as in any other text: the running header at the line's start, the footer (job
 * number, stamps, barcode) at its end, the footnote rule and each footnote under it, a table of contents on its own
 * line, and the body's first heading or paragraph on a line of its own. Lines shorter than a page are left alone.
 */
final class FlattenedPages {

    /** A note under the rule starts after the previous one ends a sentence: "… 2019/2. 2 For examples, …". */
    private static final Pattern NOTE_START = Pattern.compile("(?<=[.!?)\\]][\"”’]?\\s)(\\d{1,3}|\\*{1,3})\\s+(?=\\S)");
    private static final Pattern SENTENCE_END = Pattern.compile("[.;:!?][\"”’)]?[" + Line.superscriptDigits() + "]*$");
    private static final Pattern BROKEN_WORD = Pattern.compile(
            "(?<![\\p{L}-])(\\p{L}+)- (?!(?:and|or|to|nor|as|but|than)\\b)(\\p{Ll}\\p{L}*|\\d+\\b)");
    private static final Pattern FIRST_NOTE = Pattern.compile("^(\\d{1,3})\\s");
    /** Where a body opens right after a cover on the same line: its first chapter, else its first paragraph. */
    private static final Pattern CHAPTER_ONE = Pattern.compile("\\sI\\.\\s+\\p{Lu}(?=.{0,160}?\\s1\\.\\s+\\p{Lu})");
    private static final Pattern PARAGRAPH_ONE = Pattern.compile("\\s1\\.\\s+\\p{Lu}");

    private final int minLength;
    private final Pattern header;
    private final Pattern footer;
    private final Pattern rule;
    private final Pattern contentsHeading;
    private final Pattern contentsEntry;

    FlattenedPages(ReportCues.FlattenedPagesCue cue) {
        minLength = cue.minLength();
        header = Pattern.compile(cue.header());
        footer = Pattern.compile(cue.footer());
        rule = Pattern.compile(cue.footnoteRule());
        contentsHeading = Pattern.compile(cue.contentsHeading(), Pattern.CASE_INSENSITIVE);
        contentsEntry = Pattern.compile(cue.contentsEntry());
    }

    /**
     * The lines with each page's line cut into the lines it printed; a text without such lines as it is. A page
     * that ends in the middle of a sentence continues on the next: the two pages' text is one line, and what the
     * first printed around it (notes, footer, the next page's header) follows that line.
     */
    List<String> unflatten(List<String> raw) {
        // a long line is a page only where some long line shows a page's furniture: a text of long paragraphs
        // (one to a line, as many tools write them) is no text of flattened pages
        if (raw.stream().noneMatch(line -> line.length() >= minLength && printsFurniture(line.strip()))) {
            return raw;
        }
        var out = new ArrayList<String>();
        var text = new StringBuilder();
        var around = new ArrayList<String>();
        int lastNote = 0;
        boolean firstPage = true;
        for (String line : raw) {
            if (!isPage(line)) {
                flush(text, around, out);
                out.add(line);
                continue;
            }
            String page = line.strip();
            Matcher head = header.matcher(page);
            if (!firstPage && head.find()) { // on the first page, a symbol at the start is the masthead's
                around.add(head.group());
                page = page.substring(head.end()).strip();
            }
            String foot = "";
            Matcher end = footer.matcher(page);
            if (end.find()) {
                foot = end.group().strip();
                page = page.substring(0, end.start()).strip();
            }
            Matcher r = rule.matcher(page);
            if (r.find()) {
                around.add(r.group().strip());
                lastNote = addNotes(page.substring(r.end()).strip(), lastNote, around);
                page = page.substring(0, r.start()).strip();
            }
            if (!foot.isEmpty()) {
                around.add(foot);
            }
            firstPage = false;
            text.append(text.isEmpty() ? "" : " ").append(page);
            if (SENTENCE_END.matcher(page).find()) {
                flush(text, around, out);
            }
        }
        flush(text, around, out);
        return out;
    }

    private void flush(StringBuilder text, List<String> around, List<String> out) {
        if (!text.isEmpty()) {
            out.addAll(bodyLines(rejoinBrokenWords(text.toString()), out.stream().anyMatch(TextLayout::opensBody)));
        }
        out.addAll(around);
        text.setLength(0);
        around.clear();
    }

    private boolean printsFurniture(String line) {
        return header.matcher(line).find() || footer.matcher(line).find() || rule.matcher(line).find();
    }

    /** A page's line: long, or (the last page, or a page of a few lines) opening with a header or closing with a footer. */
    private boolean isPage(String line) {
        String s = line.strip();
        return s.length() >= minLength || header.matcher(s).find() || footer.matcher(s).find();
    }

    /**
     * A word broken at a line's end keeps a space after its hyphen when a page's lines are joined ("cross- border",
     * "traf- ficking"): rejoined as {@link Hyphenation} rejoins broken lines. A hyphen before "and", "or", "to", "as"
     * and the like is a suspended compound's ("pre- and post-trial", "public- as well as private-sector") and stays.
     */
    private static String rejoinBrokenWords(String text) {
        var hyphenation = new Hyphenation(List.of(text));
        Matcher m = BROKEN_WORD.matcher(text);
        var out = new StringBuilder();
        while (m.find()) {
            boolean number = Character.isDigit(m.group(2).charAt(0)); // "COVID- 19"
            String keep = number || hyphenation.keepsHyphen(m.group(1), m.group(2)) ? "-" : "";
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + keep + m.group(2)));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The page's text, its table of contents on a line of its own, and the body opening on a line of its own. */
    private List<String> bodyLines(String text, boolean bodySeen) {
        var cuts = new TreeSet<Integer>();
        Matcher heading = contentsHeading.matcher(text);
        if (!bodySeen && heading.find()) {
            int from = heading.start();
            int last = -1;
            Matcher entry = contentsEntry.matcher(text);
            int at = heading.end();
            while (entry.find(at) && (last < 0 || entry.start() - last < 300)) {
                last = entry.end();
                at = entry.end();
            }
            if (last > 0) {
                cuts.add(from);
                cuts.add(last);
            }
        }
        if (!bodySeen) {
            int after = cuts.isEmpty() ? 0 : cuts.last();
            Matcher opening = CHAPTER_ONE.matcher(text);
            if (!opening.find(after)) {
                opening = PARAGRAPH_ONE.matcher(text);
            }
            if (opening.find(after) && opening.start() > 0) {
                cuts.add(opening.start());
            }
        }
        var out = new ArrayList<String>();
        int from = 0;
        for (int cut : cuts) {
            addPart(text.substring(from, cut), out);
            from = cut;
        }
        addPart(text.substring(from), out);
        return out;
    }

    /** Each footnote of the page on a line of its own, in the sequence of the text's notes; returns the last. */
    private static int addNotes(String notes, int lastNote, List<String> out) {
        Matcher first = FIRST_NOTE.matcher(notes);
        if (first.find() && Integer.parseInt(first.group(1)) > lastNote) {
            lastNote = Integer.parseInt(first.group(1));
        }
        int from = 0;
        Matcher m = NOTE_START.matcher(notes);
        while (m.find()) {
            String marker = m.group(1);
            if (Character.isDigit(marker.charAt(0))) {
                int n = Integer.parseInt(marker);
                if (n <= lastNote || n > lastNote + 3) {
                    continue; // "… of 15 November 2000" is no note
                }
                lastNote = n;
            }
            addPart(notes.substring(from, m.start()), out);
            from = m.start();
        }
        addPart(notes.substring(from), out);
        return lastNote;
    }

    private static void addPart(String part, List<String> out) {
        if (!part.isBlank()) {
            out.add(part.strip());
        }
    }
}
