package org.tipsearch.ingest;

import java.util.regex.Pattern;

/** Cleans the markdown left in text extracted from the published pages: links, autolinks, emphasis. */
final class MarkdownResidue {
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\n]*)]\\([^)\\s]*\\)");
    private static final Pattern AUTOLINK = Pattern.compile("<((?:https?|mailto):[^>\\s]+)>");
    private static final Pattern STRONG = Pattern.compile("(\\*\\*|__)(\\S(?:.*?\\S)?)\\1");
    private static final Pattern EMPHASIS = Pattern.compile("(?<![\\w*])\\*(\\S(?:[^*]*?\\S)?)\\*(?![\\w*])");
    /** "…child trafficking*Recommendation 5*": a recommendation title glued to the heading before it. */
    private static final Pattern FUSED_RECOMMENDATION =
            Pattern.compile("^(.*\\S)\\s*\\*(Recommendation\\s+\\d+)\\*\\s*$");

    private MarkdownResidue() {}

    /** Splits a heading line that carries a fused "*Recommendation N*" into two lines. */
    static String splitFusedHeadings(String line) {
        var m = FUSED_RECOMMENDATION.matcher(line);
        return m.matches() ? m.group(1) + "\n" + m.group(2) : line;
    }

    static String clean(String line) {
        String s = LINK.matcher(line).replaceAll(m -> quote(m.group(1)));
        s = AUTOLINK.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = STRONG.matcher(s).replaceAll(m -> quote(m.group(2)));
        s = EMPHASIS.matcher(s).replaceAll(m -> quote(m.group(1)));
        return s;
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
