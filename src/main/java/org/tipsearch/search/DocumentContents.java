package org.tipsearch.search;

import java.util.List;

/** A report with all its units in reading order. */
public record DocumentContents(DocumentSummary summary, List<Hit> units) {
    public DocumentContents {
        units = List.copyOf(units);
    }
}
