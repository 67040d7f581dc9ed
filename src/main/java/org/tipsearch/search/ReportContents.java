package org.tipsearch.search;

import java.util.List;

/** A report with all its units in reading order. */
public record ReportContents(ReportSummary summary, List<Hit> units) {
    public ReportContents {
        units = List.copyOf(units);
    }
}
