package org.tipsearch.search;

import java.util.List;

/** A report with all its units in reading order. */
public record DocumentContents(DocumentSummary summary, List<Hit> paragraphs) {
    public DocumentContents {
        paragraphs = List.copyOf(paragraphs);
    }
}
