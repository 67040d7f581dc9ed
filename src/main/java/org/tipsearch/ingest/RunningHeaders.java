package org.tipsearch.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Removes what a PDF prints around the text of every page: the job number ("V.23-19876"), the barcode
 * ("*2319876*"), the document symbol at the head of the page, page numbers ("2", "- 2 -", "2/12"). Only a short
 * line among the first or last lines of a page can go, and only when it has the form of such furniture
 * ({@code pageFurniture} in report-cues.json) or recurs in the same place on most pages, compared with its digits
 * and page numbers set aside, and does not open a paragraph, heading or recommendation — so "Recommendation 4"
 * opening one page and "Recommendation 7" the next stay. The document symbol heading a page
 * goes even in a two-page report, where it recurs on one page only; but the first page keeps the symbol of its
 * masthead, which the metadata reads.
 */
final class RunningHeaders {

    /** How many lines at the top and at the bottom of a page may be furniture. */
    private static final int EDGE_LINES = 3;
    /** Furniture is short; a line of text is not. */
    private static final int MAX_LENGTH = 80;
    /** A page number printed with the running header: "2/12", "- 2 -", "2". */
    private static final Pattern PAGE_NUMBER =
            Pattern.compile("^(?:\\d{1,3}\\s*/\\s*\\d{1,3}|[-–]\\s*\\d{1,3}\\s*[-–]|\\d{1,3})\\s+|\\s+(?:\\d{1,3}\\s*/\\s*\\d{1,3}|[-–]\\s*\\d{1,3}\\s*[-–]|\\d{1,3})$");

    private final List<Pattern> furniture;
    private final Pattern symbol;

    RunningHeaders(ReportCues cues) {
        furniture = cues.pageFurniture().stream().map(f -> Pattern.compile(f.pattern(), Pattern.CASE_INSENSITIVE)).toList();
        symbol = Pattern.compile(cues.symbol());
    }

    List<List<PdfLine>> remove(List<List<PdfLine>> pages) {
        Map<String, Set<Integer>> pagesByKey = new HashMap<>();
        for (int p = 0; p < pages.size(); p++) {
            for (PdfLine line : edges(pages.get(p))) {
                pagesByKey.computeIfAbsent(key(line), k -> new HashSet<>()).add(p);
            }
        }
        int recurring = Math.max(2, (pages.size() + 1) / 2);
        var out = new ArrayList<List<PdfLine>>(pages.size());
        for (int p = 0; p < pages.size(); p++) {
            Set<PdfLine> edges = edges(pages.get(p));
            var kept = new ArrayList<PdfLine>();
            for (PdfLine line : pages.get(p)) {
                boolean running = edges.contains(line) && (isFurniture(line.text()) || p > 0 && isSymbol(line.text())
                        || pagesByKey.get(key(line)).size() >= recurring && !opensUnit(line.text()));
                if (!running || p == 0 && symbol.matcher(line.text()).matches()) {
                    kept.add(line);
                }
            }
            out.add(kept);
        }
        return out;
    }

    /** The short lines among the first and last of a page, by their place on it. */
    private static Set<PdfLine> edges(List<PdfLine> page) {
        var byPlace = page.stream().sorted(Comparator.comparing(PdfLine::baseline)).toList();
        var edges = new HashSet<PdfLine>();
        for (int i = 0; i < byPlace.size(); i++) {
            if ((i < EDGE_LINES || i >= byPlace.size() - EDGE_LINES) && byPlace.get(i).text().length() <= MAX_LENGTH) {
                edges.add(byPlace.get(i));
            }
        }
        return edges;
    }

    /** "2. …", "Recommendation 4", "B. Statements": text, however often its form recurs at the top of a page. */
    private static boolean opensUnit(String text) {
        return Line.classify(text).type() != Line.Type.TEXT;
    }

    private boolean isFurniture(String text) {
        return furniture.stream().anyMatch(p -> p.matcher(text).find());
    }

    /** The document symbol heading a page, with or without its page number: "CTOC/COP/WG.4/2023/3 2/12". */
    private boolean isSymbol(String text) {
        return symbol.matcher(PAGE_NUMBER.matcher(text).replaceAll("")).matches();
    }

    /** The line as it recurs from page to page: page numbers and digits set aside, and where it stands. */
    private static String key(PdfLine line) {
        String text = PAGE_NUMBER.matcher(line.text()).replaceAll("").toLowerCase(Locale.ROOT).replaceAll("\\d", "#");
        return text + "@" + Math.round(line.baseline() / 4);
    }
}
