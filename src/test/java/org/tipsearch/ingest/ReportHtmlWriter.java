package org.tipsearch.ingest;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes report text as a web page, for the tests: headings as h1–h3, runs of numbered paragraphs as
 * {@code <ol start>} lists, lettered lists as {@code <ol type="a">}, bullets as {@code <ul>}, footnote markers as
 * {@code <sup>} links to a footnote section at the end; a style sheet, a script and a navigation bar around the
 * text; typographic characters as entities.
 */
final class ReportHtmlWriter {

    private static final Pattern LETTERED = Pattern.compile("\\(([a-z])\\)\\s+(.*)");

    private final StringBuilder html = new StringBuilder();
    private String openList;

    String write(String reportText) {
        ReportBlocks report = ReportBlocks.of(reportText);
        html.append("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Report</title>
                <style>p { margin: 0 } li::before { content: "1. not text" }</style>
                <script>document.title = "<p>1. Not text either.</p>";</script>
                </head><body>
                <nav><ul><li><a href="/">Home</a></li><li><a href="/documents">Documents</a></li></ul></nav>
                <main>
                """);
        int lastParagraph = 0;
        boolean first = true;
        for (String line : report.paragraphs()) {
            Line classified = Line.classify(line);
            Matcher m;
            if (first) {
                element("h1", line);
            } else if (classified.type() == Line.Type.ANNEX_HEADING) {
                lastParagraph = 0;
                element("h2", line);
            } else if (classified.isHeading()) {
                element(classified.type() == Line.Type.ROMAN_HEADING ? "h2" : "h3", line);
            } else if (classified.type() == Line.Type.NUMBERED && Integer.parseInt(classified.label()) == lastParagraph + 1) {
                lastParagraph++;
                item("ol start=\"" + lastParagraph + "\"", "ol", classified.text(), openList == null || !openList.startsWith("ol start"));
            } else if ((m = LETTERED.matcher(line)).matches()) {
                item("ol type=\"a\"", "ol", m.group(2), m.group(1).equals("a"));
            } else if (line.startsWith("- ")) {
                item("ul", "ul", line.substring(2), openList == null || !openList.equals("ul"));
            } else {
                element("p", line);
            }
            first = false;
        }
        closeList();
        html.append("<section class=\"footnotes\"><hr>\n");
        for (Map.Entry<String, String> note : report.footnotes().entrySet()) {
            html.append("<p id=\"fn").append(Line.fromSuperscript(note.getKey())).append("\"><sup>")
                    .append(Line.fromSuperscript(note.getKey())).append("</sup>&nbsp;").append(escape(note.getValue()))
                    .append("</p>\n");
        }
        return html.append("</section></main></body></html>\n").toString();
    }

    private void element(String tag, String text) {
        closeList();
        html.append('<').append(tag).append('>').append(escape(text)).append("</").append(tag).append(">\n");
    }

    /** A list item; a new list is opened when asked or when another kind of list is open. */
    private void item(String openTag, String closeTag, String text, boolean newList) {
        if (newList || openList == null || !openList.startsWith(closeTag)) {
            closeList();
            html.append('<').append(openTag).append(">\n");
            openList = openTag;
        }
        html.append("  <li>").append(escape(text)).append("</li>\n");
    }

    private void closeList() {
        if (openList != null) {
            html.append("</").append(openList, 0, 2).append(">\n");
            openList = null;
        }
    }

    /** HTML-escaped, typographic characters as entities, footnote markers as links to their notes. */
    private static String escape(String text) {
        var out = new StringBuilder();
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '“' -> out.append("&ldquo;");
                case '”' -> out.append("&#8221;");
                case '’' -> out.append("&rsquo;");
                default -> {
                    int marker = Line.superscriptDigits().indexOf(c);
                    if (marker >= 0) {
                        out.append("<sup><a href=\"#fn").append(marker).append("\">").append(marker).append("</a></sup>");
                    } else if (c > 127) {
                        out.append("&#").append(c).append(';');
                    } else {
                        out.append((char) c);
                    }
                }
            }
        });
        return out.toString().replace("Mr. ", "Mr.&nbsp;");
    }
}
