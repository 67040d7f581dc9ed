package org.tipsearch.ingest;

import java.util.regex.Pattern;

/**
 * Text that a PDF-to-Markdown tool wrote (pymupdf4llm, marker, docling): headings marked by '#', bold runs by '**'
 * (a label and its title each in their own), italics by '_', and each page closed by a horizontal rule. Read as the
 * plain text the page prints: headings on lines of their own, the marks dropped, a page's rule a page break. Only
 * a text that shows itself to be Markdown (headings marked with '#', or several bold runs) is touched, so that a
 * plain text's own '#' or dashes stay as they are.
 */
final class MarkdownLayout {

    private static final Pattern ATX_HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(\\S.*?)[ \\t]*#*[ \\t]*$");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(\\S(?:[^*\\n]*?\\S)?)\\*\\*");
    /** "_Global Study_": an italic run; a footnote rule of underscores holds no letter and is left alone. */
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_([^_\\s](?:[^_\\n]*?[^_\\s])?)_(?![\\w_])");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*-{3,}[ \\t]*$");
    private static final int MARKS = 3;

    private MarkdownLayout() {}

    static String plain(String text) {
        long headings = ATX_HEADING.matcher(text).results().count();
        long bold = BOLD.matcher(text).results().count();
        if (headings < 2 && bold < MARKS) {
            return text;
        }
        String s = ATX_HEADING.matcher(text).replaceAll(m -> "\n" + quote(m.group(1)) + "\n");
        s = BOLD.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = ITALIC.matcher(s).replaceAll(m -> quote(m.group(1)));
        return RULE.matcher(s).replaceAll("\f");
    }

    private static String quote(String s) {
        return java.util.regex.Matcher.quoteReplacement(s);
    }
}
