package org.tipsearch.index;

import java.util.List;
import java.util.Objects;
import org.tipsearch.enrich.Annotations;
import org.tipsearch.ingest.Unit;

/** A unit as read back from the index: the unit as parsed, its report id and its annotations. */
public record IndexedUnit(String id, String reportId, Unit parsed, Annotations annotations) {
    public IndexedUnit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(parsed, "parsed");
        Objects.requireNonNull(annotations, "annotations");
    }

    public List<String> topics() {
        return annotations.topics();
    }

    public List<String> speakerTypes() {
        return annotations.speakerTypes();
    }
}
