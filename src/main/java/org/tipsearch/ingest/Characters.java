package org.tipsearch.ingest;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Characters an extraction tool leaves that a reader does not see as such: ligature glyphs (U+FB00–U+FB06, "ﬁ"
 * for "fi"), spelled out as their letters; zero-width spaces and joiners and stray byte-order marks, dropped; a
 * no-break space, a space; an optional hyphen (U+00AD, or an OCR's "¬") at a line's end joins its word. Whatever
 * tool made the text, its words then read as the reports print them.
 */
final class Characters {

    /** An optional hyphen (a soft hyphen, or an OCR's not sign) between a word's halves across a line break. */
    private static final Pattern OPTIONAL_HYPHEN_AT_LINE_END =
            Pattern.compile("(?<=\\p{L})[\u00AD\u00AC][ \t]*\r?\n[ \t]*(?=\\p{L})");

    private Characters() {}

    static String normalized(String text) {
        var out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c >= 0xFB00 && c <= 0xFB06) {
                out.append(Normalizer.normalize(Character.toString(c), Normalizer.Form.NFKC));
            } else if (c == 0x00A0) {
                out.append(' ');
            } else if (c != 0x200B && c != 0x200C && c != 0x200D && c != 0x2060 && c != 0xFEFF) {
                out.appendCodePoint(c);
            }
        });
        // an optional hyphen at a line's end (a soft hyphen, or the not sign an OCR's export writes for one) breaks a
        // word that is one word: joined, the mark dropped; elsewhere a soft hyphen is invisible
        return OPTIONAL_HYPHEN_AT_LINE_END.matcher(out).replaceAll("").replace("\u00AD", "");
    }
}
