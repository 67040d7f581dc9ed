package org.tipsearch.index;

import java.util.List;
import java.util.Objects;
import org.tipsearch.enrich.Annotations;
import org.tipsearch.ingest.Paragraph;

/** A paragraph as read back from the index: the unit, its report id and its annotations. */
public record IndexedParagraph(String id, String reportId, Paragraph paragraph, Annotations annotations) {
    public IndexedParagraph {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(paragraph, "paragraph");
        Objects.requireNonNull(annotations, "annotations");
    }

    public List<String> topics() {
        return annotations.topics();
    }

    public List<String> speakerTypes() {
        return annotations.speakerTypes();
    }
}
