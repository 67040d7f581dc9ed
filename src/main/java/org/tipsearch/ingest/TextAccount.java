package org.tipsearch.ingest;

import java.util.HashSet;
import java.util.Map;
import java.util.Objects;

/**
 * Where the text of a report went, in characters (white space aside): into units (their numbers included),
 * footnotes, the headings above units, and the cover read for the metadata; and what was removed as page
 * furniture, by kind. What is none of these is {@link #unaccounted()}: markup the parser drops (link syntax,
 * footnote markers, the hyphen of a word broken at a line's end), or text lost. A report is flagged when more than
 * a trace is unaccounted for, or when text the parser could not place was kept as unnumbered units.
 *
 * @param total      the characters of the text as its format gave it
 * @param furniture  removed characters by kind ("job number", "contents", "running header", …)
 * @param keptAsText of the units' characters, those of text the parser could not place (prose where the cover
 *                   stands), kept as unnumbered units
 */
public record TextAccount(int total, int units, int footnotes, int headings, int cover, Map<String, Integer> furniture,
        int keptAsText) {

    /**
     * More than this share of a text unaccounted for is more than markup (a justified layout's broken words lose
     * their hyphens, a markdown text its link syntax): the report is flagged.
     */
    public static final double FLAG_SHARE = 0.02;

    public TextAccount {
        furniture = Map.copyOf(Objects.requireNonNull(furniture, "furniture"));
        if (total < 0 || units < 0 || footnotes < 0 || headings < 0 || cover < 0 || keptAsText < 0) {
            throw new IllegalArgumentException("a count of characters below 0");
        }
    }

    public int removedAsFurniture() {
        return furniture.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** The characters in none of the places: markup, or lost. */
    public int unaccounted() {
        return total - units - footnotes - headings - cover - removedAsFurniture();
    }

    /** Whether text was kept as unnumbered units, or more of it than markup could explain is unaccounted for. */
    public boolean flagged() {
        return keptAsText > 0 || Math.abs(unaccounted()) > FLAG_SHARE * total;
    }

    /** Where the text's characters went: units and their numbers, footnotes, headings, cover, furniture. */
    static TextAccount of(String text, ReportParser.ParsedText parsed) {
        int units = 0;
        int footnotes = 0;
        var headings = new HashSet<String>();
        for (Unit p : parsed.units()) {
            units += characters(p.text()) + switch (p.kind()) {
                case PARAGRAPH -> parsed.numbered() && p.number() != null ? p.number().length() + 1 : 0;
                case RECOMMENDATION -> "Recommendation".length() + p.number().length();
                case BULLET -> 1;
            };
            footnotes += p.footnotes().stream().mapToInt(f -> f.marker().length() + characters(f.text())).sum();
            headings.addAll(p.section());
        }
        return new TextAccount(characters(text), units, footnotes,
                headings.stream().mapToInt(TextAccount::characters).sum(),
                parsed.frontMatter().stream().mapToInt(TextAccount::characters).sum(), parsed.furniture(),
                parsed.keptAsText());
    }

    /** The characters of a text but its white space. */
    public static int characters(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
