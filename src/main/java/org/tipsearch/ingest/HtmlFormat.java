package org.tipsearch.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Reports saved as web pages: each block element (p, h1–h6, li, div, td, …) a line, blank lines between, as the
 * {@code .txt} reports are; scripts, styles and navigation dropped; entities decoded by jsoup. A list item
 * takes the label the browser shows — "3." in an ordered list, "(a)" in a lettered one (as UN documents letter
 * their lists), "-" in a bulleted one — and a footnote marker {@code <sup>1</sup>} becomes "¹".
 */
final class HtmlFormat implements ReportFormat {

    private static final Set<String> BLOCKS = Set.of("address", "article", "aside", "blockquote", "body", "caption",
            "dd", "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
            "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "li", "main", "ol", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul");
    private static final String NOT_TEXT = "script, style, nav, noscript, template, svg, iframe";
    private static final String SUPERSCRIPT_DIGITS = Line.superscriptDigits();

    @Override
    public List<String> extensions() {
        return List.of(".html", ".htm");
    }

    @Override
    public String text(byte[] content, String source) throws InvalidReportException {
        for (int i = 0; i < Math.min(content.length, 1024); i++) {
            if (content[i] == 0) {
                throw new InvalidReportException(source + ": binary content, not a web page");
            }
        }
        try {
            // The charset from a byte-order mark or <meta charset>, else UTF-8.
            var document = Jsoup.parse(new ByteArrayInputStream(content), null, "");
            document.select(NOT_TEXT).remove();
            var blocks = new Blocks();
            blocks.container(document.body());
            return String.join("\n\n", blocks.lines) + "\n";
        } catch (IOException | RuntimeException e) {
            throw new InvalidReportException(source + ": the web page cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** Walks the elements, a line for each run of inline content between block boundaries. */
    private static final class Blocks {
        final List<String> lines = new ArrayList<>();
        /** The label of the list item being read, for its first line. */
        private String label;

        void container(Element element) {
            var inline = new StringBuilder();
            for (Node child : element.childNodes()) {
                if (child instanceof Element e && BLOCKS.contains(e.normalName())) {
                    flush(inline);
                    if (e.normalName().equals("li")) {
                        label = label(e);
                        container(e);
                        label = null;
                    } else {
                        container(e);
                    }
                } else {
                    inline(child, inline);
                }
            }
            flush(inline);
        }

        private static void inline(Node node, StringBuilder out) {
            if (node instanceof TextNode text) {
                out.append(text.getWholeText().replaceAll("[\\r\\n\\t]+", " ")); // only <br> breaks a line
            } else if (node instanceof Element e) {
                switch (e.normalName()) {
                    case "br" -> out.append('\n');
                    case "sup" -> {
                        String marker = e.text().replaceAll("[\\[\\]()\\s]", "");
                        if (marker.matches("\\d{1,3}")) {
                            marker.chars().forEach(c -> out.append(SUPERSCRIPT_DIGITS.charAt(c - '0')));
                        } else {
                            e.childNodes().forEach(child -> inline(child, out));
                        }
                    }
                    default -> e.childNodes().forEach(child -> inline(child, out));
                }
            }
        }

        private void flush(StringBuilder inline) {
            String text = inline.toString().lines()
                    .map(l -> l.replaceAll("[\\s\\u00A0]+", " ").strip())
                    .filter(l -> !l.isEmpty())
                    .reduce((a, b) -> a + "\n" + b).orElse("");
            inline.setLength(0);
            if (!text.isEmpty()) {
                lines.add(label == null ? text : label + " " + text);
                label = null;
            }
        }

        /** "3." in an ordered list (start and value attributes counted), "(a)" when lettered, "-" in a bulleted one. */
        private static String label(Element item) {
            Element list = item.parent();
            if (list == null || !list.normalName().equals("ol")) {
                return "-";
            }
            int n = number(list.attr("start"), 1);
            for (Element sibling : list.children()) {
                if (sibling.normalName().equals("li")) {
                    n = number(sibling.attr("value"), n);
                    if (sibling == item) {
                        break;
                    }
                    n++;
                }
            }
            return switch (list.attr("type")) {
                case "a" -> "(" + ListLabels.letters(n).toLowerCase(Locale.ROOT) + ")";
                case "A" -> "(" + ListLabels.letters(n) + ")";
                case "i" -> "(" + ListLabels.roman(n).toLowerCase(Locale.ROOT) + ")";
                case "I" -> ListLabels.roman(n) + ".";
                default -> n + ".";
            };
        }

        private static int number(String attribute, int otherwise) {
            try {
                return attribute.isBlank() ? otherwise : Integer.parseInt(attribute.strip());
            } catch (NumberFormatException e) {
                return otherwise;
            }
        }
    }
}
