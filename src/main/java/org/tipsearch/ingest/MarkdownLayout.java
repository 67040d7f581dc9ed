package org.tipsearch.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text that a PDF-to-Markdown tool wrote (pymupdf4llm, docling, marker, Azure Document Intelligence): headings marked
 * by '#', bold runs by '**', italics by '_', punctuation escaped ('1\.'), tables in pipes or HTML, images and figures
 * as marks, and each page closed by a horizontal rule or a page-break comment, its header and footer in comments.
 * Read as the plain text the pages print: headings on lines of their own, a table's cells apart as a two-column
 * cover's are, a page's header and footer on lines of their own (so that the layout removes them as it removes
 * any page's), a page's end a page break, the marks dropped. Only a text that shows itself to be Markdown is
 * touched, so that a plain text's own '#', '|' or dashes stay as they are.
 */
final class MarkdownLayout {

    private static final Pattern ATX_HEADING = Pattern.compile("(?m)^#{1,6}[ \\t]+(\\S.*?)[ \\t]*#*[ \\t]*$");
    /** A bold run, also over a line break ("**Report on the meeting …\nCooperation held in Vienna …**"). */
    private static final Pattern BOLD = Pattern.compile("\\*\\*(\\S(?:[^*]*?\\S)?)\\*\\*");
    /** A blank line, which no bold run crosses. */
    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\n");
    /** "_Global Study_": an italic run; a footnote rule of underscores holds no letter and is left alone. */
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w_])_([^_\\s](?:[^_\\n]*?[^_\\s])?)_(?![\\w_])");
    /** A character Markdown escapes: "1\." for a paragraph's number, "\*2508817\*" for a barcode. */
    private static final Pattern ESCAPED = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|<>])");
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*-{3,}[ \\t]*$");
    /** A simple table's rule under its head, a run of dashes over each column: "---------- ------ ------". */
    private static final Pattern COLUMN_RULE = Pattern.compile("(?m)^[ \\t]*-{3,}(?:[ \\t]+-{3,})+[ \\t]*$");
    /** A page's header, footer or number that a tool set in a comment: its text is the page's furniture. */
    private static final Pattern PAGE_PIECE = Pattern.compile("<!--\\s*Page(?:Header|Footer|Number)=\"([^\"]*)\"\\s*-->");
    private static final Pattern PAGE_BREAK = Pattern.compile("<!--\\s*PageBreak\\s*-->");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern ROW_TAG = Pattern.compile("</?tr\\b[^>]*>|</?caption\\b[^>]*>|<br\\s*/?>");
    private static final Pattern CELL_TAG = Pattern.compile("<t[dh]\\b[^>]*>");
    private static final Pattern OTHER_TAG = Pattern.compile("</?(?:figure|table|thead|tbody|t[dh])\\b[^>]*>");
    /** A table in pipes: its rows, and the rule under its head. */
    private static final Pattern PIPE_ROW = Pattern.compile("(?m)^[ \\t]*\\|(.*\\p{L}.*)\\|[ \\t]*$");
    private static final Pattern PIPE_RULE = Pattern.compile("(?m)^[ \\t]*\\|?(?:[ \\t]*:?-{3,}:?[ \\t]*\\|)+[ \\t]*(?::?-{3,}:?)?[ \\t]*$");
    private static final int MARKS = 3;

    private MarkdownLayout() {}

    static String plain(String text) {
        if (!isMarkdown(text)) {
            return text;
        }
        String s = PAGE_PIECE.matcher(text).replaceAll(m -> "\n" + quote(m.group(1)) + "\n");
        s = PAGE_BREAK.matcher(s).replaceAll("\f");
        s = COMMENT.matcher(s).replaceAll("");
        s = ROW_TAG.matcher(s).replaceAll("\n");
        s = CELL_TAG.matcher(s).replaceAll(GridTables.CELL_GAP);
        s = OTHER_TAG.matcher(s).replaceAll("");
        s = PIPE_RULE.matcher(s).replaceAll("");
        s = PIPE_ROW.matcher(s).replaceAll(m -> quote(GridTables.cells(m.group(1))));
        s = ATX_HEADING.matcher(s).replaceAll(m -> "\n" + quote(m.group(1)) + "\n");
        s = BOLD.matcher(s).replaceAll(m -> quote(BLANK_LINE.matcher(m.group(1)).find() ? m.group() : m.group(1)));
        s = ITALIC.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = ESCAPED.matcher(s).replaceAll(m -> quote(m.group(1)));
        s = COLUMN_RULE.matcher(s).replaceAll("");
        return RULE.matcher(s).replaceAll("\f");
    }

    /** Headings marked with '#', several bold runs, comments or table rows a Markdown writer leaves. */
    private static boolean isMarkdown(String text) {
        return ATX_HEADING.matcher(text).results().count() >= 2 || BOLD.matcher(text).results().count() >= MARKS
                || COMMENT.matcher(text).results().count() >= 2 || PIPE_ROW.matcher(text).results().count() >= 2;
    }

    private static String quote(String s) {
        return Matcher.quoteReplacement(s);
    }
}
