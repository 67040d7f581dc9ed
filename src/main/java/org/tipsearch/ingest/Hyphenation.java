package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tipsearch.curation.CuratorFiles;

/**
 * Rejoins the words a PDF breaks at the end of a line: "traf-" + "ficking" is "trafficking", but "non-" +
 * "punishment" is "non-punishment". The report's own spelling decides where it writes the word elsewhere; then
 * the curator's prefixes that keep their hyphen ({@code hyphen-prefixes.txt}); then a capital after the break
 * ("Bucag-Lopez") or two words the report uses on their own ("trauma-informed") keep it; anything else is a word
 * the typesetter hyphenated, and is joined.
 */
final class Hyphenation {

    private static final Set<String> KEEP_PREFIXES =
            Set.copyOf(CuratorFiles.lines(Hyphenation.class, "hyphen-prefixes.txt"));
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*");
    /** A line broken inside a word: it ends in a letter and a hyphen ("traf-"), not in a dash or a lone "-". */
    private static final Pattern BROKEN = Pattern.compile("([\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*)-$");
    private static final Pattern LEADING_WORD = Pattern.compile("^[\\p{L}\\p{M}\\p{N}]+(?:-[\\p{L}\\p{M}\\p{N}]+)*");

    /** Every word of the report, lower case, compounds also by their parts; the halves of broken words left out. */
    private final Set<String> words = new HashSet<>();
    /** Every two neighbouring parts of the report's hyphenated compounds: "non-punishment", "co-chairs". */
    private final Set<String> hyphenated = new HashSet<>();

    /** Learns the report's spellings from its lines in reading order. */
    Hyphenation(List<String> lines) {
        boolean firstIsTail = false;
        for (String line : lines) {
            var tokens = new ArrayList<String>();
            WORD.matcher(line).results().forEach(m -> tokens.add(m.group().toLowerCase(Locale.ROOT)));
            if (firstIsTail && !tokens.isEmpty()) {
                tokens.remove(0);
            }
            firstIsTail = isBroken(line);
            if (firstIsTail && !tokens.isEmpty()) {
                tokens.remove(tokens.size() - 1);
            }
            tokens.forEach(this::learn);
        }
    }

    private void learn(String token) {
        words.add(token);
        String[] parts = token.split("-");
        for (int i = 0; i < parts.length; i++) {
            words.add(parts[i]);
            if (i > 0) {
                hyphenated.add(parts[i - 1] + "-" + parts[i]);
            }
        }
    }

    /** Whether the line ends inside a word broken with a hyphen. */
    static boolean isBroken(String line) {
        return BROKEN.matcher(line).find();
    }

    /** The line and the next one as one: a broken word rejoined, with or without its hyphen; else a space between. */
    String join(String line, String next) {
        Matcher head = BROKEN.matcher(line);
        Matcher tail = LEADING_WORD.matcher(next);
        if (!head.find() || !tail.find()) {
            return line + " " + next;
        }
        boolean keep = keepsHyphen(head.group(1), tail.group());
        return line.substring(0, line.length() - 1) + (keep ? "-" : "") + next;
    }

    /** For "traf" and "ficking": false; for "non" and "punishment": true. */
    boolean keepsHyphen(String head, String tail) {
        String h = lastPart(head).toLowerCase(Locale.ROOT);
        String t = tail.split("-")[0].toLowerCase(Locale.ROOT);
        if (hyphenated.contains(h + "-" + t)) {
            return true;
        }
        if (words.contains(h + t)) {
            return false;
        }
        if (KEEP_PREFIXES.contains(h) || Character.isUpperCase(tail.codePointAt(0))) {
            return true;
        }
        return h.length() > 1 && t.length() > 1 && words.contains(h) && words.contains(t);
    }

    private static String lastPart(String word) {
        return word.substring(word.lastIndexOf('-') + 1);
    }
}
