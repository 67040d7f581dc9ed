package org.tipsearch.enrich;

import java.util.List;
import java.util.Objects;
import org.tipsearch.ingest.Unit;
import org.tipsearch.ingest.Report;

/** A report with the annotations of each of its units, in the same order, and its recommendations register. */
public record AnnotatedReport(Report report, List<Annotations> annotations, List<Recommendation> recommendations) {
    public AnnotatedReport {
        Objects.requireNonNull(report, "report");
        annotations = List.copyOf(annotations);
        recommendations = List.copyOf(recommendations);
        if (annotations.size() != report.units().size()) {
            throw new IllegalArgumentException("report " + report.metadata().id() + " has "
                    + report.units().size() + " units but " + annotations.size() + " annotations");
        }
    }

    public Annotations annotationsOf(Unit paragraph) {
        return annotations.get(paragraph.position());
    }
}
