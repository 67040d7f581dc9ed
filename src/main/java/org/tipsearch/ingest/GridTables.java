package org.tipsearch.ingest;

import java.util.regex.Pattern;

/**
 * Tables drawn with ASCII rules, as pandoc's Markdown and plain writers draw a Word table such as a cover's masthead
 * ("+------+------+" over and under "| United Nations | CTOC/COP/WG.3/2022/4 |"): read as a two-column cover prints,
 * each row's cells apart by a gap, the rules dropped. Only the lines between such rules are touched, so a text's own
 * bars stay as they are.
 */
final class GridTables {

    /** A table's rule: "+---+---+", "+===+", with alignment colons. */
    private static final Pattern RULE = Pattern.compile("[ \\t]*\\+(?:[-=:]{3,}\\+)+[ \\t]*");
    /** A row's line between the rules: its cells between bars. */
    private static final Pattern ROW = Pattern.compile("[ \\t]*\\|(.*)\\|[ \\t]*");
    /** What sets cells apart: the gap a two-column cover leaves between its columns. */
    static final String CELL_GAP = "    ";

    private GridTables() {}

    static String plain(String text) {
        if (!RULE.matcher(text).find()) {
            return text;
        }
        String[] lines = text.split("\n", -1);
        boolean inTable = false;
        for (int i = 0; i < lines.length; i++) {
            if (RULE.matcher(lines[i]).matches()) {
                lines[i] = "";
                inTable = true;
            } else if (inTable && ROW.matcher(lines[i]).matches()) {
                String row = lines[i].strip();
                lines[i] = cells(row.substring(1, row.length() - 1));
            } else {
                inTable = false;
            }
        }
        return String.join("\n", lines);
    }

    /** A row's cells between its outer bars, each trimmed, set apart by a column's gap (a pipe table's too). */
    static String cells(String inside) {
        var out = new StringBuilder();
        for (String cell : inside.split("\\|")) {
            if (!cell.isBlank()) {
                out.append(out.isEmpty() ? "" : CELL_GAP).append(cell.strip());
            }
        }
        return out.toString();
    }
}
